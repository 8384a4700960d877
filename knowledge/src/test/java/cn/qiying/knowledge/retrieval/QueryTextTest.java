package cn.qiying.knowledge.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueryTextTest {

    @Test
    void querySyntaxBecomesSpaces() {
        assertThat(QueryText.normalise("@question:{营业执照} | -专利 \"*\" % \\ ( ) [KNN 5]", 300))
                .isEqualTo("question 营业执照 专利 knn 5");
    }

    @Test
    void fullWidthFormsAreFoldedAndLongInputIsCut() {
        assertThat(QueryText.normalise("ＳＣ证怎么办？", 300)).isEqualTo("sc证怎么办");
        assertThat(QueryText.normalise("营".repeat(5000), 300)).hasSize(300);
        assertThat(QueryText.normalise(null, 300)).isEmpty();
    }

    @Test
    void aLeadingNegatedClauseIsDropped() {
        assertThat(QueryText.withoutNegatedClause("不是稳岗返还 是招了大学生能领的那个补贴")).isEqualTo("是招了大学生能领的那个补贴");
        assertThat(QueryText.withoutNegatedClause("我问的不是社保补贴 是扩岗补助")).isEqualTo("是扩岗补助");
        // "是不是" asks, it does not negate; and a lone negation is all the user said
        assertThat(QueryText.withoutNegatedClause("第一步是不是要先拿执照")).isEqualTo("第一步是不是要先拿执照");
        assertThat(QueryText.withoutNegatedClause("不是这个")).isEqualTo("不是这个");
    }
}
