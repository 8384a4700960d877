package cn.qiying.knowledge.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class JargonExpansionTest {

    final JargonExpansion lexicon = new JargonExpansion(List.of("# comment", "gq\t高新技术企业 高企",
            "export tax rebate\t出口退税", "tax\t税", "外经证\t跨区域涉税事项报告", "broken line without tab"));

    @Test
    void latinTermsAreReplacedAsWholeWordsLongestFirst() {
        assertThat(lexicon.expand("gq认定要求")).isEqualTo("高新技术企业 高企 认定要求");
        assertThat(lexicon.expand("export tax rebate怎么申请")).isEqualTo("出口退税 怎么申请");
        assertThat(lexicon.expand("tax怎么报")).isEqualTo("税 怎么报");
        // "gqx" is not "gq": only whole words count
        assertThat(lexicon.expand("gqx怎么办")).isEqualTo("gqx怎么办");
    }

    @Test
    void chineseJargonKeepsTheUsersWordsAndGainsTheBasesPhrasing() {
        assertThat(lexicon.expand("外经证怎么开")).isEqualTo("外经证怎么开 跨区域涉税事项报告");
        assertThat(lexicon.expand("跨区域涉税事项报告 外经证")).isEqualTo("跨区域涉税事项报告 外经证");
    }

    @Test
    void theShippedLexiconLoads() {
        assertThat(new JargonExpansion().expand("sdfp怎么开")).isEqualTo("数电发票 怎么开");
    }
}
