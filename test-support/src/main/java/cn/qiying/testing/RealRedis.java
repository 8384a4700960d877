package cn.qiying.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.net.URI;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * Starts one real Redis with the search and JSON modules per test JVM, through {@code scripts/redis-stack.sh}
 * on a free port in a temporary directory, and gives each test class a clean keyspace.
 * Spring Boot tests see it as {@code spring.data.redis.url}. Search indexes survive the cleaning, so a cached
 * application context stays valid from one test class to the next.
 */
public final class RealRedis implements BeforeAllCallback {

    private static volatile Server server;

    /** The running server's URL, starting it on first use. */
    public static String url() {
        return server().url();
    }

    public static int port() {
        return server().port();
    }

    /** Deletes every key (documents, counters, streams); index definitions stay. */
    public static void clean() {
        try (Jedis redis = new Jedis(URI.create(url()))) {
            String cursor = ScanParams.SCAN_POINTER_START;
            ScanParams params = new ScanParams().count(1000);
            do {
                ScanResult<String> page = redis.scan(cursor, params);
                if (!page.getResult().isEmpty()) {
                    redis.unlink(page.getResult().toArray(String[]::new));
                }
                cursor = page.getCursor();
            } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server();
        clean();
    }

    private static Server server() {
        Server current = server;
        if (current == null) {
            synchronized (RealRedis.class) {
                if (server == null) {
                    server = Server.start();
                    System.setProperty("spring.data.redis.url", server.url());
                    Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "real-redis-stop"));
                }
                current = server;
            }
        }
        return current;
    }

    private record Server(String url, int port, Path dir, Path script) {

        static Server start() {
            Path script = ProjectRoot.find().resolve("scripts/redis-stack.sh");
            int port = freePort();
            try {
                Path dir = Files.createTempDirectory("qiying-redis-");
                List<String> out = run(script, port, dir, "start");
                String url = out.isEmpty() ? "" : out.get(out.size() - 1).trim();
                if (!url.startsWith("redis://")) {
                    throw new IllegalStateException("scripts/redis-stack.sh start did not print a URL:\n" + String.join("\n", out));
                }
                return new Server(url, port, dir, script);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void stop() {
            try {
                run(script, port, dir, "stop");
            } catch (IOException | RuntimeException e) {
                System.err.println("could not stop the test Redis on port " + port + ": " + e);
            }
        }

        private static List<String> run(Path script, int port, Path dir, String command) throws IOException {
            ProcessBuilder builder = new ProcessBuilder("bash", script.toString(), command)
                    .redirectErrorStream(true);
            builder.environment().put("REDIS_PORT", Integer.toString(port));
            builder.environment().put("REDIS_DIR", dir.toString());
            builder.environment().remove("SPRING_DATA_REDIS_URL"); // the tests get a server of their own
            Process process = builder.start();
            try {
                if (!process.waitFor(5, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("scripts/redis-stack.sh " + command + " timed out");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException("scripts/redis-stack.sh " + command + " failed:\n" + output);
            }
            return output.lines().toList();
        }

        private static int freePort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
