package cn.qiying.bot.status;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.qiying.bot.Reply;
import cn.qiying.bot.UserMessage;
import cn.qiying.bot.state.DialogState;
import cn.qiying.bot.state.Offer;
import cn.qiying.bot.state.Turn;
import cn.qiying.bot.text.Phrases;
import cn.qiying.handoff.appeal.AppealDesk;
import cn.qiying.handoff.ticket.Deadlines;
import cn.qiying.handoff.appeal.TicketView;
import cn.qiying.platform.time.ClockConfiguration;

/** "我的诉求进度": the user's open tickets with status and next deadline; a ticket number shows that one ticket. */
@Component
public class StatusReport {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("M月d日 HH:mm").withZone(ClockConfiguration.SHANGHAI);

    private final AppealDesk desk;
    private final Phrases phrases;
    private final Clock clock;

    public StatusReport(AppealDesk desk, Phrases phrases, Clock clock) {
        this.desk = desk;
        this.phrases = phrases;
        this.clock = clock;
    }

    public Turn list(DialogState state, UserMessage from) {
        List<TicketView> open = desk.openTicketsOf(from.channel(), from.appId(), from.openId());
        if (open.isEmpty()) {
            return Turn.of(state.withoutOffers(), new Reply.Text(phrases.get("status.none")));
        }
        List<String> lines = open.stream()
                .map(t -> phrases.get("status.line", t.no(), t.statusLabel(), nextDeadline(t.deadlines()))).toList();
        List<Offer> offers = open.stream().map(t -> new Offer(Offer.Action.TICKET, t.no())).toList();
        return Turn.of(state.offering(offers, List.of(), null),
                new Reply.Choices(phrases.get("status.intro", open.size()), lines, phrases.get("status.outro")));
    }

    public Turn show(DialogState state, UserMessage from, String no) {
        Optional<TicketView> found = desk.find(no);
        if (found.isEmpty()) {
            return Turn.of(state.withoutOffers(), new Reply.Text(phrases.get("status.not-found", no)));
        }
        TicketView t = found.get();
        boolean own = desk.openTicketsOf(from.channel(), from.appId(), from.openId()).stream().anyMatch(o -> o.no().equals(t.no()));
        String kind = phrases.get("kind." + t.kind());
        String text = phrases.get("status.detail", t.no(), t.statusLabel(), kind,
                t.department() == null ? phrases.get("status.department-pending") : t.department(),
                SHOWN.format(t.receivedAt()), nextDeadline(t.deadlines()));
        if (own && t.description() != null) {
            text += phrases.get("status.detail-own", t.description()); // only the filer sees what was written
        }
        return Turn.of(state.withoutOffers(), new Reply.Text(text));
    }

    /** The first deadline still ahead, named by what is due; the resolve deadline once all have passed. */
    String nextDeadline(Deadlines d) {
        if (d == null) {
            return phrases.get("status.deadline.none");
        }
        Instant now = clock.instant();
        if (ahead(d.contactBy(), now)) {
            return phrases.get("status.deadline.contact", format(d.contactBy()));
        }
        if (ahead(d.replyBy(), now)) {
            return phrases.get("status.deadline.reply", format(d.replyBy()));
        }
        if (d.resolveBy() != null) {
            return phrases.get("status.deadline.resolve", format(d.resolveBy()));
        }
        return phrases.get("status.deadline.none");
    }

    public static String format(TemporalAccessor at) {
        return SHOWN.format(at);
    }

    private static boolean ahead(OffsetDateTime at, Instant now) {
        return at != null && at.toInstant().isAfter(now);
    }
}
