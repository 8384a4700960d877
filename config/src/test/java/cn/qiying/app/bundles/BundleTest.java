package cn.qiying.app.bundles;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import cn.qiying.testing.ProjectRoot;

/**
 * Every sentence a person reads comes from a bundle ({@code src/main/resources/messages/<module>.properties}): Java,
 * templates and scripts hold keys, never Chinese text (comments aside), and every key a template or script asks
 * for exists. Modelled on Spring PetClinic's I18nPropertiesSyncTest.
 */
class BundleTest {

    private static final Pattern IDEOGRAPH = Pattern.compile("\\p{IsHan}");
    /** Comments and literals of Java and JavaScript, in source order. */
    private static final Pattern CODE_TOKENS = Pattern.compile(
            "(?s)/\\*.*?\\*/|//[^\\n]*|\"\"\"(?:.*?)\"\"\"|\"(?:\\\\.|[^\"\\\\\\n])*\"|'(?:\\\\.|[^'\\\\\\n])*'");
    private static final Pattern HTML_COMMENT = Pattern.compile("(?s)<!--.*?-->");
    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([\\w.-]*\\w)[}(]|#messages\\.msg(?:WithParams)?\\('([\\w.-]*\\w)'");
    private static final Pattern SCRIPT_KEY = Pattern.compile("\\bt\\('([\\w.-]+)'");

    /**
     * Path prefixes whose Chinese is being moved to bundles by work in progress (issue 13): the list may only shrink,
     * and each entry must still need it.
     */
    static final Set<String> PENDING = Set.of("bot-core/src/main/");

    private final Path root = ProjectRoot.find();

    @Test
    void codeAndTemplatesHoldNoChineseText() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path file : sources()) {
            String rel = root.relativize(file).toString();
            if (PENDING.stream().noneMatch(rel::startsWith) && hasChinese(file)) {
                offenders.add(rel);
            }
        }
        assertThat(offenders).as("Chinese text outside the message bundles (move it to messages/<module>.properties)").isEmpty();
    }

    @Test
    void pendingFilesStillNeedIt() throws IOException {
        Set<String> still = new TreeSet<>();
        for (Path file : sources()) {
            String rel = root.relativize(file).toString();
            PENDING.stream().filter(rel::startsWith).filter(p -> {
                try {
                    return hasChinese(file);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).forEach(still::add);
        }
        assertThat(still).as("remove the entries that no longer hold Chinese from PENDING").containsExactlyInAnyOrderElementsOf(PENDING);
    }

    @Test
    void everyKeyATemplateOrScriptAsksForExists() throws IOException {
        Set<String> keys = bundleKeys();
        Set<String> missing = new TreeSet<>();
        for (Path file : sources()) {
            String name = file.getFileName().toString();
            String text = Files.readString(file, StandardCharsets.UTF_8);
            if (name.endsWith(".html")) {
                Matcher m = TEMPLATE_KEY.matcher(text);
                while (m.find()) {
                    String key = m.group(1) != null ? m.group(1) : m.group(2);
                    if (!keys.contains(key)) {
                        missing.add(root.relativize(file) + ": " + key);
                    }
                }
            } else if (name.endsWith(".js")) {
                Matcher m = SCRIPT_KEY.matcher(text);
                while (m.find()) {
                    if (!keys.contains("console.js." + m.group(1))) {
                        missing.add(root.relativize(file) + ": console.js." + m.group(1));
                    }
                }
            }
        }
        assertThat(missing).as("keys asked for but in no bundle").isEmpty();
    }

    @Test
    void eachModuleHasOneBundleAndNoTwin() throws IOException {
        List<String> twins = new ArrayList<>();
        for (Path bundle : bundles()) {
            if (bundle.getFileName().toString().contains("_")) {
                twins.add(root.relativize(bundle).toString());
            }
        }
        assertThat(twins).as("one base bundle per module (Chinese), no locale twins").isEmpty();
        Set<String> seen = new HashSet<>();
        Set<String> duplicates = new TreeSet<>();
        for (Path bundle : bundles()) {
            for (String key : load(bundle).stringPropertyNames()) {
                if (!seen.add(key)) {
                    duplicates.add(key);
                }
            }
        }
        assertThat(duplicates).as("keys defined in two bundles (the merged message source would pick one)").isEmpty();
    }

    static boolean hasChinese(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String name = file.getFileName().toString();
        if (name.endsWith(".html")) {
            return IDEOGRAPH.matcher(HTML_COMMENT.matcher(text).replaceAll("")).find();
        }
        Matcher m = CODE_TOKENS.matcher(text);
        StringBuilder code = new StringBuilder();
        int at = 0;
        while (m.find()) {
            code.append(text, at, m.start());
            String token = m.group();
            if (!token.startsWith("/")) {
                code.append(token); // literals count, comments do not
            }
            at = m.end();
        }
        code.append(text.substring(at));
        return IDEOGRAPH.matcher(code).find();
    }

    private List<Path> sources() throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path module : modules.filter(p -> Files.isDirectory(p.resolve("src/main"))).toList()) {
                try (Stream<Path> files = Files.walk(module.resolve("src/main"))) {
                    files.filter(Files::isRegularFile).filter(p -> {
                        String n = p.toString();
                        return n.endsWith(".java") || (n.contains("/templates/") && n.endsWith(".html"))
                                || (n.contains("/static/") && n.endsWith(".js"));
                    }).forEach(out::add);
                }
            }
        }
        return out;
    }

    private List<Path> bundles() throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path module : modules.filter(p -> Files.isDirectory(p.resolve("src/main/resources/messages"))).toList()) {
                try (Stream<Path> files = Files.list(module.resolve("src/main/resources/messages"))) {
                    files.filter(p -> p.toString().endsWith(".properties")).forEach(out::add);
                }
            }
        }
        return out;
    }

    private Set<String> bundleKeys() throws IOException {
        Set<String> keys = new HashSet<>();
        for (Path bundle : bundles()) {
            keys.addAll(load(bundle).stringPropertyNames());
        }
        return keys;
    }

    private static Properties load(Path bundle) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(bundle, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }
}
