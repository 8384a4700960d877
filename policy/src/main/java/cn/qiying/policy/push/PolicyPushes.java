package cn.qiying.policy.push;

import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import cn.qiying.handoff.notify.Messenger;
import cn.qiying.handoff.notify.Messenger.Delivery;
import cn.qiying.handoff.notify.Push;
import cn.qiying.platform.redis.Keys;
import cn.qiying.platform.redis.RedisLock;
import cn.qiying.policy.Wording;
import cn.qiying.policy.binding.Bindings;
import cn.qiying.policy.binding.UserKey;
import cn.qiying.policy.library.Policy;
import cn.qiying.policy.link.HallLinks;
import cn.qiying.policy.matching.Match;
import cn.qiying.policy.matching.PolicyMatching;
import cn.qiying.policy.push.PushReport.Reason;
import redis.clients.jedis.UnifiedJedis;

/**
 * Precise push: a policy to the bound WeChat users of every enterprise it matches, through handoff's
 * {@link Messenger} port as a NOTICE with a signed link to the policy's page. Each enterprise gets a policy once
 * (a later run skips it); each user only what their subscription wants and within the weekly cap. One run per policy
 * at a time ({@code qiying:lock:policy-push:<id>}). Push ids are {@code policy:<id>:<userKey>}, so a retry (or a
 * run after a crash) never reaches a user twice.
 */
@Service
public class PolicyPushes {

    private static final Logger log = LoggerFactory.getLogger(PolicyPushes.class);
    private static final Duration RUN_LEASE = Duration.ofMinutes(30);

    private final PolicyMatching matching;
    private final Bindings bindings;
    private final Subscriptions subscriptions;
    private final WeeklyCap cap;
    private final PushReach reach;
    private final PushRetries retries;
    private final ObjectProvider<Messenger> messenger;
    private final HallLinks links;
    private final Wording wording;
    private final UnifiedJedis redis;

    PolicyPushes(PolicyMatching matching, Bindings bindings, Subscriptions subscriptions, WeeklyCap cap, PushReach reach,
                 PushRetries retries, ObjectProvider<Messenger> messenger, HallLinks links, Wording wording, UnifiedJedis redis) {
        this.matching = matching;
        this.bindings = bindings;
        this.subscriptions = subscriptions;
        this.cap = cap;
        this.reach = reach;
        this.retries = retries;
        this.messenger = messenger;
        this.links = links;
        this.wording = wording;
        this.redis = redis;
    }

    /** Pushes the policy now; empty when a run of the same policy is under way. */
    public Optional<PushReport> push(Policy policy) {
        RedisLock lock = new RedisLock(redis, Keys.of("lock", "policy-push", policy.id()), RUN_LEASE);
        if (!lock.tryLock()) {
            return Optional.empty();
        }
        try {
            Run run = new Run(policy);
            long matched = matching.eachMatch(policy, run::enterprise);
            reach.matched(policy.id(), matched);
            PushReport report = new PushReport(matched, run.sent, run.skipped(), run.reasons, run.retrying);
            log.info("policy {} pushed: {} matched, {} sent, {} skipped {}, {} retrying", policy.id(), matched, run.sent,
                    report.skipped(), run.reasons, run.retrying);
            return Optional.of(report);
        } finally {
            lock.unlock();
        }
    }

    /** One run's counts. */
    private final class Run {

        final Policy policy;
        final Map<Reason, Long> reasons = new EnumMap<>(Reason.class);
        long sent;
        long retrying;

        Run(Policy policy) {
            this.policy = policy;
        }

        void enterprise(Match match) {
            if (reach.pushedBefore(policy.id(), match.uscc())) {
                skip(Reason.ALREADY_PUSHED);
                return;
            }
            List<String> users = bindings.usersOf(match.uscc()).stream().sorted().toList();
            if (users.isEmpty()) {
                skip(Reason.NO_BOUND_USER);
                return;
            }
            for (String userKey : users) {
                user(userKey, match);
            }
            reach.pushed(policy.id(), match.uscc());
        }

        private void user(String userKey, Match match) {
            Subscriptions.Choice choice = subscriptions.of(userKey);
            if (choice.paused()) {
                skip(Reason.PAUSED);
                return;
            }
            if (!choice.wants(policy)) {
                skip(Reason.NOT_SUBSCRIBED);
                return;
            }
            Optional<UserKey> user = UserKey.parse(userKey);
            Messenger port = messenger.getIfAvailable();
            if (user.isEmpty() || port == null) {
                skip(Reason.REFUSED);
                return;
            }
            if (!cap.take(userKey, policy.id())) {
                skip(Reason.WEEKLY_CAP);
                return;
            }
            Push push = push(user.get(), match);
            Delivery delivery = port.deliver(push);
            switch (delivery.outcome()) {
                case SENT -> {
                    sent++;
                    reach.sent(policy.id());
                }
                case RETRY -> {
                    retrying++;
                    retries.later(push, policy.id(), 1, delivery.reason());
                }
                default -> {
                    cap.giveBack(userKey, policy.id());
                    skip(Reason.REFUSED);
                }
            }
        }

        private Push push(UserKey user, Match match) {
            String link = links.pushed(policy.id(), user.toString());
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("policyId", policy.id());
            fields.put("title", policy.title());
            fields.put("department", policy.department());
            fields.put("why", match.why());
            fields.put("url", link);
            if (policy.validTo() != null) {
                fields.put("validTo", policy.validTo().toString());
            }
            if (policy.benefit() != null) {
                fields.put("benefit", policy.benefit());
            }
            String text = wording.text("policy.push.text", policy.title(), match.why(), link);
            return new Push("policy:" + policy.id() + ":" + user, user.channel(), user.appId().isEmpty() ? null : user.appId(),
                    user.openId(), Push.Kind.NOTICE, null, text, fields);
        }

        void skip(Reason reason) {
            reasons.merge(reason, 1L, Long::sum);
        }

        long skipped() {
            return reasons.values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
