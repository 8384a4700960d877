package cn.qiying.app.drill;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import cn.qiying.testing.ProjectRoot;

/** A Redis of the drill's own (scripts/redis-stack.sh, AOF with appendfsync always) that it may kill with -9 and start again from its files. */
final class DrillRedis {

    private final int port;
    private final Path dir;

    private DrillRedis(int port, Path dir) {
        this.port = port;
        this.dir = dir;
    }

    static DrillRedis start() {
        try (ServerSocket socket = new ServerSocket(0)) {
            DrillRedis redis = new DrillRedis(socket.getLocalPort(), Files.createTempDirectory("qiying-drill-redis"));
            socket.close();
            redis.run("start");
            Runtime.getRuntime().addShutdownHook(new Thread(redis::stopQuietly, "drill-redis-stop"));
            return redis;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** SIGKILL: no shutdown, no final save; what survives is what the append-only file already holds. */
    void kill9() throws IOException, InterruptedException {
        String pid = Files.readString(dir.resolve("redis.pid"), StandardCharsets.UTF_8).trim();
        Process kill = new ProcessBuilder("kill", "-9", pid).inheritIO().start();
        kill.waitFor(10, TimeUnit.SECONDS);
        for (int i = 0; i < 100 && ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false); i++) {
            Thread.sleep(50);
        }
    }

    void restart() {
        run("start");
    }

    private void stopQuietly() {
        try {
            run("stop");
        } catch (RuntimeException ignored) {
            // the JVM is going away
        }
    }

    private void run(String command) {
        try {
            ProcessBuilder builder = new ProcessBuilder("bash", ProjectRoot.find().resolve("scripts/redis-stack.sh").toString(), command)
                    .redirectErrorStream(true);
            builder.environment().put("REDIS_PORT", Integer.toString(port));
            builder.environment().put("REDIS_DIR", dir.toString());
            builder.environment().remove("SPRING_DATA_REDIS_URL");
            Process p = builder.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("redis-stack.sh " + command + " failed: " + out);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
