package cn.qiying.bot.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import cn.qiying.handoff.appeal.TicketView;
import cn.qiying.handoff.ticket.Tickets;

class AppealIntakeConversationTest extends ConversationTest {

    @Autowired
    Tickets tickets;

    @Test
    void happyPathAsksForEachSlotInTurnAndFilesTheTicket() {
        Chat c = chat();
        assertThat(c.say("我要提交诉求")).contains("请问您要提交哪类诉求").contains("1. 求助").contains("2. 投诉");
        assertThat(c.say("1")).contains("请描述您遇到的问题");
        assertThat(c.say("企业流动资金紧张，希望了解贷款贴息政策并协调银行续贷")).contains("请提供企业名称");
        assertThat(c.say("济南明泉精密机械有限公司")).contains("统一社会信用代码");
        assertThat(c.say(USCC)).contains("联系人怎么称呼");
        assertThat(c.say("张三")).contains("联系电话");
        assertThat(c.say("13800000000")).contains("哪个区县");
        assertThat(c.say("历下区")).contains("照片");
        String summary = c.say("没有");
        assertThat(summary).contains("请核对您的诉求信息").contains("诉求类型：求助").contains("企业名称：济南明泉精密机械有限公司")
                .contains("联系人：张三").contains("联系电话：13800000000").contains("所在区县：历下区").contains("1. 确认提交");

        String done = c.say("确认");

        String no = ticketNo(done);
        assertThat(done).contains("诉求已提交").contains("工作人员将在11月24日 23:59前与您联系");
        TicketView ticket = desk.find(no).orElseThrow();
        assertThat(ticket.kind()).isEqualTo("help");
        assertThat(ticket.description()).isEqualTo("企业流动资金紧张，希望了解贷款贴息政策并协调银行续贷");
        assertThat(desk.openTicketsOf("mp", "wx-test", c.openId)).extracting(TicketView::no).containsExactly(no);
    }

    @Test
    void severalSlotsInOneMessageAreAllTaken() {
        Chat c = chat();
        c.say("我要投诉：某部门办理施工许可证拖了两个月还没有结果");

        String reply = c.say("我是历下区的济南某某公司，电话13800000000");

        assertThat(reply).contains("已记录").contains("企业名称").contains("联系电话").contains("所在区县")
                .contains("统一社会信用代码");
        c.say(USCC);
        c.say("联系人李四");
        String summary = c.say("跳过");
        assertThat(summary).contains("诉求类型：投诉").contains("诉求内容：某部门办理施工许可证拖了两个月还没有结果")
                .contains("企业名称：济南某某公司").contains("联系电话：13800000000").contains("所在区县：历下区").contains("联系人：李四");
    }

    @Test
    void theOpeningMessageGivesKindAndDescriptionSoTheyAreNotAskedAgain() {
        Chat c = chat();
        String reply = c.say("我要举报：某公司在居民区附近夜间违规施工，噪音扰民严重");
        assertThat(reply).contains("请提供企业名称").doesNotContain("哪类诉求").doesNotContain("请描述");
    }

    @Test
    void aWrongPhoneIsCorrectedAtTheSummary() {
        Chat c = chat();
        reachSummary(c);

        String reply = c.say("电话写错了，是13900000000");

        assertThat(reply).contains("已更新：联系电话").contains("联系电话：13900000000").doesNotContain("13800000000");
        assertThat(ticketNo(c.say("1"))).isNotBlank();
    }

    @Test
    void aCorrectionWithoutTheNewValueAsksForIt() {
        Chat c = chat();
        reachSummary(c);

        assertThat(c.say("电话写错了")).contains("请留下联系电话");
        assertThat(c.say("0531-88889999")).contains("联系电话：0531-88889999");
    }

    @Test
    void aSlotAlreadyGivenCanBeCorrectedWhileAnotherIsAsked() {
        Chat c = chat();
        c.say("我要求助：企业用电增容审批太慢，影响新生产线投产");
        c.say("济南明泉精密机械有限公司");
        c.say(USCC);
        c.say("张三");
        String asked = c.say("联系人改为李四");
        assertThat(asked).contains("联系电话");
        c.say("13800000000");
        c.say("历下区");
        assertThat(c.say("跳过")).contains("联系人：李四");
    }

    @Test
    void anInvalidCreditCodeIsRefusedUntilAValidOneComes() {
        Chat c = chat();
        c.say("我要求助：企业用电增容审批太慢，影响新生产线投产");
        c.say("济南明泉精密机械有限公司");

        assertThat(c.say("91370100MA3C8R1K2H")).contains("统一社会信用代码校验未通过").contains("统一社会信用代码（18位");
        assertThat(c.say("9137010")).contains("统一社会信用代码校验未通过");
        assertThat(c.say(USCC)).contains("联系人");
    }

