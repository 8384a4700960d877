package cn.qiying.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import cn.qiying.testing.RealRedis;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The image {@code make image} builds (target/qiying-image.tar, a {@code docker load} archive): its layers hold the
 * runnable jar, a Java runtime and the CJK font the printable cards embed; its entrypoint runs the jar as a user who is
 * not root. Then the app is started from the image's own files against the test Redis: inside the unpacked image
 * (chroot, as its entrypoint says) where this test runs as root, else with the image's runtime from outside. It must
 * become healthy and print a card whose PDF embeds the font.
 */
@ExtendWith(RealRedis.class)
class ImageTest {

    static final Path IMAGE = Path.of("target", "qiying-image.tar");
    static final String FONT = "usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
    static final JsonMapper JSON = JsonMapper.builder().build();

    static Path root;
    static JsonNode config;

    @BeforeAll
    static void unpackTheImage() throws Exception {
        assertThat(IMAGE).as("built by jib:buildTar before the tests (make image)").exists();
        Path archive = Files.createTempDirectory("qiying-image-");
        run(List.of("tar", "-xf", IMAGE.toAbsolutePath().toString(), "-C", archive.toString()));
        JsonNode manifest = JSON.readTree(Files.readString(archive.resolve("manifest.json"))).get(0);
        config = JSON.readTree(Files.readString(archive.resolve(manifest.get("Config").asString()))).get("config");
        root = Files.createDirectories(archive.resolve("rootfs"));
        for (JsonNode layer : manifest.get("Layers")) {
            String name = layer.asString();
            run(List.of("tar", name.endsWith(".gz") ? "-xzf" : "-xf", archive.resolve(name).toString(), "-C", root.toString()));
            Files.delete(archive.resolve(name));
        }
    }

    @AfterAll
    static void removeTheUnpackedImage() throws Exception {
        if (root != null) {
            run(List.of("rm", "-rf", root.getParent().toString()));
        }
    }

    @Test
    void theImageHoldsTheJarARuntimeAndTheCardFont() throws Exception {
        Path jar = root.resolve("app/qiying.jar");
        assertThat(jar).isRegularFile();
        try (JarFile file = new JarFile(jar.toFile())) {
            assertThat(file.getManifest().getMainAttributes().getValue("Start-Class")).isEqualTo("cn.qiying.app.QiyingApplication");
            assertThat(file.getEntry("BOOT-INF/lib/")).as("the runnable jar with its dependencies").isNotNull();
        }
        assertThat(Files.getPosixFilePermissions(root.resolve("opt/java/bin/java"))).contains(PosixFilePermission.OTHERS_EXECUTE);
        assertThat(root.resolve("usr/lib64/ld-linux-x86-64.so.2")).as("the loader the runtime is linked against").exists();
        try (InputStream font = Files.newInputStream(root.resolve(FONT))) {
            assertThat(new String(font.readNBytes(4), StandardCharsets.US_ASCII)).as("a TrueType collection").isEqualTo("ttcf");
        }
        assertThat(strings(config.get("Entrypoint"))).startsWith("/opt/java/bin/java").endsWith("-jar", "/app/qiying.jar");
        assertThat(config.get("User").asString()).doesNotStartWith("0").isNotEmpty();
        assertThat(config.get("ExposedPorts").has("8080/tcp")).isTrue();
    }

