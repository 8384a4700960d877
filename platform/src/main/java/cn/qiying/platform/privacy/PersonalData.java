package cn.qiying.platform.privacy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Masks personal data (phones, unified social credit codes, names) before it reaches a log. */
public final class PersonalData {

    private static final Pattern MOBILE = Pattern.compile("(?<![0-9])(1[3-9][0-9])[0-9]{4}([0-9]{4})(?![0-9])");
    private static final Pattern LANDLINE = Pattern.compile("(?<![0-9])(0[0-9]{2,3}-?)[0-9]{5,6}([0-9]{2})(?![0-9])");
    private static final Pattern USCC = Pattern.compile("(?<![0-9A-Z])([0-9A-HJ-NPQRTUWXY]{2}[0-9]{2})[0-9A-HJ-NPQRTUWXY]{12}([0-9A-HJ-NPQRTUWXY]{2})(?![0-9A-Z])");

    private PersonalData() {
    }

    /** Masks every phone number and credit code found in free text. */
    public static String maskText(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = USCC.matcher(text).replaceAll("$1************$2");
        masked = MOBILE.matcher(masked).replaceAll("$1****$2");
        return LANDLINE.matcher(masked).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "****" + m.group(2)));
    }

    /** 张三丰 → 张** */
    public static String maskName(String name) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        return name.charAt(0) + "*".repeat(Math.max(1, name.codePointCount(0, name.length()) - 1));
    }
}
