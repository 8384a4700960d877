package cn.qiying.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;

/**
 * A primary, one replica (AOF on both) and three Sentinels (quorum 2), each a process of its own started through
 * {@code scripts/redis-stack.sh} on free local ports in a temporary folder, for tests and drills of a failover.
 * {@link #kill9Primary()} kills whichever server is primary now; {@link #close()} stops everything still running.
 */
public final class SentinelRedis implements AutoCloseable {

    public static final String MASTER = "qiying";

    private final Path root;
    private final Path script;
    private final List<Integer> servers = new ArrayList<>();
    private final List<Integer> sentinels = new ArrayList<>();
    private final Thread stopOnExit = new Thread(this::close, "sentinel-redis-stop");

    private SentinelRedis(Path root) {
        this.root = root;
        this.script = ProjectRoot.find().resolve("scripts/redis-stack.sh");
    }

    /** Starts them; the Sentinels call the primary down after {@code downAfter} without an answer. */
    public static SentinelRedis start(Duration downAfter) {
        try {
            SentinelRedis group = new SentinelRedis(Files.createTempDirectory("qiying-sentinel-"));
            Runtime.getRuntime().addShutdownHook(group.stopOnExit);
            int primary = freePort();
            group.run(Map.of("REDIS_PORT", Integer.toString(primary), "REDIS_DIR", group.dir(primary).toString()), "start");
            group.servers.add(primary);
            int replica = freePort();
            group.run(Map.of("REDIS_DIR", group.dir(replica).toString()), "replica", Integer.toString(replica), Integer.toString(primary));
            group.servers.add(replica);
            for (int i = 0; i < 3; i++) {
                int port = freePort();
                group.run(Map.of("REDIS_DIR", group.dir(port).toString(),
                        "SENTINEL_MASTER", MASTER, "SENTINEL_DOWN_AFTER", Long.toString(downAfter.toMillis()),
                        "SENTINEL_FAILOVER_TIMEOUT", "10000"), "sentinel", Integer.toString(port), Integer.toString(primary));
                group.sentinels.add(port);
            }
            group.awaitReplicaInSync(replica, Duration.ofSeconds(30));
            return group;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code spring.data.redis.sentinel.nodes}: {@code 127.0.0.1:p1,127.0.0.1:p2,127.0.0.1:p3}. */
    public String sentinelNodes() {
        return sentinels.stream().map(p -> "127.0.0.1:" + p).collect(Collectors.joining(","));
    }

    public int replicaPort() {
        return servers.get(1);
    }

    /** The primary as the Sentinels name it now. */
    public HostAndPort primary() {
        for (int port : sentinels) {
            try (Jedis sentinel = new Jedis("127.0.0.1", port)) {
                List<String> address = sentinel.sentinelGetMasterAddrByName(MASTER);
                return new HostAndPort(address.get(0), Integer.parseInt(address.get(1)));
            } catch (RuntimeException down) {
                // try the next Sentinel
            }
        }
        throw new IllegalStateException("no Sentinel answers");
    }

    /** SIGKILL of the current primary: no shutdown, no final write; the replica has what replication sent it. */
    public HostAndPort kill9Primary() throws IOException, InterruptedException {
        HostAndPort primary = primary();
        Path pidFile = dir(primary.getPort()).resolve("redis.pid");
        long pid = Long.parseLong(Files.readString(pidFile, StandardCharsets.UTF_8).trim());
        new ProcessBuilder("kill", "-9", Long.toString(pid)).inheritIO().start().waitFor(10, TimeUnit.SECONDS);
        // its port closes with it (a killed daemon may linger as a zombie until reaped, so the pid says less)
        for (int i = 0; i < 100 && answers(primary.getPort()); i++) {
            Thread.sleep(20);
        }
        return primary;
    }

    private static boolean answers(int port) {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException closed) {
            return false;
        }
    }

    /** Waits until the Sentinels name another primary than {@code old}; returns it. */
    public HostAndPort awaitFailover(HostAndPort old, Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            HostAndPort now = primary();
            if (now.getPort() != old.getPort()) {
                return now;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("no failover within " + limit);
    }

    /** Starts a killed server again from its files (it comes back as a replica of the new primary). */
    public void restart(int port) {
        run(Map.of("REDIS_PORT", Integer.toString(port), "REDIS_DIR", dir(port).toString()), "start");
    }

    @Override
    public void close() {
        List<Integer> all = new ArrayList<>(sentinels);
        all.addAll(servers);
        for (int port : all) {
            try {
                run(Map.of("REDIS_PORT", Integer.toString(port), "REDIS_DIR", dir(port).toString()), "stop");
            } catch (RuntimeException e) {
                System.err.println("could not stop Redis on port " + port + ": " + e.getMessage());
            }
        }
        sentinels.clear();
        servers.clear();
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException exiting) {
            // already shutting down: this is the hook
        }
    }

    private void awaitReplicaInSync(int replica, Duration limit) {
        long end = System.nanoTime() + limit.toNanos();
        try (Jedis redis = new Jedis("127.0.0.1", replica)) {
            while (System.nanoTime() < end) {
                if (redis.info("replication").contains("master_link_status:up")) {
                    return;
                }
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new IllegalStateException("the replica on port " + replica + " did not sync within " + limit);
    }

    private Path dir(int port) {
        return root.resolve(Integer.toString(port));
    }

    private void run(Map<String, String> environment, String... arguments) {
        List<String> command = new ArrayList<>(List.of("bash", script.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        builder.environment().remove("SPRING_DATA_REDIS_URL");
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException("scripts/redis-stack.sh " + String.join(" ", arguments) + " failed:\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
