package cn.qiying.platform.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.TreeSet;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.context.MessageSourceAutoConfiguration;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every module's words in one message source: each {@code messages/<module>.properties} on the classpath (UTF-8,
 * Chinese), found at start-up, so a module brings its bundle by existing. Keys are module-prefixed and unique.
 */
@AutoConfiguration(before = MessageSourceAutoConfiguration.class)
public class MessageBundles {

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    @Bean
    MessageSource messageSource() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames(basenames());
        source.setDefaultEncoding(StandardCharsets.UTF_8.name());
        source.setFallbackToSystemLocale(false);
        source.setDefaultLocale(CHINESE);
        return source;
    }

    @Bean
    Texts texts(MessageSource messageSource) {
        return new Texts(messageSource);
    }

    static String[] basenames() {
        try {
            Resource[] found = new PathMatchingResourcePatternResolver().getResources("classpath*:messages/*.properties");
            TreeSet<String> names = new TreeSet<>();
            Arrays.stream(found).map(Resource::getFilename).filter(n -> n != null && !n.contains("_"))
                    .forEach(n -> names.add("messages/" + n.substring(0, n.length() - ".properties".length())));
            return names.toArray(String[]::new);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
