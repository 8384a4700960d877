package cn.qiying.policy.library;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.qiying.knowledge.entry.EntryDraft;
import cn.qiying.knowledge.importing.ImportFormat;
import cn.qiying.knowledge.importing.ImportReport;
import cn.qiying.knowledge.importing.KnowledgeImport;
import cn.qiying.policy.Json;
import cn.qiying.policy.Wording;
import cn.qiying.policy.link.HallLinks;

/**
 * Each policy as a knowledge entry the bot answers from ({@code policy-<id>}), through the knowledge module's import:
 * its title and two usual ways of asking about it, an answer made of its summary, benefit, department, validity and
 * the hall page, valid while the policy is. Imported in the background: the entries answer together once embedded.
 */
@Component
class PolicyKnowledge {

    static final String ENTRY_PREFIX = "policy-";
    private static final int MAX_ANSWER = 4800;

    private final KnowledgeImport imports;
    private final Wording wording;
    private final HallLinks links;

    PolicyKnowledge(KnowledgeImport imports, Wording wording, HallLinks links) {
        this.imports = imports;
        this.wording = wording;
        this.links = links;
    }

    /** Starts importing the policies' entries; returns the knowledge import's id (its progress is in the knowledge API). */
    String publish(List<Policy> policies, String actor) {
        List<EntryDraft> drafts = policies.stream().map(this::entry).toList();
        byte[] json = Json.MAPPER.writeValueAsBytes(drafts);
        ImportReport report = imports.start(json, ImportFormat.JSON, actor);
        return report.importId();
    }

    EntryDraft entry(Policy p) {
        List<String> similar = List.of(wording.text("policy.knowledge.ask-conditions", p.title()),
                wording.text("policy.knowledge.ask-benefit", p.title()));
        String validity = validity(p);
        List<String> parts = new ArrayList<>();
        parts.add(p.summary());
        if (p.benefit() != null) {
            parts.add(wording.text("policy.knowledge.benefit", p.benefit()));
        }
        parts.add(wording.text("policy.knowledge.department", p.department()));
        if (validity != null) {
            parts.add(validity);
        }
        parts.add(wording.text("policy.knowledge.more", links.policyPage(p.id())));
        String answer = String.join("\n", parts);
        if (answer.length() > MAX_ANSWER) {
            answer = answer.substring(0, MAX_ANSWER);
        }
        return new EntryDraft(ENTRY_PREFIX + p.id(), p.title(), similar, answer, wording.text("policy.knowledge.category"),
                p.department(), p.topics(), p.link() != null ? p.link() : links.policyPage(p.id()), p.validFrom(), p.validTo());
    }

    private String validity(Policy p) {
        DateTimeFormatter day = DateTimeFormatter.ISO_LOCAL_DATE;
        if (p.validFrom() != null && p.validTo() != null) {
            return wording.text("policy.knowledge.valid-between", day.format(p.validFrom()), day.format(p.validTo()));
        }
        if (p.validTo() != null) {
            return wording.text("policy.knowledge.valid-until", day.format(p.validTo()));
        }
        return p.validFrom() == null ? null : wording.text("policy.knowledge.valid-from", day.format(p.validFrom()));
    }
}