    @Test
    void theAppStartedFromTheImageIsHealthyAndPrintsACardWithTheFont() throws Exception {
        int port = freePort();
        List<String> app = new ArrayList<>(strings(config.get("Entrypoint")));
        app.addAll(List.of("--server.port=" + port, "--spring.data.redis.url=" + RealRedis.url(),
                "--qiying.admin.password=image-admin", "--logging.level.root=WARN"));
        boolean inside = canChroot();
        System.out.println("starting the app " + (inside ? "inside the unpacked image (chroot)" : "with the image's runtime from outside"));
        List<String> command = inside ? insideTheImage(app) : withTheImagesRuntime(app);
        Path log = Files.createDirectories(Path.of("target", "app-processes")).resolve("image.log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().clear();
        for (JsonNode variable : config.get("Env")) {
            String[] pair = variable.asString().split("=", 2);
            builder.environment().put(pair[0], pair[1]);
        }
        if (!inside) {
            builder.environment().put("PATH", root.resolve("opt/java/bin") + ":/usr/bin:/bin");
        }
        Process process = builder.start();
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
            String base = "http://127.0.0.1:" + port;
            awaitHealthy(http, base, process, log);
            String admin = "Basic " + Base64.getEncoder().encodeToString("admin:image-admin".getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> card = http.send(HttpRequest.newBuilder(URI.create(base + "/api/cards")).header("Authorization", admin)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"企业服务卡（镜像测试）\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(card.statusCode()).as(card.body()).isEqualTo(201);
            String code = JSON.readTree(card.body()).get("code").asString();
            HttpResponse<byte[]> pdf = http.send(HttpRequest.newBuilder(URI.create(base + "/api/cards/" + code + "/card.pdf"))
                    .header("Authorization", admin).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(pdf.statusCode()).isEqualTo(200);
            assertThat(new String(pdf.body(), StandardCharsets.ISO_8859_1)).as("the card embeds the image's CJK font (started "
                    + (inside ? "inside the image" : "with the image's runtime") + ")").contains("NotoSansCJK");
        } finally {
            // the app's own process too: chroot's change of user clears unshare's kill-child signal, so it outlives unshare
            List<ProcessHandle> tree = process.descendants().toList();
            tree.forEach(ProcessHandle::destroy);
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            for (ProcessHandle child : tree) {
                try {
                    child.onExit().get(30, TimeUnit.SECONDS);
                } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
                    child.destroyForcibly();
                }
            }
        }
    }

    /** The entrypoint run in the unpacked image, as its user, with /dev and /proc mounted in a mount namespace of its own. */
    private static List<String> insideTheImage(List<String> entrypoint) {
        String user = config.get("User").asString();
        List<String> command = new ArrayList<>(List.of("/usr/bin/unshare", "--mount", "--kill-child=SIGTERM", "/bin/sh", "-c",
                "mount --rbind /dev \"$0/dev\" && mount -t proc proc \"$0/proc\" && exec /usr/sbin/chroot --userspec=" + user
                        + " \"$0\" \"$@\"", root.toString()));
        command.addAll(entrypoint);
        return command;
    }

    /** The entrypoint with its absolute paths taken inside the unpacked image (for a test run that may not chroot). */
    private static List<String> withTheImagesRuntime(List<String> entrypoint) {
        return entrypoint.stream().map(a -> a.startsWith("/opt/") || a.startsWith("/app/") ? root.resolve(a.substring(1)).toString() : a)
                .toList();
    }

    /** Root in a machine that allows mount namespaces; the image's runtime answers inside (it needs /proc, as in a container). */
    private static boolean canChroot() throws Exception {
        if (!Files.isExecutable(Path.of("/usr/bin/unshare")) || !Files.isExecutable(Path.of("/usr/sbin/chroot"))) {
            return false;
        }
        Process probe = new ProcessBuilder(insideTheImage(List.of("/opt/java/bin/java", "-version"))).redirectErrorStream(true).start();
        String out = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean answered = probe.waitFor(60, TimeUnit.SECONDS) && probe.exitValue() == 0;
        if (!answered) {
            System.out.println("no chroot here: " + out);
        }
        return answered;
    }

    private static void awaitHealthy(HttpClient http, String base, Process process, Path log) throws Exception {
        long end = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < end && process.isAlive()) {
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        List<String> lines = Files.readAllLines(log);
        throw new AssertionError("the app from the image did not become healthy; its log ends:\n"
                + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }

    private static void run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
