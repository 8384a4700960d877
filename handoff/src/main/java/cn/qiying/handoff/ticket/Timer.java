package cn.qiying.handoff.ticket;

import java.time.Instant;

/** A deadline threshold the sweeper acts on: milestone contact/reply/resolve, stage near/overdue. */
public record Timer(String no, String milestone, String stage, Instant at) {

    String member() {
        return no + "|" + milestone + "|" + stage;
    }

    public static Timer parse(String member, Instant at) {
        String[] parts = member.split("\\|");
        return new Timer(parts[0], parts[1], parts[2], at);
    }
}
