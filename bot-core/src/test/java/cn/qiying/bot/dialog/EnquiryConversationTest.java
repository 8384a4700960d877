package cn.qiying.bot.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import cn.qiying.bot.Reply;

class EnquiryConversationTest extends ConversationTest {

    @Test
    void aConfidentAnswerComesWithItsSource() {
        Chat c = chat();

        String reply = c.say("营业执照怎么办理");

        assertThat(reply).contains("市场监管窗口").contains("来源：市场监管局");
        assertThat(c.last).contains(new Reply.Link("查看原文: 如何办理营业执照？", "https://example.gov.cn/policy/licence"));
    }

    @Test
    void fullWidthCharactersAndSpacesDoNotChangeTheAnswer() {
        Chat c = chat();
        assertThat(c.say("营 业 执 照　怎么办理？")).contains("市场监管窗口");
    }

    @Test
    void aNumberedSuggestionIsAnsweredByItsNumber() {
        Chat c = chat();
        c.say("增值税");
        Reply.Choices choices = (Reply.Choices) c.last.get(0);
        assertThat(choices.intro()).isEqualTo("您是不是想问：");
        String second = choices.options().get(1);
        String expected = knowledgeAnswerOf(second);

        assertThat(c.say("2")).contains(expected);
    }

    @Test
    void aNumberOutsideTheSuggestionsIsRefusedAndTheSuggestionsStay() {
        Chat c = chat();
        c.say("增值税");
        String first = ((Reply.Choices) c.last.get(0)).options().get(0);

        assertThat(c.say("9")).contains("没有这个序号");
        assertThat(c.say("1")).contains(knowledgeAnswerOf(first));
    }

    @Test
    void noAnswerOffersAHumanOrAnAppeal() {
        Chat c = chat();
        String reply = c.say("今天晚上吃什么好呢");
        assertThat(reply).contains("暂时没有找到相关答案").contains("1. 转人工客服").contains("2. 把问题提交为诉求");
    }

    @Test
    void anUnansweredQuestionTurnsIntoAnAppealWithTheQuestionAsItsDescription() {
        Chat c = chat();
        c.say("我们园区门口的道路长期积水，货车进出非常困难，找谁解决");

        String reply = c.say("2");

        assertThat(reply).contains("我来帮您提交诉求").contains("请提供企业名称").doesNotContain("请描述");
        c.say("我是历下区的济南明泉精密机械有限公司，联系人张三，电话13800000000");
        c.say(USCC);
        assertThat(c.say("跳过")).contains("诉求类型：求助").contains("诉求内容：我们园区门口的道路长期积水，货车进出非常困难，找谁解决");
    }

    @Test
    void afterAnAnswerTheUserCanSwitchToAnAppeal() {
        Chat c = chat();
        c.say("营业执照怎么办理");
        assertThat(c.say("我要投诉")).contains("我来帮您提交诉求").contains("请描述");
        assertThat(c.say("窗口要求提供的材料前后不一致，跑了三次还没办下来")).contains("请提供企业名称");
    }

    @Test
    void theEnquiryMenuAsksForTheQuestion() {
        Chat c = chat();
        assertThat(c.click("ENQUIRY")).contains("请直接输入您想咨询的问题");
        assertThat(c.say("专利申请流程")).contains("国家知识产权局");
    }

    private String knowledgeAnswerOf(String question) {
        return java.util.stream.Stream.of("kb-licence", "kb-social", "kb-patent", "kb-refund", "kb-invoice")
                .map(id -> knowledge.find(id).orElseThrow()).filter(e -> e.getQuestion().equals(question))
                .map(e -> e.getAnswer()).findFirst().orElseThrow();
    }
}
