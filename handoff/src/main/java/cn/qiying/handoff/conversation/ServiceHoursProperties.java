package cn.qiying.handoff.conversation;

import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code qiying.conversation.*}: when staff answer chats (working days on the calendar, opening to closing, Asia/Shanghai),
 * and how many transcript entries are kept per user.
 */
@ConfigurationProperties("qiying.conversation")
public record ServiceHoursProperties(LocalTime opens, LocalTime closes, Integer transcriptLength) {

    public ServiceHoursProperties {
        opens = opens == null ? LocalTime.of(9, 0) : opens;
        closes = closes == null ? LocalTime.of(17, 0) : closes;
        transcriptLength = transcriptLength == null ? 500 : transcriptLength;
    }
}
