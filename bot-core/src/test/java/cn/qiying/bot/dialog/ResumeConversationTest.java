package cn.qiying.bot.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import redis.clients.jedis.UnifiedJedis;

class ResumeConversationTest extends ConversationTest {

    @Autowired
    UnifiedJedis redis;

    @Test
    void afterTheIdleTimeoutTheAppealIsPausedAndContinueResumesIt() {
        Chat c = chat();
        c.say("我要求助：企业用电增容审批太慢，影响新生产线投产");
        c.say("济南明泉精密机械有限公司");
        clock.advance(Duration.ofMinutes(31));

        String afterBreak = c.say("你好");

        assertThat(afterBreak).contains("请回复序号选择服务").contains("回复“继续”可接着填写");
        assertThat(c.say("继续")).contains("我们接着填写诉求").contains("统一社会信用代码");
        c.say(USCC);
        c.say("联系人张三，电话13800000000，历下区");
        assertThat(c.say("跳过")).contains("企业名称：济南明泉精密机械有限公司");
        assertThat(ticketNo(c.say("确认"))).isNotBlank();
    }

    @Test
    void withinTheIdleTimeoutTheAppealSimplyGoesOn() {
        Chat c = chat();
        c.say("我要求助：企业用电增容审批太慢，影响新生产线投产");
        clock.advance(Duration.ofMinutes(20));
        assertThat(c.say("济南明泉精密机械有限公司")).contains("统一社会信用代码").doesNotContain("继续");
    }

    @Test
    void afterTheRetentionThePausedAppealIsGone() {
        Chat c = chat();
        c.say("我要求助：企业用电增容审批太慢，影响新生产线投产");
        clock.advance(Duration.ofHours(25));
        assertThat(c.say("继续")).contains("当前没有未完成的诉求");
    }

    @Test
    void aPausedAppealIsRemindedOfButAFreshAppealReplacesIt() {
        Chat c = chat();
        c.say("我要求助：企业用电增容审批太慢，影响新生产线投产");
        clock.advance(Duration.ofHours(2));
        assertThat(c.say("营业执照怎么办理")).contains("市场监管窗口").contains("回复“继续”可接着填写");
        assertThat(c.say("我要建议：园区增设公交线路，方便员工上下班通勤")).contains("请提供企业名称");
        c.say("我是历下区的济南明泉精密机械有限公司，联系人张三，电话13800000000");
        c.say(USCC);
        assertThat(c.say("跳过")).contains("诉求类型：建议").doesNotContain("用电增容");
    }

    @Test
    void offeredNumbersLapseWithTheIdleTimeout() {
        Chat c = chat();
        c.say("增值税");
        clock.advance(Duration.ofMinutes(45));
        assertThat(c.say("1")).contains("没有这个序号").contains("请回复序号选择服务");
    }

    @Test
    void theStateIsJsonInRedisUnderTheDialogKeyWithATtl() {
        Chat c = chat();
        String key = "qiying:dialog:" + c.userKey();
        c.say("增值税");
        assertThat(redis.get(key)).contains("\"phase\":\"IDLE\"").contains("kb-");
        assertThat(redis.ttl(key)).isBetween(1L, Duration.ofMinutes(30).toSeconds());

        c.say("我要求助：企业用电增容审批太慢，影响新生产线投产");
        assertThat(redis.get(key)).contains("\"phase\":\"INTAKE\"").contains("\"awaiting\":\"ENTERPRISE\"");
        assertThat(redis.ttl(key)).isGreaterThan(Duration.ofHours(23).toSeconds());
    }
}
