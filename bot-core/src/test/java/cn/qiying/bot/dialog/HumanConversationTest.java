package cn.qiying.bot.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import cn.qiying.handoff.conversation.Conversations.Mode;

class HumanConversationTest extends ConversationTest {

    @Test
    void insideServiceHoursTheUserIsQueuedAndTheBotFallsSilent() {
        Chat c = chat();

        assertThat(c.say("转人工")).contains("已为您转接人工客服").contains("服务时间");
        assertThat(conversations.mode(c.userKey())).isEqualTo(Mode.WAITING);
        assertThat(c.say("营业执照怎么办理")).isEmpty();
        assertThat(c.last).isEmpty();
        assertThat(transcript(c)).contains("USER: 营业执照怎么办理");
    }

    @Test
    void theSecondInLineIsToldThePlaceInTheQueue() {
        Chat first = chat();
        Chat second = chat();
        first.say("人工客服");
        clock.advance(java.time.Duration.ofSeconds(5)); // the queue is ordered by the time asked
        assertThat(second.say("人工客服")).contains("您前面还有1位用户在等待");
        first.say("取消人工");
    }

    @Test
    void cancelHumanWordsGiveTheConversationBackToTheBot() {
        Chat c = chat();
        c.say("转人工");

        assertThat(c.say("取消人工")).contains("已返回机器人服务");
        assertThat(conversations.mode(c.userKey())).isEqualTo(Mode.BOT);
        assertThat(c.say("营业执照怎么办理")).contains("市场监管窗口");
    }

    @Test
    void outsideServiceHoursTheUserMayLeaveAMessageThatBecomesATicket() {
        clock.set(at("2026-11-23T12:30:00Z")); // Monday 20:30 in Shanghai
        Chat c = chat();

        assertThat(c.say("转人工")).contains("现在不是人工服务时间").contains("1. 留言");
        assertThat(conversations.mode(c.userKey())).isEqualTo(Mode.BOT);
        assertThat(c.say("1")).contains("请直接留言");
        assertThat(c.say("想咨询厂房租金补贴怎么申请，申报材料有哪些")).contains("企业名称");
        c.say("我是历下区的济南明泉精密机械有限公司，联系人张三，电话13800000000");
        c.say(USCC);
        assertThat(c.say("跳过")).contains("诉求内容：想咨询厂房租金补贴怎么申请，申报材料有哪些");
        assertThat(ticketNo(c.say("确认"))).isNotBlank();
    }

    @Test
    void onAHolidayWeekendTheBotOffersToGoBack() {
        clock.set(at("2026-11-28T02:00:00Z")); // Saturday 10:00 in Shanghai
        Chat c = chat();
        assertThat(c.say("人工客服")).contains("现在不是人工服务时间");
        assertThat(c.say("2")).contains("请回复序号选择服务");
    }

    @Test
    void everyMessageBothWaysIsInTheTranscript() {
        Chat c = chat();
        c.say("你好");
        c.say("营业执照怎么办理");

        assertThat(transcript(c)).startsWith("USER: 你好").contains("USER: 营业执照怎么办理")
                .anySatisfy(line -> assertThat(line).startsWith("BOT: 您好，欢迎使用"))
                .anySatisfy(line -> assertThat(line).startsWith("BOT: 携带身份证"));
    }

    @Test
    void aHumanAskedForInTheMiddleOfAnAppealLeavesItResumable() {
        Chat c = chat();
        c.say("我要求助：企业用电增容审批太慢，影响新生产线投产");
        c.say("转人工");
        c.say("取消人工");
        assertThat(c.say("继续")).contains("请提供企业名称");
    }
}