    @Test
    void anInvalidPhoneIsRefusedAndALandlineIsAccepted() {
        Chat c = chat();
        c.say("我要求助：企业用电增容审批太慢，影响新生产线投产");
        c.say("济南明泉精密机械有限公司");
        c.say(USCC);
        c.say("张三");

        assertThat(c.say("138000")).contains("电话号码格式不正确");
        assertThat(c.say("电话12345678901")).contains("电话号码格式不正确");
        assertThat(c.say("0531 8888 9999")).contains("哪个区县");
        c.say("历下区");
        assertThat(c.say("跳过")).contains("联系电话：0531-88889999");
    }

    @Test
    void aTooShortDescriptionIsAskedAgain() {
        Chat c = chat();
        c.say("我要投诉");
        assertThat(c.say("太慢了")).contains("描述太简短了");
        assertThat(c.say("办理施工许可证两个月没有任何答复")).contains("企业名称");
    }

    @Test
    void cancelInTheMiddleDropsTheDraftAndFilesNothing() {
        Chat c = chat();
        c.say("我要投诉：某部门办理施工许可证拖了两个月还没有结果");
        c.say("济南明泉精密机械有限公司");

        assertThat(c.say("取消")).contains("已取消");
        assertThat(c.say("继续")).contains("当前没有未完成的诉求");
        assertThat(desk.openTicketsOf("mp", "wx-test", c.openId)).isEmpty();
    }

    @Test
    void cancelAtTheSummaryByNumber() {
        Chat c = chat();
        reachSummary(c);

        assertThat(c.say("3")).contains("已取消");
        assertThat(desk.openTicketsOf("mp", "wx-test", c.openId)).isEmpty();
    }

    @Test
    void optionalPhotosCanBeSkippedButRequiredSlotsCannot() {
        Chat c = chat();
        c.say("我要求助：企业用电增容审批太慢，影响新生产线投产");
        assertThat(c.say("跳过")).contains("“企业名称”是必填项").contains("请提供企业名称");
    }

    @Test
    void photosSentDuringTheAppealAreAttached() {
        Chat c = chat();
        c.say("我要举报：某公司在居民区附近夜间违规施工，噪音扰民严重");
        c.say("我是历下区的济南明泉精密机械有限公司，联系人张三，电话13800000000");
        c.say(USCC);
        assertThat(c.photo("m-1")).contains("已收到图片（共1张）").contains("请核对");
        String summary = c.photo("m-2");
        assertThat(summary).contains("已收到图片（共2张）").contains("图片：2张");
        String no = ticketNo(c.say("确认提交"));
        assertThat(tickets.find(no).orElseThrow().getAttachments())
                .as("the media ids, under which the channel keeps the pictures").containsExactly("m-1", "m-2");
    }

    @Test
    void photosSentAtTheSameMomentAreAllKept() throws Exception {
        Chat c = chat();
        c.say("我要举报：某公司在居民区附近夜间违规施工，噪音扰民严重");
        c.say("我是历下区的济南明泉精密机械有限公司，联系人张三，电话13800000000");
        c.say(USCC);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            var sent = new java.util.ArrayList<java.util.concurrent.Future<String>>();
            for (int i = 0; i < 8; i++) {
                String id = "p-" + i;
                sent.add(pool.submit(() -> c.photo(id)));
            }
            for (var f : sent) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        String no = ticketNo(c.say("确认"));
        assertThat(tickets.find(no).orElseThrow().getAttachments()).hasSize(8);
    }

    @Test
    void theEditOptionExplainsHowAndTheNextMessageCorrects() {
        Chat c = chat();
        reachSummary(c);

        assertThat(c.say("2")).contains("请直接发送要修改的内容");
        assertThat(c.say("联系人改为王五")).contains("已更新：联系人").contains("联系人：王五");
    }

    @Test
    void theKindCanBeAnsweredInWords() {
        Chat c = chat();
        c.click("APPEAL");
        assertThat(c.say("建议")).contains("请描述");
        c.say("建议在园区增设公交线路，方便员工上下班通勤");
        c.say("我是历下区的济南明泉精密机械有限公司，联系人张三，电话13800000000");
        c.say(USCC);
        assertThat(c.say("跳过")).contains("诉求类型：建议");
    }

    @Test
    void aQuestionInTheMiddleIsAnsweredAndTheAppealWaitsForContinue() {
        Chat c = chat();
        c.say("我要求助：企业用电增容审批太慢，影响新生产线投产");

        String answer = c.say("营业执照怎么办理？");

        assertThat(answer).contains("市场监管窗口").contains("回复“继续”可接着填写");
        assertThat(c.say("继续")).contains("请提供企业名称");
    }

    /** Fills a complete appeal up to its summary. */
    private void reachSummary(Chat c) {
        c.say("我要求助：企业流动资金紧张，希望协调银行续贷");
        c.say("我是历下区的济南明泉精密机械有限公司，联系人张三，电话13800000000");
        c.say(USCC);
        assertThat(c.say("跳过")).contains("请核对您的诉求信息");
    }
}
