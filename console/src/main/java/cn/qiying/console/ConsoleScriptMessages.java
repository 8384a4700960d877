package cn.qiying.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.TreeMap;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * The words the console's scripts show ({@code console.js.*} of the console bundle), handed to them as JSON in a
 * meta tag: the scripts hold no Chinese of their own.
 */
@Component("consoleScriptMessages")
public class ConsoleScriptMessages {

    private static final String PREFIX = "console.js.";

    private final String json;

    ConsoleScriptMessages() {
        Properties bundle = new Properties();
        try (InputStream in = new ClassPathResource("messages/console.properties").getInputStream()) {
            bundle.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TreeMap<String, String> scripts = new TreeMap<>();
        bundle.stringPropertyNames().stream().filter(k -> k.startsWith(PREFIX))
                .forEach(k -> scripts.put(k.substring(PREFIX.length()), bundle.getProperty(k)));
        this.json = JsonMapper.builder().build().writeValueAsString(scripts);
    }

    public String json() {
        return json;
    }
}
