package cn.qiying.bot.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import cn.qiying.handoff.appeal.NewAppeal;

class StatusConversationTest extends ConversationTest {

    @Test
    void withoutTicketsTheUserIsToldSo() {
        assertThat(chat().say("我的诉求进度")).contains("您目前没有办理中的诉求");
    }

    @Test
    void theListShowsEachOpenTicketWithStatusAndNextDeadline() {
        Chat c = chat();
        String first = c.fileAppeal("企业用电增容审批太慢，影响新生产线投产");
        String second = c.fileAppeal("园区道路长期积水，货车进出非常困难");

        String reply = c.say("我的诉求进度");

        assertThat(reply).contains("您有2件办理中的诉求").contains(first).contains(second).contains("已受理")
                .contains("应于11月24日 23:59前联系您");
    }

    @Test
    void aTicketNumberShowsThatTicket() {
        Chat c = chat();
        String no = c.fileAppeal("企业用电增容审批太慢，影响新生产线投产");

        String reply = c.say("查一下" + no.toLowerCase());

        assertThat(reply).contains("工单号：" + no).contains("状态：已受理").contains("类型：求助").contains("承办单位：待分派")
                .contains("诉求内容：企业用电增容审批太慢，影响新生产线投产");
    }

    @Test
    void aNumberFromTheListShowsThatTicket() {
        Chat c = chat();
        String no = c.fileAppeal("企业用电增容审批太慢，影响新生产线投产");
        c.click("STATUS");
        assertThat(c.say("1")).contains("工单号：" + no);
    }

    @Test
    void anUnknownNumberIsSaidToBeUnknown() {
        assertThat(chat().say("QY209901010001")).contains("没有找到工单QY209901010001");
    }

    @Test
    void someoneElsesTicketShowsItsStatusButNotWhatWasWritten() {
        String no = desk.submit(new NewAppeal("mp", "wx-test", "o-other", "complaint", "济南某某有限公司", USCC, "王五",
                "13800000000", "历下区", null, "邻居企业的秘密诉求内容不应外泄", List.of(), null, null))
                .orElseThrow(r -> new AssertionError(r.messageKey())).no();

        String reply = chat().say(no);

        assertThat(reply).contains("工单号：" + no).contains("类型：投诉").doesNotContain("秘密诉求");
    }
}
