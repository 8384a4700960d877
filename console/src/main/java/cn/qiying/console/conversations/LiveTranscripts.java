package cn.qiying.console.conversations;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import cn.qiying.console.ConsoleLabels;
import cn.qiying.handoff.conversation.Conversations;
import cn.qiying.platform.web.WebEdge;

/**
 * Server-sent events of a conversation's new transcript entries. One thread polls the Redis stream of every open view
 * (XRANGE after the last id sent) twice a second, so a view costs no held Redis connection; the event id is the stream
 * id, so a browser that reconnects (Last-Event-ID) resumes where it stopped. A view ends when its agent lets go, and
 * every view ends before the web server stops (an open stream would hold its shutdown).
 */
@Component
@WebEdge
class LiveTranscripts implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveTranscripts.class);
    private static final long TIMEOUT_MILLIS = 10 * 60 * 1000L;

    private final Conversations conversations;
    private final ConsoleLabels labels;
    private ScheduledExecutorService poller;
    private final Map<SseEmitter, View> views = new ConcurrentHashMap<>();
    private long ticks;
    private volatile boolean running;

    private static final class View {
        final String userKey;
        final String agent;
        volatile String lastId;

        View(String userKey, String agent, String lastId) {
            this.userKey = userKey;
            this.agent = agent;
            this.lastId = lastId;
        }
    }

    record Said(String who, String direction, String text, String at) {
    }

    LiveTranscripts(Conversations conversations, ConsoleLabels labels) {
        this.labels = labels;
        this.conversations = conversations;
    }

    @Override
    public synchronized void start() {
        // made at each start: a stopped context (a paused test context, too) may be started again
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "console-live-transcripts");
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(this::poll, 500, 500, TimeUnit.MILLISECONDS);
        running = true;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE; // stops first
    }

    SseEmitter open(String userKey, String agent, String afterId) {
        SseEmitter emitter = new SseEmitter(TIMEOUT_MILLIS);
        views.put(emitter, new View(userKey, agent, afterId == null || afterId.isBlank() ? "0" : afterId));
        emitter.onCompletion(() -> views.remove(emitter));
        emitter.onTimeout(() -> views.remove(emitter));
        emitter.onError(e -> views.remove(emitter));
        return emitter;
    }

    Said said(Conversations.Entry e) {
        String direction = e.direction().name().toLowerCase(java.util.Locale.ROOT);
        return new Said(labels.text("conversation.direction." + direction), direction, e.text(), ConsoleLabels.time(e.at()));
    }

    private void poll() {
        boolean heartbeat = ++ticks % 30 == 0;
        views.forEach((emitter, view) -> {
            try {
                if (!conversations.agent(view.userKey).map(view.agent::equals).orElse(false)) {
                    emitter.send(SseEmitter.event().name("released").data("{}"));
                    emitter.complete();
                    views.remove(emitter);
                    return;
                }
                List<Conversations.Logged> fresh = conversations.transcriptAfter(view.userKey, view.lastId, 50);
                for (Conversations.Logged logged : fresh) {
                    emitter.send(SseEmitter.event().id(logged.id()).name("entry").data(said(logged.entry())));
                    view.lastId = logged.id();
                }
                if (heartbeat && fresh.isEmpty()) {
                    emitter.send(SseEmitter.event().comment("keep-alive"));
                }
            } catch (IOException | IllegalStateException e) {
                views.remove(emitter); // the browser went away
            } catch (RuntimeException e) {
                log.warn("live transcript of a conversation failed: {}", e.toString());
            }
        });
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (poller != null) {
            poller.shutdownNow();
        }
        views.keySet().forEach(SseEmitter::complete);
        views.clear();
    }
}
