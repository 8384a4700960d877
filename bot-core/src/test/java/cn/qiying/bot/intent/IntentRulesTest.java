package cn.qiying.bot.intent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import cn.qiying.bot.intake.AppealKind;
import cn.qiying.bot.text.ChineseText;

class IntentRulesTest {

    private static Recognition of(String text) {
        return IntentRules.recognize(ChineseText.normalize(text));
    }

    @Test
    void recognisesTheFixedPhrases() {
        assertThat(of("你好！").intent()).isEqualTo(Intent.GREETING);
        assertThat(of("菜单").intent()).isEqualTo(Intent.MENU);
        assertThat(of("转人工").intent()).isEqualTo(Intent.HUMAN);
        assertThat(of("人工客服").intent()).isEqualTo(Intent.HUMAN);
        assertThat(of("取消人工").intent()).isEqualTo(Intent.CANCEL_HUMAN);
        assertThat(of("取消").intent()).isEqualTo(Intent.CANCEL);
        assertThat(of("继续").intent()).isEqualTo(Intent.RESUME);
        assertThat(of("确认").intent()).isEqualTo(Intent.CONFIRM);
        assertThat(of("跳过").intent()).isEqualTo(Intent.SKIP);
        assertThat(of("２").number()).isEqualTo(2);
    }

    @Test
    void statusByWordsOrByTicketNumber() {
        assertThat(of("我的诉求进度").intent()).isEqualTo(Intent.STATUS);
        var byNumber = of("查一下ｑｙ202611220001");
        assertThat(byNumber.intent()).isEqualTo(Intent.STATUS);
        assertThat(byNumber.ticketNo()).isEqualTo("QY202611220001");
    }

    @Test
    void ratingsInWords() {
        assertThat(of("满意").rating()).isEqualTo("SATISFIED");
        assertThat(of("基本满意").rating()).isEqualTo("BASICALLY_SATISFIED");
        assertThat(of("不满意！").rating()).isEqualTo("UNSATISFIED");
    }

    @Test
    void appealsByKindButQuestionsAboutThemAreEnquiries() {
        assertThat(of("我要投诉").kind()).isEqualTo(AppealKind.COMPLAINT);
        assertThat(of("举报某企业偷排污水").kind()).isEqualTo(AppealKind.REPORT);
        assertThat(of("我想提个建议").kind()).isEqualTo(AppealKind.SUGGESTION);
        assertThat(of("我要提交诉求").intent()).isEqualTo(Intent.APPEAL);
        assertThat(of("投诉电话是多少？").intent()).isEqualTo(Intent.ENQUIRY);
        assertThat(of("如何办理营业执照").intent()).isEqualTo(Intent.ENQUIRY);
    }

    @Test
    void menuKeysMapToIntents() {
        assertThat(IntentRules.fromMenuKey("APPEAL_COMPLAINT").kind()).isEqualTo(AppealKind.COMPLAINT);
        assertThat(IntentRules.fromMenuKey("menu:status").intent()).isEqualTo(Intent.STATUS);
        assertThat(IntentRules.fromMenuKey("HUMAN").intent()).isEqualTo(Intent.HUMAN);
        assertThat(IntentRules.fromMenuKey("whatever").intent()).isEqualTo(Intent.MENU);
    }
}
