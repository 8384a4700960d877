package cn.qiying.policy.advice;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import cn.qiying.policy.binding.Bindings;
import cn.qiying.policy.enterprise.Enterprise;
import cn.qiying.policy.enterprise.EnterpriseProfiles;
import cn.qiying.policy.link.HallLinks;
import cn.qiying.policy.matching.PolicyMatching;

/**
 * The port the bot calls when a user asks which policies suit their company (and the hall for its own list): the
 * policies in force that the user's bound enterprise meets, each with why and its page, plus a signed way into the
 * hall; or that the user is not bound yet.
 */
@Service
public class PolicyAdvice {

    /** One fitting policy: {@code link} opens its page in the hall. */
    public record Fitting(String policyId, String title, String why, String link) {
    }

    /**
     * @param bound   false: the user is bound to no enterprise (the bot offers binding; {@code hall} still works)
     * @param total   how many policies fit, of which {@code fitting} holds the first {@code max}
     * @param hall    a signed link into the hall that makes the user known there
     */
    public record Advice(boolean bound, String uscc, String enterpriseName, int total, List<Fitting> fitting, String hall) {
    }

    private final Bindings bindings;
    private final EnterpriseProfiles profiles;
    private final PolicyMatching matching;
    private final HallLinks links;

    PolicyAdvice(Bindings bindings, EnterpriseProfiles profiles, PolicyMatching matching, HallLinks links) {
        this.bindings = bindings;
        this.profiles = profiles;
        this.matching = matching;
        this.links = links;
    }

    /** @param userKey {@code channel:appId:openId}; {@code max} fitting policies at most */
    public Advice forUser(String userKey, int max) {
        Optional<Enterprise> enterprise = bindings.of(userKey).flatMap(b -> profiles.find(b.uscc()));
        String hall = links.entry(userKey);
        if (enterprise.isEmpty()) {
            return new Advice(false, null, null, 0, List.of(), hall);
        }
        Enterprise e = enterprise.get();
        List<PolicyMatching.Fit> fits = matching.fitting(e);
        List<Fitting> shown = fits.stream().limit(Math.max(0, max))
                .map(f -> new Fitting(f.policy().id(), f.policy().title(), f.why(), links.policyPage(f.policy().id()))).toList();
        return new Advice(true, e.uscc(), e.name(), fits.size(), shown, hall);
    }

    /** The fitting policies of an enterprise, all of them (the hall lists them). */
    public List<PolicyMatching.Fit> forEnterprise(Enterprise e) {
        return matching.fitting(e);
    }
}
