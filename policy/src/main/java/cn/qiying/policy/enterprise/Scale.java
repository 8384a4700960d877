package cn.qiying.policy.enterprise;

import java.util.Locale;

/** An enterprise's size class (large, medium, small, micro by the statistics bureau's thresholds); shown by its bundle label. */
public enum Scale {
    LARGE, MEDIUM, SMALL, MICRO;

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String labelKey() {
        return "policy.scale." + json();
    }
}
