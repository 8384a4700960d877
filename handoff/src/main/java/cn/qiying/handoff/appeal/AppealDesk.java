package cn.qiying.handoff.appeal;

import java.util.List;
import java.util.Optional;

import cn.qiying.handoff.ticket.Rating;
import cn.qiying.platform.refusal.Outcome;

/** What channels and the dialog use to file and follow appeals; what cannot be accepted comes back as a refusal. */
public interface AppealDesk {

    /** Files an appeal as a ticket, or says (every problem, in the bundle's words) why it cannot. */
    Outcome<TicketView> submit(NewAppeal appeal);

    /** The user's tickets that are not yet closed, newest first. */
    List<TicketView> openTicketsOf(String channel, String appId, String openId);

    Optional<TicketView> find(String no);

    /** The ticket, when the phone number given is the one the enterprise left: the status page for people off WeChat. */
    Optional<TicketView> findForPhone(String no, String phone);

    /** Only the ticket's own openId may rate, and only while the ticket awaits its rating. */
    Outcome<TicketView> rate(String no, String openId, Rating rating, String comment);

    /** Off WeChat: whoever knows the ticket number and the phone the enterprise left rates it, while it awaits its rating. */
    Outcome<TicketView> rateForPhone(String no, String phone, Rating rating, String comment);
}
