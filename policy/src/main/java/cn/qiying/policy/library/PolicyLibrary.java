package cn.qiying.policy.library;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import cn.qiying.policy.Problem;
import cn.qiying.policy.enterprise.ProfileTerms;
import cn.qiying.policy.UpsertReport;
import cn.qiying.policy.tag.TagScheme;

/** Writing and reading the policy library; every policy written also becomes a knowledge entry. */
@Service
public class PolicyLibrary {

    private final PolicyStore store;
    private final PolicyKnowledge knowledge;
    private final ProfileTerms terms;
    private final TagScheme scheme;
    private final Topics topics;
    private final Clock clock;

    PolicyLibrary(PolicyStore store, PolicyKnowledge knowledge, ProfileTerms terms, TagScheme scheme, Topics topics, Clock clock) {
        this.store = store;
        this.knowledge = knowledge;
        this.terms = terms;
        this.scheme = scheme;
        this.topics = topics;
        this.clock = clock;
    }

    /** What an upsert did, and the knowledge import that turns its policies into entries (null when none was written). */
    public record Written(UpsertReport report, String knowledgeImport) {
    }

    public List<Problem> check(PolicyDraft draft) {
        return draft.problems(terms, scheme, topics);
    }

    /** Upserts by id: good drafts are stored, bad ones reported by their position; an id given twice: the later wins. */
    public Written upsert(List<PolicyDraft> drafts, String actor) {
        Map<String, Policy> good = new LinkedHashMap<>();
        List<UpsertReport.Refused> refused = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            PolicyDraft draft = drafts.get(i);
            List<Problem> problems = draft == null ? List.of(Problem.of("", "policy.policy.empty")) : check(draft);
            if (!problems.isEmpty()) {
                refused.add(new UpsertReport.Refused(i, draft == null ? null : draft.id(), problems));
                continue;
            }
            Policy p = draft.toPolicy(terms);
            good.remove(p.id());
            good.put(p.id(), new Policy(p.id(), p.title(), p.summary(), p.text(), p.link(), p.department(), p.validFrom(),
                    p.validTo(), p.benefit(), p.topics(), p.conditions(), clock.instant()));
        }
        List<Policy> written = List.copyOf(good.values());
        store.saveAll(written);
        String importId = written.isEmpty() ? null : knowledge.publish(written, actor);
        return new Written(new UpsertReport(drafts.size(), written.size(), refused), importId);
    }

    public Optional<Policy> find(String id) {
        return store.find(id);
    }
}
