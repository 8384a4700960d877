package cn.qiying.console;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

import cn.qiying.handoff.staff.StaffRole;
import cn.qiying.platform.time.ClockConfiguration;

/** How the console writes times, countdowns and roles. */
final class ConsoleLabels {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ClockConfiguration.SHANGHAI);

    private ConsoleLabels() {
    }

    static String time(Instant at) {
        return at == null ? "" : TIME.format(at);
    }

    /** "剩余 2天3小时", "已超期 5小时" (the page's script keeps it current). */
    static String remaining(Instant due, Instant now) {
        if (due == null) {
            return "";
        }
        Duration left = Duration.between(now, due);
        boolean over = left.isNegative();
        Duration d = left.abs();
        long days = d.toDays();
        long hours = d.toHoursPart();
        long minutes = d.toMinutesPart();
        String amount = days > 0 ? days + "天" + hours + "小时" : hours > 0 ? hours + "小时" + minutes + "分" : minutes + "分钟";
        return (over ? "已超期 " : "剩余 ") + amount;
    }

    static String role(StaffRole role) {
        return switch (role) {
            case ADMIN -> "系统管理员";
            case OPERATOR -> "企业服务中心";
            case HANDLER -> "部门办理";
            case SUPERVISOR -> "督查";
        };
    }
}
