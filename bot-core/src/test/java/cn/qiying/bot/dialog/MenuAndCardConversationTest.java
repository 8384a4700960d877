package cn.qiying.bot.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import cn.qiying.bot.UserMessage;
import org.springframework.beans.factory.annotation.Autowired;

import cn.qiying.handoff.ticket.Ticket;
import cn.qiying.handoff.ticket.Tickets;

class MenuAndCardConversationTest extends ConversationTest {

    @Autowired
    Tickets tickets;

    @Test
    void aGreetingShowsTheMenuAndItsNumbersWork() {
        Chat c = chat();
        assertThat(c.say("您好")).contains("欢迎使用").contains("2. 提交诉求");
        assertThat(c.say("2")).contains("请问您要提交哪类诉求");
    }

    @Test
    void theMenuWordShowsTheMenuAndThreeAsksForStatus() {
        Chat c = chat();
        assertThat(c.say("菜单")).contains("4. 人工客服");
        assertThat(c.say("3")).contains("您目前没有办理中的诉求");
    }

    @Test
    void aComplaintMenuClickStartsAComplaint() {
        Chat c = chat();
        assertThat(c.click("APPEAL_COMPLAINT")).contains("请描述").doesNotContain("哪类诉求");
        c.say("办理施工许可证两个月没有任何答复");
        c.say("我是历下区的济南明泉精密机械有限公司，联系人张三，电话13800000000");
        c.say(USCC);
        assertThat(c.say("跳过")).contains("诉求类型：投诉");
    }

    @Test
    void theHumanMenuClickAsksForAHuman() {
        Chat c = chat();
        assertThat(c.click("menu:human")).contains("已为您转接人工客服");
        c.say("取消人工");
    }

    @Test
    void followingTheAccountWelcomes() {
        assertThat(chat().scan(UserMessage.Kind.SUBSCRIBE, null)).contains("欢迎使用").contains("1. 政策/办事咨询");
    }

    @Test
    void aServiceCardSceneOpensAnAppealWithItsDistrictAndDepartment() {
        Chat c = chat();
        String reply = c.scan(UserMessage.Kind.SCAN, "card:JN0001");
        assertThat(reply).contains("您正在通过“历下区政务服务中心”服务卡提交诉求").contains("请问您要提交哪类诉求");
        c.say("1");
        c.say("窗口排队时间太长，希望增加周末办理服务");
        c.say("济南明泉精密机械有限公司");
        c.say(USCC);
        String summary = c.say("联系人张三，电话13800000000");
        assertThat(summary).contains("照片").doesNotContain("哪个区县");
        assertThat(c.say("跳过")).contains("所在区县：历下区");

        String no = ticketNo(c.say("确认"));
        Ticket ticket = tickets.find(no).orElseThrow();
        assertThat(ticket.getSource().cardCode()).isEqualTo("JN0001");
        assertThat(ticket.getSuggestedDepartment()).isEqualTo("scjg");
        assertThat(ticket.getDistrict()).isEqualTo("历下区");
    }

    @Test
    void anUnknownCardStillOpensAnAppeal() {
        Chat c = chat();
        assertThat(c.scan(UserMessage.Kind.SUBSCRIBE, "card:NOPE")).contains("这张服务卡已失效").contains("哪类诉求");
    }

    @Test
    void anImageOutsideAnAppealIsExplainedAndUnsubscribingSaysNothing() {
        Chat c = chat();
        assertThat(c.photo("m-9")).contains("请先回复“我要求助”");
        assertThat(c.scan(UserMessage.Kind.UNSUBSCRIBE, null)).isEmpty();
    }
}
