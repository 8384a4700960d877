package cn.qiying.channels.callback;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.qiying.bot.Dialog;
import cn.qiying.bot.Reply;
import cn.qiying.bot.UserMessage;
import cn.qiying.channels.wechat.CustomerServiceMessages;
import cn.qiying.channels.wechat.UndeliveredMessages;
import cn.qiying.channels.wechat.WeChatProperties;
import cn.qiying.channels.wechat.WeChatText;
import cn.qiying.handoff.notify.Messenger.Delivery;

/**
 * Runs the dialog for one message. When the answer is ready within the passive budget it is returned for the HTTP
 * response; otherwise (or on the mini program, which has no passive replies) it is sent later as a customer-service
 * message, retried a few times on transient errors and recorded as undelivered when WeChat refuses it. On shutdown the
 * replies in flight are finished within {@code qiying.wechat.callback.shutdown-grace}; the rest are handed back to Redis
 * and finished by the next instance to start.
 */
@Component
class ConverseOnCallback {

    private static final Logger log = LoggerFactory.getLogger(ConverseOnCallback.class);

    /** After the grace: how long a dialog already running may still take to send its reply before the JVM exits. */
    private static final Duration LAST_MOMENT = Duration.ofSeconds(5);

    private final Dialog dialog;
    private final ExecutorService workers;
    private final CustomerServiceMessages customerService;
    private final UndeliveredMessages undelivered;
    private final MessageSource messages;
    private final Duration budget;
    private final int attempts;
    private final Duration grace;
    private final HandedBackReplies handedBack;
    private final Map<Long, Tracked> unfinished = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    ConverseOnCallback(Dialog dialog, CustomerServiceMessages customerService, UndeliveredMessages undelivered,
                       MessageSource messages, WeChatProperties properties, HandedBackReplies handedBack) {
        this.dialog = dialog;
        this.workers = workers(properties.callback().workers());
        this.customerService = customerService;
        this.undelivered = undelivered;
        this.messages = messages;
        this.budget = properties.callback().passiveBudget();
        this.attempts = Math.max(1, properties.callback().sendAttempts());
        this.grace = properties.callback().shutdownGrace();
        this.handedBack = handedBack;
    }

    /** The text to reply passively, or empty when there is nothing to say now. */
    Optional<String> converse(UserMessage message, boolean passive) {
        long id = track(HandedBackReplies.Work.answer(message));
        CompletableFuture<String> answer = CompletableFuture.supplyAsync(() -> run(id, message), workers);
        if (passive) {
            try {
                String text = answer.get(budget.toMillis(), TimeUnit.MILLISECONDS);
                unfinished.remove(id);
                return text.isBlank() ? Optional.empty() : Optional.of(text);
            } catch (TimeoutException e) {
                log.info("the dialog took longer than {} ms: replying by customer-service message", budget.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                unfinished.remove(id);
                log.error("the dialog failed", e.getCause());
                return Optional.empty();
            }
        }
        replyLater(id, message, answer);
        return Optional.empty();
    }

    /** Work this instance owes a user, until its reply is being sent (or handed back). */
    private record Tracked(HandedBackReplies.Work work, boolean running) {
    }

    private long track(HandedBackReplies.Work work) {
        long id = ids.incrementAndGet();
        unfinished.put(id, new Tracked(work, false));
        return id;
    }

    /** Runs the dialog unless the message was handed back meanwhile (then the next instance answers it). */
    private String run(long id, UserMessage message) {
        if (unfinished.computeIfPresent(id, (k, t) -> new Tracked(t.work(), true)) == null) {
            return "";
        }
        return answer(message);
    }

    /**
     * The reply is sent by the worker that ran the dialog (not a task of its own), so a stopping pool finishes it in its
     * grace period; whoever removes the tracked work first (this sender, or the hand-back on shutdown) owns it.
     */
    private void replyLater(long id, UserMessage message, CompletableFuture<String> dialogAnswer) {
        // an answer ready by now would be sent by the calling (HTTP) thread: hand it to a worker instead
        CompletableFuture<String> answer = dialogAnswer.isDone() ? dialogAnswer.thenApplyAsync(t -> t, workers) : dialogAnswer;
        answer.thenApply(text -> {
            unfinished.computeIfPresent(id, (k, t) -> new Tracked(HandedBackReplies.Work.send(message, text), false));
            return text;
        }).thenAccept(text -> {
            if (unfinished.remove(id) != null) {
                sendLater(message, text);
            }
        });
    }

    /** What an instance that stopped before finishing handed back: answered and sent here, each once. */
    @EventListener(ApplicationReadyEvent.class)
    void resumeHandedBack() {
        List<HandedBackReplies.Work> work = handedBack.takeAll();
        if (!work.isEmpty()) {
            log.info("finishing {} asynchronous replies handed back by a stopped instance", work.size());
        }
        for (HandedBackReplies.Work w : work) {
            long id = track(w);
            replyLater(id, w.message(), w.text() == null ? CompletableFuture.supplyAsync(() -> run(id, w.message()), workers)
                    : CompletableFuture.supplyAsync(w::text, workers));
        }
    }

    /** Its own pool (not a bean: an Executor bean would displace Spring Boot's applicationTaskExecutor). */
    private static ExecutorService workers(int threads) {
        AtomicInteger n = new AtomicInteger();
        return new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(1000), r -> {
            Thread t = new Thread(r, "wechat-dialog-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.CallerRunsPolicy());
    }

    /**
     * Finishes the replies in flight within the grace period; then hands back to Redis what has not started (messages
     * still queued, answers not yet being sent) and gives the dialogs still running a last moment to send their reply.
     * Nothing is interrupted: an interrupted send would be lost, and a second reply is worse than a late one.
     */
    @PreDestroy
    void stop() throws InterruptedException {
        workers.shutdown();
        if (workers.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            return;
        }
        List<HandedBackReplies.Work> left = new ArrayList<>();
        for (Long id : List.copyOf(unfinished.keySet())) {
            unfinished.compute(id, (k, t) -> {
                if (t == null || t.running()) {
                    return t;
                }
                left.add(t.work());
                return null;
            });
        }
        handedBack.handBack(left);
        workers.awaitTermination(LAST_MOMENT.toMillis(), TimeUnit.MILLISECONDS);
    }

    private String answer(UserMessage message) {
        try {
            List<Reply> replies = dialog.handle(message);
            return replies == null ? "" : WeChatText.of(replies);
        } catch (RuntimeException e) {
            log.error("the dialog failed on a {} message", message.kind(), e);
            return messages.getMessage("channels.dialog.failed", null, "channels.dialog.failed", java.util.Locale.SIMPLIFIED_CHINESE);
        }
    }

    private void sendLater(UserMessage message, String text) {
        if (text.isBlank()) {
            return;
        }
        Delivery delivery = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            delivery = customerService.send(message.channel(), message.openId(), text);
            if (delivery.outcome() != Delivery.Outcome.RETRY) {
                break;
            }
            pause(attempt);
        }
        if (delivery.outcome() != Delivery.Outcome.SENT) {
            undelivered.record(message.channel(), message.openId(), text, delivery.reason());
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(200L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
