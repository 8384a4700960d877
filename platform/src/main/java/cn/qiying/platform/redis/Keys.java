package cn.qiying.platform.redis;

/** Every key Qiying writes starts with {@code qiying:}; the shapes are listed in the README. */
public final class Keys {

    public static final String PREFIX = "qiying:";

    private Keys() {
    }

    /** {@code qiying:part1:part2…} */
    public static String of(String... parts) {
        return PREFIX + String.join(":", parts);
    }
}
