package cn.qiying.bot.intake;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

import cn.qiying.bot.Reply;
import cn.qiying.bot.UserMessage;
import cn.qiying.bot.state.DialogState;
import cn.qiying.bot.state.Turn;
import cn.qiying.bot.status.StatusReport;
import cn.qiying.bot.text.Phrases;
import cn.qiying.platform.privacy.PersonalData;
import cn.qiying.handoff.appeal.AppealDesk;
import cn.qiying.handoff.appeal.NewAppeal;
import cn.qiying.handoff.appeal.TicketView;

/** The confirmed draft becomes a ticket; the reply gives its number and when the enterprise will be contacted. */
@Component
public class SubmitAppeal {

    private static final Logger log = LoggerFactory.getLogger(SubmitAppeal.class);

    private final AppealDesk desk;
    private final AppealIntake intake;
    private final Phrases phrases;

    public SubmitAppeal(AppealDesk desk, AppealIntake intake, Phrases phrases) {
        this.desk = desk;
        this.intake = intake;
        this.phrases = phrases;
    }

    public Turn submit(DialogState state, UserMessage from) {
        AppealDraft d = state.draft();
        NewAppeal appeal = new NewAppeal(from.channel(), from.appId(), from.openId(), d.kind().code(), d.enterpriseName(),
                d.creditCode(), d.contact(), d.phone(), d.district(), d.category(), d.description(), d.photos(),
                d.cardCode(), d.department());
        TicketView ticket;
        try {
            ticket = desk.submit(appeal);
        } catch (ErrorResponseException e) {
            log.info("Appeal refused: {}", PersonalData.maskText(e.getBody().getDetail()));
            return intake.confirmTurn(state, d, List.of(new Reply.Text(phrases.get("submit.rejected", e.getBody().getDetail()))));
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
