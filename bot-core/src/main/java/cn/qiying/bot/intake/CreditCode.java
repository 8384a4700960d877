package cn.qiying.bot.intake;

/** The unified social credit code (统一社会信用代码) of GB 32100-2015: 18 characters, the last one a check character. */
public final class CreditCode {

    private static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private CreditCode() {
    }

    /** True when the code has the right shape and its 18th character is the check character of the first 17. */
    public static boolean isValid(String code) {
        if (code == null || code.length() != 18) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int value = CHARSET.indexOf(code.charAt(i));
            if (value < 0) {
                return false;
            }
            sum += value * WEIGHTS[i];
        }
        int check = (31 - sum % 31) % 31;
        return code.charAt(17) == CHARSET.charAt(check);
    }
}
