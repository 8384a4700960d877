package cn.qiying.policy.enterprise;

import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * The port other modules use to know an enterprise by its credit code (the dialog fills the company slots of an
 * appeal from it once the user is bound; the desk links appeals to profiles).
 */
@Component
public class EnterpriseDirectory {

    /** What an appeal needs of an enterprise: its first contact on file fills the contact slots. */
    public record Listing(String uscc, String name, String district, String industry, String scale, Set<String> tags,
                          String contact, String phone) {
    }

    private final EnterpriseProfiles profiles;

    EnterpriseDirectory(EnterpriseProfiles profiles) {
        this.profiles = profiles;
    }

    public Optional<Listing> find(String uscc) {
        return profiles.find(uscc).map(e -> new Listing(e.uscc(), e.name(), e.district(), e.industry(),
                e.scale() == null ? null : e.scale().json(), e.tags(),
                e.contacts().isEmpty() ? null : e.contacts().get(0).name(),
                e.contacts().isEmpty() ? null : e.contacts().get(0).phone()));
    }
}
