package cn.qiying.policy.binding;

import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.qiying.policy.enterprise.EnterpriseDirectory;

/**
 * The port the bot asks "whose company is this user?": a bound user's enterprise (so it addresses the user's company as such and skips the
 * company slots of an appeal), or empty.
 */
@Component
public class EnterpriseBindings {

    /** The enterprise a user is bound to, as an appeal needs it. */
    public record BoundEnterprise(String userKey, String via, Instant since, EnterpriseDirectory.Listing enterprise) {
    }

    private final Bindings bindings;
    private final EnterpriseDirectory directory;

    EnterpriseBindings(Bindings bindings, EnterpriseDirectory directory) {
        this.bindings = bindings;
        this.directory = directory;
    }

    /** @param userKey {@code channel:appId:openId} */
    public Optional<BoundEnterprise> bindingOf(String userKey) {
        return bindings.of(userKey).flatMap(b -> directory.find(b.uscc())
                .map(e -> new BoundEnterprise(b.userKey(), b.via(), b.at(), e)));
    }
}
