package cn.qiying.platform.names;

import java.util.Locale;
import java.util.Optional;

/** Enum constants by their lower-case JSON names (any case accepted), so no enum writes its own search loop. */
public final class EnumNames {

    private EnumNames() {
    }

    public static <E extends Enum<E>> Optional<E> find(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String wanted = value.trim().replace('-', '_').toUpperCase(Locale.ROOT);
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(wanted)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** For Jackson creators: the constant, or an exception naming the accepted values (English, for logs; the edge speaks Chinese). */
    public static <E extends Enum<E>> E parse(Class<E> type, String value) {
        return find(type, value).orElseThrow(() -> new IllegalArgumentException(
                type.getSimpleName() + ": " + java.util.Arrays.stream(type.getEnumConstants()).map(EnumNames::json).toList()));
    }

    public static String json(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
