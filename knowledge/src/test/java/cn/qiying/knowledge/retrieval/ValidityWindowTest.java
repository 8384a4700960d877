package cn.qiying.knowledge.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.qiying.knowledge.Hit;
import cn.qiying.knowledge.KnowledgeSearch;
import cn.qiying.knowledge.KnowledgeTest;
import cn.qiying.knowledge.KnowledgeTestApplication;
import cn.qiying.testing.MovableClock;
import cn.qiying.knowledge.entry.EntryDraft;
import cn.qiying.knowledge.entry.KnowledgeEntries;

@KnowledgeTest
class ValidityWindowTest {

    @Autowired
    KnowledgeSearch search;
    @Autowired
    KnowledgeEntries entries;
    @Autowired
    MovableClock clock;

    @AfterEach
    void resetClock() {
        clock.set(KnowledgeTestApplication.START);
    }

    @Test
    void entriesOutsideTheirValidityWindowAreNeverAnswered() {
        LocalDate today = LocalDate.of(2026, 11, 22);
        entries.save(HybridKnowledgeSearchTest.draft("kb-expired", "2025年度技术改造补贴怎么申报？", "申报期已结束。",
                null, today.minusDays(1)), "test");
        entries.save(HybridKnowledgeSearchTest.draft("kb-future", "2027年度技术改造补贴怎么申报？", "明年开始申报。",
                today.plusDays(1), null), "test");
        entries.save(HybridKnowledgeSearchTest.draft("kb-today", "2026年度技术改造补贴怎么申报？", "今年年底前申报。",
                today, today), "test");

        assertThat(search.ask("技术改造补贴怎么申报", null).hits()).extracting(Hit::id).containsExactly("kb-today");

        clock.advance(Duration.ofDays(1));
        assertThat(search.ask("技术改造补贴怎么申报", null).hits()).extracting(Hit::id).containsExactly("kb-future");
    }

    @Test
    void anEntryWithoutAWindowIsAlwaysValid() {
        entries.save(new EntryDraft("kb-open", "如何注册商标？", java.util.List.of(), "通过商标网上服务系统申请。", null,
                null, java.util.List.of(), null, null, null), "test");
        clock.set(java.time.Instant.parse("2099-01-01T00:00:00Z"));

        assertThat(search.ask("商标注册怎么办", null).hits()).extracting(Hit::id).contains("kb-open");
    }
}
