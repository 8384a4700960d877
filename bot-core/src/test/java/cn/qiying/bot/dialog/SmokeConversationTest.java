package cn.qiying.bot.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmokeConversationTest extends ConversationTest {

    @Test
    void smoke() {
        Chat c = chat();
        System.out.println("=== " + c.say("你好"));
        System.out.println("=== " + c.say("营业执照怎么办理"));
        System.out.println("=== " + c.say("增值税"));
        System.out.println("=== " + c.say("今天吃什么"));
        System.out.println("=== " + c.say("我要投诉：某部门办理施工许可证拖了两个月还没有结果"));
        System.out.println("=== " + c.say("我是历下区的济南某某有限公司，电话13800000000"));
        System.out.println("=== " + c.say("联系人张三"));
        System.out.println("=== " + c.say(ConversationTest.USCC));
        System.out.println("=== " + c.say("跳过"));
        String done = c.say("确认");
        System.out.println("=== " + done);
        System.out.println("=== " + c.say("我的诉求进度"));
        System.out.println("=== " + transcript(c));
        assertThat(done).contains("QY");
    }
}
