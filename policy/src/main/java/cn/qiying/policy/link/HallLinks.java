package cn.qiying.policy.link;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.qiying.policy.PolicyProperties;
import cn.qiying.policy.link.SignedTokens.Claims;
import cn.qiying.policy.link.SignedTokens.Kind;

/**
 * The addresses of the policy hall under {@code qiying.public-base-url}: a policy's page, and the signed links the chat,
 * a card or a push gives a user (they identify the user for {@code qiying.policy.hall.link-ttl}, default 7 days).
 */
@Component
public class HallLinks {

    public static final String HALL = "/hall";

    private final String base;
    private final SignedTokens tokens;
    private final PolicyProperties properties;

    HallLinks(@Value("${qiying.public-base-url:http://localhost:8080}") String publicBaseUrl, SignedTokens tokens,
              PolicyProperties properties) {
        this.base = publicBaseUrl.replaceAll("/+$", "");
        this.tokens = tokens;
        this.properties = properties;
    }

    /** The hall's front page, for everyone. */
    public String hall() {
        return base + HALL;
    }

    /** A policy's page, for everyone (the knowledge entry's source). */
    public String policyPage(String policyId) {
        return base + HALL + "/policies/" + encode(policyId);
    }

    /** The way into the hall that the bot or a card gives a user (channel:appId:openId): they arrive known. */
    public String entry(String userKey) {
        return base + HALL + "/enter?t=" + tokens.issue(Kind.ENTRY, userKey, null, properties.hall().linkTtl());
    }

    /** The link a push carries: opens the policy, counts the click and makes the user known in the hall. */
    public String pushed(String policyId, String userKey) {
        return policyPage(policyId) + "?t=" + tokens.issue(Kind.PUSH, userKey, policyId, properties.hall().linkTtl());
    }

    public Optional<Claims> verify(String token) {
        return tokens.verify(token);
    }

    /** A token standing for the user in the hall's cookie (as long as a link would). */
    public String visitorToken(String userKey) {
        return tokens.issue(Kind.ENTRY, userKey, null, properties.hall().linkTtl());
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
