package cn.qiying.knowledge.retrieval;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import cn.qiying.knowledge.entry.BaseVersion;
import cn.qiying.knowledge.entry.KnowledgeEntry;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.json.Path2;

/**
 * The lexicon of the base as it is now: read from the live entries again whenever the base version moved. A small
 * base is read before the search that noticed the change; a large one in the background while the previous lexicon
 * serves.
 */
@Component
class BaseLexicons implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(BaseLexicons.class);
    /** Up to this many entries the lexicon is rebuilt before answering (about 100 ms). */
    static final int READ_AT_ONCE = 5_000;
    private static final Path2[] PATHS = {Path2.of("$.question"), Path2.of("$.similarQuestions"), Path2.of("$.tags"),
            Path2.of("$.answer"), Path2.of("$.state")};

    private record Built(long version, BaseLexicon lexicon) {
    }

    private final UnifiedJedis jedis;
    private final BaseVersion versions;
    private final QueryText text;
    private volatile Built current = new Built(-1, BaseLexicon.EMPTY);
    private final AtomicBoolean rebuilding = new AtomicBoolean();
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "knowledge-lexicon");
        t.setDaemon(true);
        return t;
    });

    BaseLexicons(UnifiedJedis jedis, BaseVersion versions, QueryText text) {
        this.jedis = jedis;
        this.versions = versions;
        this.text = text;
    }

    BaseLexicon current() {
        long version = versions.current();
        Built built = current;
        if (built.version() == version) {
            return built.lexicon();
        }
        if (built.version() < 0 || built.lexicon().size() < READ_AT_ONCE) {
            synchronized (this) {
                if (current.version() != version) {
                    current = new Built(version, read());
                }
                return current.lexicon();
            }
        }
        if (rebuilding.compareAndSet(false, true)) {
            background.submit(() -> {
                try {
                    current = new Built(version, read());
                } catch (RuntimeException e) {
                    log.warn("knowledge lexicon not rebuilt: {}", e.toString());
                } finally {
                    rebuilding.set(false);
                }
            });
        }
        return built.lexicon();
    }

    private BaseLexicon read() {
        long started = System.nanoTime();
        List<BaseLexicon.EntryText> entries = new ArrayList<>();
        EntryPaths.forEach(jedis, PATHS, (id, paths) -> {
            String question = EntryPaths.first(paths, "$.question");
            if (KnowledgeEntry.LIVE.equals(EntryPaths.first(paths, "$.state")) && question != null) {
                List<String> phrasings = new ArrayList<>(List.of(question));
                phrasings.addAll(EntryPaths.texts(paths, "$.similarQuestions"));
                phrasings.addAll(EntryPaths.texts(paths, "$.tags"));
                entries.add(new BaseLexicon.EntryText(phrasings, EntryPaths.first(paths, "$.answer")));
            }
        });
        BaseLexicon lexicon = new BaseLexicon(entries, text, jedis.hgetAll(OperatorSynonyms.KEY));
        log.debug("knowledge lexicon of {} entries read in {} ms", entries.size(), (System.nanoTime() - started) / 1_000_000);
        return lexicon;
    }

    @Override
    public void destroy() {
        background.shutdownNow();
    }
}
