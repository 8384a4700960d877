package cn.qiying.handoff.ticket;

/** The enterprise behind an appeal; {@code uscc} is the unified social credit code. */
public record Enterprise(String name, String uscc, String contact, String phone) {

    /** Whether {@code given} is the phone it left: 0531-8888 9999 and 053188889999 are one number; under 7 digits never is. */
    public boolean leftPhone(String given) {
        String digits = given == null ? "" : given.replaceAll("[^0-9]", "");
        return digits.length() >= 7 && phone != null && digits.equals(phone.replaceAll("[^0-9]", ""));
    }
}
