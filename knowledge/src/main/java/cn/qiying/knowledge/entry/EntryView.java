package cn.qiying.knowledge.entry;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import cn.qiying.platform.time.ClockConfiguration;

/** An entry as staff read and write it over REST: the import format plus when and by whom it was last updated. */
public record EntryView(String id, String question, List<String> similarQuestions, String answer, String category,
        String department, List<String> tags, String sourceUrl, LocalDate validFrom, LocalDate validTo,
        OffsetDateTime updatedAt, String updatedBy, Boolean live) {

    public static EntryView of(KnowledgeEntry e) {
        return new EntryView(e.getId(), e.getQuestion(), e.getSimilarQuestions(), e.getAnswer(), e.getCategory(),
                e.getDepartment(), e.getTags(), e.getSourceUrl(), e.getValidFrom(), e.getValidTo(),
                e.getUpdatedAt() == null ? null : e.getUpdatedAt().atZone(ClockConfiguration.SHANGHAI).toOffsetDateTime(),
                e.getUpdatedBy(), KnowledgeEntry.LIVE.equals(e.getState()));
    }

    EntryDraft draft(String pathId) {
        return new EntryDraft(pathId != null ? pathId : id, question, similarQuestions, answer, category, department,
                tags, sourceUrl, validFrom, validTo);
    }
}
