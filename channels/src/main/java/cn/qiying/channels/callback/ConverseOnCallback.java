package cn.qiying.channels.callback;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
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
 * message, retried a few times on transient errors and recorded as undelivered when WeChat refuses it.
 */
@Component
class ConverseOnCallback {

    private static final Logger log = LoggerFactory.getLogger(ConverseOnCallback.class);

    private final Dialog dialog;
    private final ExecutorService workers;
    private final CustomerServiceMessages customerService;
    private final UndeliveredMessages undelivered;
    private final MessageSource messages;
    private final Duration budget;
    private final int attempts;

    ConverseOnCallback(Dialog dialog, CustomerServiceMessages customerService, UndeliveredMessages undelivered,
                       MessageSource messages, WeChatProperties properties) {
        this.dialog = dialog;
        this.workers = workers(properties.callback().workers());
        this.customerService = customerService;
        this.undelivered = undelivered;
        this.messages = messages;
        this.budget = properties.callback().passiveBudget();
        this.attempts = Math.max(1, properties.callback().sendAttempts());
    }

    /** The text to reply passively, or empty when there is nothing to say now. */
    Optional<String> converse(UserMessage message, boolean passive) {
        CompletableFuture<String> answer = CompletableFuture.supplyAsync(() -> answer(message), workers);
        if (passive) {
            try {
                String text = answer.get(budget.toMillis(), TimeUnit.MILLISECONDS);
                return text.isBlank() ? Optional.empty() : Optional.of(text);
            } catch (TimeoutException e) {
                log.info("the dialog took longer than {} ms: replying by customer-service message", budget.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                log.error("the dialog failed", e.getCause());
                return Optional.empty();
            }
        }
        answer.thenAcceptAsync(text -> sendLater(message, text), workers);
        return Optional.empty();
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

    @PreDestroy
    void stop() {
        workers.shutdown();
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
