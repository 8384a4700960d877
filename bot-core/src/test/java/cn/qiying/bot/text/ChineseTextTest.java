package cn.qiying.bot.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChineseTextTest {

    @Test
    void foldsFullWidthAndChinesePunctuation() {
        assertThat(ChineseText.normalize("  电话：１３８ ００００ ００００。  ")).isEqualTo("电话:13800000000.");
        assertThat(ChineseText.normalize("我要　投诉，谢谢！")).isEqualTo("我要投诉,谢谢!");
        assertThat(ChineseText.normalize("ＱＹ２０２６１１２２０００１")).isEqualTo("QY202611220001");
    }

    @Test
    void keepsSpacesBetweenLatinWords() {
        assertThat(ChineseText.normalize("hello   world")).isEqualTo("hello world");
        assertThat(ChineseText.normalize(null)).isEmpty();
    }

    @Test
    void punctuationNextToChineseReadsChineseAgain() {
        assertThat(ChineseText.forReading(ChineseText.normalize("资金紧张，希望贴息3.5万元。"))).isEqualTo("资金紧张，希望贴息3.5万元。");
        assertThat(ChineseText.forReading("ok, fine")).isEqualTo("ok, fine");
    }

    @Test
    void readsAChoiceNumberButNotAPhoneNumber() {
        assertThat(ChineseText.choiceNumber("2")).hasValue(2);
        assertThat(ChineseText.choiceNumber(ChineseText.normalize("２"))).hasValue(2);
        assertThat(ChineseText.choiceNumber("第一个")).hasValue(1);
        assertThat(ChineseText.choiceNumber("选3")).hasValue(3);
        assertThat(ChineseText.choiceNumber("13800000000")).isEmpty();
        assertThat(ChineseText.choiceNumber("1个苹果")).isEmpty();
    }
}
