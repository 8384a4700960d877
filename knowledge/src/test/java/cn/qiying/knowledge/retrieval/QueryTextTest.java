package cn.qiying.knowledge.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueryTextTest {

    final QueryText text = new QueryText(300, QueryText.read(QueryText.NEGATION));

    @Test
    void querySyntaxBecomesSpaces() {
        assertThat(text.query("@question:{营业执照} | -专利 \"*\" % \\ ( ) [KNN 5]")).isEqualTo("question 营业执照 专利 knn 5");
    }

    @Test
    void fullWidthFormsAreFoldedTraditionalBecomesSimplifiedAndLongInputIsCut() {
        assertThat(text.query("ＳＣ证怎么办？")).isEqualTo("sc证怎么办");
        assertThat(text.query("營業執照怎麼辦理")).isEqualTo("营业执照怎么办理");
        assertThat(text.query("营".repeat(5000))).hasSize(300);
        assertThat(text.query(null)).isEmpty();
    }

    @Test
    void aLeadingNegatedClauseIsDropped() {
        assertThat(text.withoutNegatedClause("不是稳岗返还 是招了大学生能领的那个补贴")).isEqualTo("是招了大学生能领的那个补贴");
        assertThat(text.withoutNegatedClause("我问的不是社保补贴 是扩岗补助")).isEqualTo("是扩岗补助");
        // "是不是" asks, it does not negate; and a lone negation is all the user said
        assertThat(text.withoutNegatedClause("第一步是不是要先拿执照")).isEqualTo("第一步是不是要先拿执照");
        assertThat(text.withoutNegatedClause("不是这个")).isEqualTo("不是这个");
    }

    @Test
    void withoutNegationDataNothingIsDropped() {
        assertThat(new QueryText(300, java.util.List.of()).withoutNegatedClause("不是甲 是乙")).isEqualTo("不是甲 是乙");
    }
}
