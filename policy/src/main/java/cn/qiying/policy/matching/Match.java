package cn.qiying.policy.matching;

/** An enterprise a policy is for, and why (a Chinese sentence naming the conditions it meets). */
public record Match(String uscc, String name, String why) {
}
