package cn.qiying.knowledge.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** What the lexicon learns from a base's own text, with no word list. */
class BaseLexiconTest {

    final QueryText text = new QueryText(300, List.of());
    final BaseLexicon lexicon = new BaseLexicon(List.of(
            new BaseLexicon.EntryText(List.of("员工工伤认定怎么申请？", "工伤认定要什么材料"), "事故发生之日起30日内提出工伤认定申请。"),
            new BaseLexicon.EntryText(List.of("排污许可证怎么申请？"), "在排污许可管理信息平台申请。"),
            new BaseLexicon.EntryText(List.of("专利质押登记怎么办理？", "business licence"), "向知识产权局申请质押登记。"),
            new BaseLexicon.EntryText(List.of("营业执照怎么办理？"), "到政务服务中心申请。")), text);

    @Test
    void pinyinInitialsOfTheBasesTermsBecomeTheTerms() {
        assertThat(lexicon.rewrite("gsrd要多久")).isEqualTo("工伤认定 要多久");
        assertThat(lexicon.rewrite("pwxk怎么办")).isEqualTo("排污许可 怎么办");
        // a word with vowels is no string of initials
        assertThat(lexicon.rewrite("hello")).isEqualTo("hello");
    }

    @Test
    void homophonesTheBaseNeverUsesBecomeTheBasesTerms() {
        assertThat(lexicon.rewrite("专利只押登记在哪")).isEqualTo("专利质押登记在哪");
        assertThat(lexicon.rewrite("工商认定怎么申请")).isEqualTo("工伤认定怎么申请");
        // words the base holds stay as they are
        assertThat(lexicon.rewrite("营业执照怎么办理")).isEqualTo("营业执照怎么办理");
    }

    @Test
    void englishLandsOnTheBasesOwnTerms() {
        assertThat(lexicon.rewrite("patent 质押")).isEqualTo("专利 质押");
    }

    @Test
    void wordsMostEntriesHoldWeighNothing() {
        assertThat(lexicon.share("怎么")).isEqualTo(1.0);
        assertThat(lexicon.share("工伤")).isEqualTo(0.25);
        assertThat(lexicon.idf("怎么")).isLessThan(lexicon.idf("工伤"));
        assertThat(lexicon.idf("天气")).isZero();
        Set<String> query = BaseLexicon.grams(text.query("工伤认定怎么申请"));
        assertThat(lexicon.coverage(query, BaseLexicon.grams(text.query("员工工伤认定怎么申请"))))
                .isGreaterThan(lexicon.coverage(query, BaseLexicon.grams(text.query("排污许可证怎么申请"))));
    }
}
