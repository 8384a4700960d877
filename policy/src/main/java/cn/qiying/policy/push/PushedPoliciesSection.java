package cn.qiying.policy.push;

import org.springframework.stereotype.Component;

import cn.qiying.policy.enterprise.ProfileSection;

/** The profile's policies pushed to the enterprise, newest first. */
@Component
class PushedPoliciesSection implements ProfileSection {

    private final PushReach reach;

    PushedPoliciesSection(PushReach reach) {
        this.reach = reach;
    }

    @Override
    public String name() {
        return "policiesPushed";
    }

    @Override
    public Object of(String uscc) {
        return reach.pushedTo(uscc);
    }
}
