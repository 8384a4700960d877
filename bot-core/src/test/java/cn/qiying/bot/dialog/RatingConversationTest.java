package cn.qiying.bot.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.qiying.bot.Reply;
import cn.qiying.bot.rating.RatingPrompt;

class RatingConversationTest extends ConversationTest {

    @Autowired
    RatingPrompt prompt;

    @Test
    void aPromptedRatingIsAnsweredByNumber() {
        Chat c = chat();
        String no = c.fileAppeal("企业用电增容审批太慢，影响新生产线投产");
        resolveAndReview(no);

        String asked = String.join("\n", prompt.ask("mp", "wx-test", c.openId, no).stream().map(Reply::asText).toList());
        assertThat(asked).contains("工单" + no + "已办结").contains("1. 满意").contains("2. 基本满意").contains("3. 不满意");

        assertThat(c.say("2")).contains("感谢您的评价（基本满意）");
        assertThat(desk.find(no).orElseThrow().status()).isEqualTo("rated");
    }

    @Test
    void aRatingInWordsFindsTheTicketAwaitingIt() {
        Chat c = chat();
        String no = c.fileAppeal("企业用电增容审批太慢，影响新生产线投产");
        resolveAndReview(no);

        assertThat(c.say("满意！")).contains("感谢您的评价（满意）");
        assertThat(desk.find(no).orElseThrow().status()).isEqualTo("rated");
    }

    @Test
    void aBareNumberRatesWhenATicketAwaitsItsRating() {
        Chat c = chat();
        String no = c.fileAppeal("企业用电增容审批太慢，影响新生产线投产");
        resolveAndReview(no);

        assertThat(c.say("３")).contains("很抱歉没能让您满意").contains("回访");
        assertThat(desk.find(no).orElseThrow().status()).isEqualTo("rated");
    }

    @Test
    void unsatisfiedInWordsPromisesACallbackVisit() {
        Chat c = chat();
        String no = c.fileAppeal("企业用电增容审批太慢，影响新生产线投产");
        resolveAndReview(no);

        assertThat(c.say("不满意")).contains("回访").contains("督办");
    }

    @Test
    void aRatingWithNothingToRateIsExplained() {
        Chat c = chat();
        c.fileAppeal("企业用电增容审批太慢，影响新生产线投产");
        assertThat(c.say("满意")).contains("没有待评价的诉求");
        assertThat(c.say("1")).contains("没有这个序号");
    }
}
