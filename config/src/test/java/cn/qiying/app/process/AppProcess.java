package cn.qiying.app.process;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The whole application in a JVM of its own (this test JVM's classpath, {@code cn.qiying.app.QiyingApplication}), so a
 * drill can kill it with -9 and a benchmark can time its start-up. Its log goes to a file under target/.
 */
public final class AppProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;
    private final long startedNanos;

    private AppProcess(Process process, int port, Path log, long startedNanos) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.startedNanos = startedNanos;
    }

    /** Starts the app with these {@code --name=value} arguments on a free port; returns at once. */
    public static AppProcess start(String name, List<String> arguments) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = Files.createDirectories(Path.of("target", "app-processes")).resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "cn.qiying.app.QiyingApplication", "--server.port=" + port));
        command.addAll(arguments);
        long t0 = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new AppProcess(process, port, log, t0);
    }

    /** Waits until /actuator/health says UP; returns the time from process start, or fails with the log's tail. */
    public Duration awaitHealthy(Duration limit) throws InterruptedException, IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();
        while (System.nanoTime() - startedNanos < limit.toNanos() && process.isAlive()) {
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                    return Duration.ofNanos(System.nanoTime() - startedNanos);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        List<String> lines = Files.readAllLines(log);
        throw new IllegalStateException("the app did not become healthy; its log ends:\n"
                + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
    }

    public String base() {
        return "http://localhost:" + port;
    }

    public Path log() {
        return log;
    }

    /** SIGKILL: no shutdown hooks, nothing flushed, work in flight simply stops. */
    public void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(20, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
