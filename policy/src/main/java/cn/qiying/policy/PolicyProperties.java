package cn.qiying.policy;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code qiying.policy.*}: the tag scheme and rules, precise push, binding by one-time code, the policy hall's links
 * and limits, and the SMS provider. Every field has a default, so an empty configuration runs.
 */
@ConfigurationProperties("qiying.policy")
public record PolicyProperties(Tags tags, Push push, Binding binding, Hall hall, Sms sms) {

    public PolicyProperties {
        tags = tags == null ? new Tags(null, null, null) : tags;
        push = push == null ? new Push(null, null, null) : push;
        binding = binding == null ? new Binding(null, null, null, null, null) : binding;
        hall = hall == null ? new Hall(null, null, null, null) : hall;
        sms = sms == null ? new Sms(null, null, null) : sms;
    }

    /** Where the tag scheme, the rules over profile facts and the patterns that suggest tags from appeals are read. */
    public record Tags(String scheme, String rules, String suggestions) {

        public Tags {
            scheme = scheme == null ? "classpath:policy/tag-scheme.yml" : scheme;
            rules = rules == null ? "classpath:policy/tag-rules.yml" : rules;
            suggestions = suggestions == null ? "classpath:policy/tag-suggestions.yml" : suggestions;
        }
    }

    /**
     * @param weeklyCap    policy pushes one user receives in any 7 days at most
     * @param retryDelay   first wait before a push that failed for a passing reason is tried again (doubling)
     * @param maxAttempts  attempts of one push before it is given up (and counted)
     */
    public record Push(Integer weeklyCap, Duration retryDelay, Integer maxAttempts) {

        public Push {
            weeklyCap = weeklyCap == null ? 3 : weeklyCap;
            retryDelay = retryDelay == null ? Duration.ofSeconds(30) : retryDelay;
            maxAttempts = maxAttempts == null ? 8 : maxAttempts;
        }
    }

    /**
     * @param codeTtl          how long a one-time code may be used
     * @param resendAfter      the wait before another code may be sent to the same user
     * @param codesPerDay      codes one user (and one enterprise) may be sent per day
     * @param freeFailures     wrong codes a user may enter before the back-off starts
     * @param maxBackOff       the longest wait imposed after wrong codes
     */
    public record Binding(Duration codeTtl, Duration resendAfter, Integer codesPerDay, Integer freeFailures,
                          Duration maxBackOff) {

        public Binding {
            codeTtl = codeTtl == null ? Duration.ofMinutes(10) : codeTtl;
            resendAfter = resendAfter == null ? Duration.ofSeconds(60) : resendAfter;
            codesPerDay = codesPerDay == null ? 5 : codesPerDay;
            freeFailures = freeFailures == null ? 3 : freeFailures;
            maxBackOff = maxBackOff == null ? Duration.ofHours(24) : maxBackOff;
        }
    }

    /**
     * @param linkSecret        signs the hall's links and identity cookie (shared by all instances); when absent
     *                          one is generated once and kept in Redis
     * @param linkTtl           how long a link from the chat or a push identifies its user
     * @param requestsPerMinute anonymous requests one address may make to the hall per minute
     * @param pageSize          policies per page of the hall
     */
    public record Hall(String linkSecret, Duration linkTtl, Integer requestsPerMinute, Integer pageSize) {

        public Hall {
            linkTtl = linkTtl == null ? Duration.ofDays(7) : linkTtl;
            requestsPerMinute = requestsPerMinute == null ? 120 : requestsPerMinute;
            pageSize = pageSize == null ? 20 : pageSize;
        }
    }

    /**
     * @param webhookUrl a provider's (or a gateway's) HTTP endpoint taking {@code {"phone", "text"}}; absent: the
     *                   code is only logged (demo), with the phone masked
     * @param secret     signs each request ({@code X-Qiying-Signature: sha256=<HMAC of the body>})
     * @param timeout    how long the provider may take
     */
    public record Sms(String webhookUrl, String secret, Duration timeout) {

        public Sms {
            timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
        }

        public boolean configured() {
            return webhookUrl != null && !webhookUrl.isBlank();
        }
    }
}
