package cn.qiying.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** The checkout's root: the surefire property {@code qiying.project.root}, else the nearest folder up with scripts/redis-stack.sh. */
public final class ProjectRoot {

    private ProjectRoot() {
    }

    public static Path find() {
        String configured = System.getProperty("qiying.project.root");
        if (configured != null && Files.exists(Path.of(configured, "scripts/redis-stack.sh"))) {
            return Path.of(configured).toAbsolutePath();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("scripts/redis-stack.sh"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find scripts/redis-stack.sh above " + Path.of("").toAbsolutePath());
    }
}
