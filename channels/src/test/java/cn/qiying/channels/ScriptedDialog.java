package cn.qiying.channels;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import cn.qiying.bot.Dialog;
import cn.qiying.bot.Reply;
import cn.qiying.bot.UserMessage;

/**
 * A test dialog that answers predictably, so the adapters' protocol can be checked: it echoes text, answers
 * "选项" with choices and "链接" with a link, greets subscribers with their scene, and can be made slow.
 */
public class ScriptedDialog implements Dialog {

    private final List<UserMessage> received = new CopyOnWriteArrayList<>();
    private volatile Duration delay = Duration.ZERO;

    @Override
    public List<Reply> handle(UserMessage message) {
        received.add(message);
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return switch (message.kind()) {
            case TEXT -> switch (message.text()) {
                case "选项" -> List.of(new Reply.Choices("您想问的是：", List.of("营业执照办理", "社保缴纳"), "请回复序号。"));
                case "链接" -> List.of(new Reply.Link("在线提交诉求", "https://example.cn/q/JN0001?a=1&b=2"));
                case "沉默" -> List.of();
                default -> List.of(new Reply.Text("收到：" + message.text()));
            };
            case SUBSCRIBE -> List.of(new Reply.Text("欢迎关注" + (message.scene() == null ? "" : "（" + message.scene() + "）")));
            case UNSUBSCRIBE -> List.of();
            default -> List.of(new Reply.Text(message.kind() + ":" + message.text()));
        };
    }

    public List<UserMessage> received() {
        return List.copyOf(received);
    }

    public void reset() {
        received.clear();
        delay = Duration.ZERO;
    }

    public void answerAfter(Duration delay) {
        this.delay = delay;
    }
}
