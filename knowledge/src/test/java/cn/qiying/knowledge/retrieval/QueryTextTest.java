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
    void tagValuesEscapeEverythingButLettersAndDigits() {
        assertThat(QueryText.tag("市场 准入|x}")).isEqualTo("市场\\ 准入\\|x\\}");
    }
}
