package cn.qiying.policy.enterprise;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;

import cn.qiying.platform.time.ClockConfiguration;
import cn.qiying.policy.Problem;
import cn.qiying.policy.UpsertReport;
import cn.qiying.policy.tag.ProfileFacts;
import cn.qiying.policy.tag.TagRules;
import cn.qiying.policy.tag.TagScheme;

/** Writing profiles: checks each draft, computes its rule tags, keeps its confirmed tags, stores the good ones. */
@Service
public class EnterpriseProfiles {

    private final EnterpriseStore store;
    private final ProfileTerms terms;
    private final TagScheme scheme;
    private final TagRules rules;
    private final Clock clock;

    EnterpriseProfiles(EnterpriseStore store, ProfileTerms terms, TagScheme scheme, TagRules rules, Clock clock) {
        this.store = store;
        this.terms = terms;
        this.scheme = scheme;
        this.rules = rules;
        this.clock = clock;
    }

    /** The problems of one draft (empty when it would be stored). */
    public List<Problem> check(EnterpriseDraft draft) {
        return draft.problems(terms, scheme);
    }

    /**
     * Upserts the drafts by credit code: good ones are stored (one pipeline), bad ones reported with their position
     * in the list (from 0). A code given twice: the later wins.
     */
    public UpsertReport upsert(List<EnterpriseDraft> drafts) {
        Map<String, Enterprise> good = new LinkedHashMap<>();
        List<UpsertReport.Refused> refused = new ArrayList<>();
        List<EnterpriseDraft> checked = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            EnterpriseDraft draft = drafts.get(i);
            List<Problem> problems = draft == null ? List.of(Problem.of("", "policy.enterprise.empty")) : check(draft);
            if (problems.isEmpty()) {
                checked.add(draft);
            } else {
                refused.add(new UpsertReport.Refused(i, draft == null ? null : draft.uscc(), problems));
            }
        }
        Map<String, Set<String>> confirmed = confirmedTags(checked.stream().map(EnterpriseDraft::uscc).distinct().toList());
        for (EnterpriseDraft draft : checked) {
            good.remove(draft.uscc()); // keeps the later one, in the later one's place
            good.put(draft.uscc(), withRules(draft.toEnterprise(terms, confirmed.getOrDefault(draft.uscc(), Set.of()))));
        }
        store.saveAll(List.copyOf(good.values()));
        return new UpsertReport(drafts.size(), good.size(), refused);
    }

    /** Stores one profile as given (already checked), with its rule tags recomputed. */
    public Enterprise save(Enterprise enterprise) {
        Enterprise written = withRules(enterprise);
        store.save(written);
        return written;
    }

    /** Stores a profile filled in from an appeal, unless the enterprise has one; true when it was written. */
    public boolean createIfAbsent(Enterprise enterprise) {
        return store.saveIfAbsent(withRules(enterprise));
    }

    public Optional<Enterprise> find(String uscc) {
        return store.find(uscc == null ? null : uscc.strip().toUpperCase(java.util.Locale.ROOT));
    }

    private Enterprise withRules(Enterprise e) {
        LocalDate today = LocalDate.now(clock.withZone(ClockConfiguration.SHANGHAI));
        ProfileFacts facts = new ProfileFacts(e.industry(), e.scale() == null ? null : e.scale().json(), e.district(), e.founded());
        return e.withRuleTags(rules.tagsFor(facts, today)).at(clock.instant());
    }

    private Map<String, Set<String>> confirmedTags(List<String> usccs) {
        Map<String, Set<String>> confirmed = new HashMap<>();
        for (Enterprise e : store.findAll(usccs)) {
            confirmed.put(e.uscc(), e.confirmedTags());
        }
        return confirmed;
    }
}
