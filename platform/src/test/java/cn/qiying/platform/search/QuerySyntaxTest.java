package cn.qiying.platform.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuerySyntaxTest {

    @Test
    void tagValuesEscapeEverythingButLettersAndDigits() {
        assertThat(QuerySyntax.tag("市场 准入|x}")).isEqualTo("市场\\ 准入\\|x\\}");
        assertThat(QuerySyntax.tag("a@b-c")).isEqualTo("a\\@b\\-c");
    }

    @Test
    void freeTextKeepsOnlyWords() {
        assertThat(QuerySyntax.words("@question:{营业执照} | -专利 \"*\"")).isEqualTo("question 营业执照 专利");
        assertThat(QuerySyntax.words("贷".repeat(500))).hasSize(200);
        assertThat(QuerySyntax.words(null)).isEmpty();
    }
}
