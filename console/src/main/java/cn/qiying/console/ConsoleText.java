package cn.qiying.console;

import cn.qiying.handoff.appeal.Rating;
import cn.qiying.handoff.conversation.Conversations;
import cn.qiying.handoff.ticket.SupervisionEntry;

/** Chinese names of what the domain names in English (actions, channels, ratings, supervision reasons). */
final class ConsoleText {

    private ConsoleText() {
    }

    static String action(String action) {
        return switch (action) {
            case "receive" -> "受理";
            case "triage" -> "研判";
            case "reject" -> "不予受理";
            case "merge" -> "合并";
            case "assign" -> "交办";
            case "accept" -> "签收";
            case "return" -> "退回";
            case "contact" -> "联系企业";
            case "reply" -> "阶段性答复";
            case "resolve" -> "办结";
            case "review" -> "质检";
            case "reopen" -> "重启";
            case "close" -> "关闭";
            case "supervise" -> "督办";
            case "rate" -> "评价";
            case "overdue" -> "超期提醒";
            case "near-deadline" -> "临期提醒";
            case "repeated" -> "重复诉求";
            default -> action;
        };
    }

    static String channel(String channel) {
        if (channel == null) {
            return "—";
        }
        return switch (channel) {
            case "mp" -> "微信公众号";
            case "ma" -> "微信小程序";
            case "web" -> "服务卡网页";
            case "12345" -> "12345 热线";
            case "card" -> "服务卡";
            default -> channel;
        };
    }

    static String rating(Rating rating) {
        return switch (rating) {
            case SATISFIED -> "满意";
            case BASICALLY_SATISFIED -> "基本满意";
            case UNSATISFIED -> "不满意";
        };
    }

    static String supervision(SupervisionEntry.Reason reason) {
        return switch (reason) {
            case MAJOR -> "重大事项";
            case REPEATED -> "多次反映";
            case CLUSTERED -> "集中反映";
            case NEAR_DEADLINE -> "临期";
            case OVERDUE -> "超期";
            case UNSATISFIED -> "不满意回访";
            case MANUAL -> "人工督办";
        };
    }

    static String direction(Conversations.Direction direction) {
        return switch (direction) {
            case USER -> "企业";
            case BOT -> "智能客服";
            case AGENT -> "人工客服";
        };
    }
}
