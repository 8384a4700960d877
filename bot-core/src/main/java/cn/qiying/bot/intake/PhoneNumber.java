package cn.qiying.bot.intake;

import java.util.Optional;
import java.util.regex.Pattern;

/** A mainland mobile (11 digits, 1[3-9]…) or landline (area code 0xx/0xxx and 7-8 digits, optional extension). */
public final class PhoneNumber {

    private static final Pattern MOBILE = Pattern.compile("(?:\\+?86-?)?(1[3-9][0-9]{9})");
    private static final Pattern LANDLINE = Pattern.compile("(0[0-9]{2,3})-?([2-9][0-9]{6,7})(?:(?:-|转)([0-9]{1,6}))?");

    private PhoneNumber() {
    }

    /** The number in a canonical form (mobile digits, landline {@code 0531-88888888}), or empty when it is not one. */
    public static Optional<String> parse(String candidate) {
        String s = candidate.replace(" ", "").replace("(", "").replace(")", "");
        var mobile = MOBILE.matcher(s);
        if (mobile.matches()) {
            return Optional.of(mobile.group(1));
        }
        var landline = LANDLINE.matcher(s);
        if (landline.matches()) {
            String number = landline.group(1) + "-" + landline.group(2);
            return Optional.of(landline.group(3) == null ? number : number + "-" + landline.group(3));
        }
        return Optional.empty();
    }
}
