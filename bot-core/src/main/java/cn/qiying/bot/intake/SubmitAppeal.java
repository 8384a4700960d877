package cn.qiying.bot.intake;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.qiying.bot.Reply;
import cn.qiying.bot.UserMessage;
import cn.qiying.bot.state.DialogState;
import cn.qiying.bot.state.Turn;
import cn.qiying.bot.status.StatusReport;
import cn.qiying.bot.text.Phrases;
import cn.qiying.handoff.appeal.AppealDesk;
import cn.qiying.handoff.appeal.NewAppeal;
import cn.qiying.handoff.appeal.TicketView;
import cn.qiying.platform.refusal.Outcome;
import cn.qiying.platform.text.Texts;

/** The confirmed draft becomes a ticket; the reply gives its number and when the enterprise will be contacted. */
@Component
public class SubmitAppeal {

    private static final Logger log = LoggerFactory.getLogger(SubmitAppeal.class);

    private final AppealDesk desk;
    private final AppealIntake intake;
    private final Phrases phrases;
    private final Texts texts;

    public SubmitAppeal(AppealDesk desk, AppealIntake intake, Phrases phrases, Texts texts) {
        this.desk = desk;
        this.intake = intake;
        this.phrases = phrases;
        this.texts = texts;
    }

    public Turn submit(DialogState state, UserMessage from) {
        AppealDraft d = state.draft();
        NewAppeal appeal = new NewAppeal(from.channel(), from.appId(), from.openId(), d.kind().code(), d.enterpriseName(),
                d.creditCode(), d.contact(), d.phone(), d.district(), d.category(), d.description(), d.photos(),
                d.cardCode(), d.department());
        TicketView ticket;
        try {
            Outcome<TicketView> filed = desk.submit(appeal);
            if (!filed.isDone()) {
                log.info("Appeal refused: {}", filed.refusal().messageKey());
                return intake.confirmTurn(state, d, List.of(new Reply.Text(phrases.get("submit.rejected", texts.text(filed.refusal())))));
            }
            ticket = filed.orElseThrow(r -> new IllegalStateException(r.messageKey()));
        } catch (RuntimeException e) {
            log.warn("Appeal could not be filed, the draft is kept", e);
            return intake.confirmTurn(state, d, List.of(new Reply.Text(phrases.get("submit.failed"))));
        }
        StringBuilder text = new StringBuilder(phrases.get("submit.done", ticket.no()));
        if (ticket.deadlines() != null && ticket.deadlines().contactBy() != null) {
            text.append('\n').append(phrases.get("submit.contact-by", StatusReport.format(ticket.deadlines().contactBy())));
        }
        text.append('\n').append(phrases.get("submit.next"));
        List<Reply> replies = new ArrayList<>();
        replies.add(new Reply.Text(text.toString()));
        return new Turn(replies, state.withoutOffers().withoutDraft());
    }
}
