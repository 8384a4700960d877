package cn.qiying.policy.enterprise;

/** Phone numbers on file: stored as digits only, a mobile (11 digits, 1[3-9]…) or a landline with its area code. */
final class Phones {

    private Phones() {
    }

    static String digits(String phone) {
        return phone == null ? null : phone.replaceAll("[\\s()\uFF08\uFF09+-]", "");
    }

    static boolean plausible(String phone) {
        String d = digits(phone);
        return d.length() <= 20 && (d.matches("1[3-9][0-9]{9}") || d.matches("0[0-9]{9,11}") || d.matches("86(1[3-9][0-9]{9})"));
    }

    /** Only mobiles take text messages. */
    static boolean mobile(String phone) {
        return phone != null && digits(phone).matches("(86)?1[3-9][0-9]{9}");
    }
}
