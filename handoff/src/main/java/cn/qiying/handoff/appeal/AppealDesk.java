package cn.qiying.handoff.appeal;

import java.util.List;
import java.util.Optional;

/** What channels and the dialog use to file and follow appeals. */
public interface AppealDesk {

    /** Files an appeal as a ticket; throws {@link AppealRejected} (4xx, Chinese detail) on bad input. */
    TicketView submit(NewAppeal appeal);

    /** The user's tickets that are not yet closed, newest first. */
    List<TicketView> openTicketsOf(String channel, String appId, String openId);

    Optional<TicketView> find(String no);

    /** The ticket, when the phone number given is the one the enterprise left: the status page for people off WeChat. */
    Optional<TicketView> findForPhone(String no, String phone);

    /** Only the ticket's own openId may rate, and only while the ticket awaits its rating. */
    TicketView rate(String no, String openId, Rating rating, String comment);

    /** Off WeChat: whoever knows the ticket number and the phone the enterprise left rates it, while it awaits its rating. */
    TicketView rateForPhone(String no, String phone, Rating rating, String comment);
}
