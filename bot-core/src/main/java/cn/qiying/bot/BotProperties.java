package cn.qiying.bot;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The dialog's settings ({@code qiying.bot.*}).
 *
 * @param idleTimeout          after this long without a message a conversation starts afresh (a half-filled appeal is paused)
 * @param draftRetention       how long a paused appeal can still be resumed with "继续"
 * @param minDescriptionLength the fewest characters a description needs to be actionable
 * @param districts            the districts and counties the bot recognises in free text
 * @param lockTimeout          how long one user's message may hold that user's conversation
 */
@ConfigurationProperties("qiying.bot")
public record BotProperties(
        @DefaultValue("30m") Duration idleTimeout,
        @DefaultValue("24h") Duration draftRetention,
        @DefaultValue("10") int minDescriptionLength,
        @DefaultValue({"历下区", "市中区", "槐荫区", "天桥区", "历城区", "长清区", "章丘区", "济阳区", "莱芜区", "钢城区",
                "平阴县", "商河县", "高新区", "南部山区", "起步区"}) List<String> districts,
        @DefaultValue("10s") Duration lockTimeout) {
}
