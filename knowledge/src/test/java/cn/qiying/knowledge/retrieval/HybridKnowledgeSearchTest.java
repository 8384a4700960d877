package cn.qiying.knowledge.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.qiying.knowledge.Answer;
import cn.qiying.knowledge.Decision;
import cn.qiying.knowledge.Hit;
import cn.qiying.knowledge.KnowledgeSearch;
import cn.qiying.knowledge.KnowledgeTest;
import cn.qiying.knowledge.entry.EntryDraft;
import cn.qiying.knowledge.entry.KnowledgeEntries;

@KnowledgeTest
class HybridKnowledgeSearchTest {

    @Autowired
    KnowledgeSearch search;
    @Autowired
    KnowledgeEntries entries;
    @Autowired
    HybridRetrieval retrieval;

    @BeforeEach
    void store() {
        entries.save(draft("kb-licence", "如何办理营业执照？", List.of("营业执照怎么申请", "开公司要办什么证"),
                "携带身份证到政务服务中心市场监管窗口申请，或在网上登记系统办理。", "市场准入"), "test");
        entries.save(draft("kb-social", "企业如何为员工办理社保登记？", List.of("新员工社保怎么交", "单位社保开户"),
                "用工之日起30日内在社保经办机构为员工办理参保登记。", "社保就业"), "test");
        entries.save(draft("kb-patent", "怎样申请发明专利？", List.of("专利申请流程", "发明专利怎么报"),
                "向国家知识产权局提交申请文件，经初审、公布、实质审查后授权。", "知识产权"), "test");
    }

    @Test
    void answersAParaphraseWithTheRightEntry() {
        Answer answer = search.ask("我想开个公司，营业执照去哪里办", null);

        assertThat(answer.hits()).isNotEmpty();
        assertThat(answer.best().id()).isEqualTo("kb-licence");
        assertThat(answer.decision()).isNotEqualTo(Decision.NONE);
    }

    @Test
    void declinesChitChat() {
        Answer answer = search.ask("今天晚上吃什么好呢", null);

        assertThat(answer.decision()).isEqualTo(Decision.NONE);
    }

    @Test
    void narrowsToACategory() {
        Answer answer = search.ask("营业执照怎么办", "知识产权");

        assertThat(answer.hits()).extracting(Hit::id).containsOnly("kb-patent");
    }

    @Test
    void queryEngineSyntaxInUserTextIsOnlyText() {
        for (String odd : List.of("*", "@question:专利", "营业执照 | 专利", "-营业执照", "\"营业执照", "{营业执照}",
                "%%专利%%", "\\", "@category:{知识产权} 专利", "*)=>[KNN 5 @vector $vec]", "", "   ", "营业执照".repeat(2000))) {
            // the retrieval itself must cope (ask() would hide an exception behind a NONE)
            assertThat(retrieval.retrieve(odd, null)).as(odd).isNotNull();
            Answer answer = search.ask(odd, null);
            assertThat(answer).as(odd).isNotNull();
            assertThat(answer.decision()).as(odd).isNotNull();
        }
        assertThat(search.ask("@question:专利", null).best().id()).isEqualTo("kb-patent");
        assertThat(search.ask(null, null).decision()).isEqualTo(Decision.NONE);
    }

    @Test
    void aRewrittenEntryIsAnsweredWithItsNewText() {
        assertThat(search.ask("怎么申请发明专利", null).best().answer()).startsWith("向国家知识产权局");

        entries.save(draft("kb-patent", "怎样申请发明专利？", List.of("专利申请流程", "发明专利怎么报"),
                "在专利业务办理系统在线提交申请文件。", "知识产权"), "test");

        assertThat(search.ask("怎么申请发明专利", null).best().answer()).isEqualTo("在专利业务办理系统在线提交申请文件。");
    }

    @Test
    void pinyinInitialsHomophonesAndEnglishAreReadAsTheBaseSaysThem() {
        // no word list: the initials and the sounds of the base's own terms
        assertThat(retrieval.query("yyzz怎么申请")).isEqualTo("营业执照 怎么申请");
        assertThat(search.ask("yyzz怎么申请", null).best().id()).isEqualTo("kb-licence");
        assertThat(retrieval.query("营业只照怎么申请")).isEqualTo("营业执照怎么申请");
        assertThat(retrieval.query("發明專利怎麼報")).isEqualTo("发明专利怎么报");
        // English through a general dictionary, kept to the base's own terms; a Latin word it does not know stays
        assertThat(retrieval.query("patent申请流程")).isEqualTo("专利 申请流程");
        assertThat(search.ask("invention patent 怎么报", null).best().id()).isEqualTo("kb-patent");
        assertThat(retrieval.query("qwzx申请流程")).isEqualTo("qwzx 申请流程");
    }

    @Test
    void whatTheUserSaysTheyDoNotMeanIsLeftOut() {
        assertThat(retrieval.query("不是营业执照，是发明专利怎么申请")).isEqualTo("是发明专利怎么申请");
        assertThat(search.ask("不是营业执照，是发明专利怎么申请", null).best().id()).isEqualTo("kb-patent");
    }

    static EntryDraft draft(String id, String question, List<String> similar, String answer, String category) {
        return new EntryDraft(id, question, similar, answer, category, "政务服务中心", List.of(), null, null, null);
    }

    static EntryDraft draft(String id, String question, String answer, LocalDate from, LocalDate to) {
        return new EntryDraft(id, question, List.of(), answer, null, null, List.of(), null, from, to);
    }
}
