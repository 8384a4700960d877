package cn.qiying.handoff.conversation;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

import cn.qiying.handoff.appeal.AppealDesk;
import cn.qiying.handoff.appeal.NewAppeal;
import cn.qiying.handoff.appeal.TicketView;
import cn.qiying.handoff.notify.Messenger;
import cn.qiying.handoff.notify.Push;
import cn.qiying.handoff.staff.Actor;
import cn.qiying.handoff.staff.StaffRole;
import cn.qiying.handoff.ticket.StatusLabels;

/**
 * What a staff agent does in a live conversation: claim it (one holder at a time, so a user's message never reaches
 * two agents; one agent may hold several), reply through the {@link Messenger} port, file the conversation as a
 * ticket, and hand the user back to the bot.
 */
@Component
public class AgentDesk {

    private static final int MAX_REPLY = 600;

    private final Conversations conversations;
    private final ObjectProvider<Messenger> messenger;
    private final AppealDesk appeals;
    private final StatusLabels texts;
    private final Clock clock;

    AgentDesk(Conversations conversations, ObjectProvider<Messenger> messenger, AppealDesk appeals, StatusLabels texts, Clock clock) {
        this.conversations = conversations;
        this.messenger = messenger;
        this.appeals = appeals;
        this.texts = texts;
        this.clock = clock;
    }

    /** Takes the conversation and tells the user a person is there; a 409 names the agent who holds it already. */
    public void claim(String userKey, Actor agent) {
        requireAgent(agent);
        boolean heldAlready = holds(userKey, agent);
        String holder = conversations.claim(userKey, agent.name());
        if (!holder.equals(agent.name())) {
            throw problem(HttpStatus.CONFLICT, "该会话已由 " + holder + " 接管");
        }
        if (!heldAlready) {
            String told = texts.text("conversation.claimed");
            if (send(userKey, Push.Kind.NOTICE, told).outcome() == Messenger.Delivery.Outcome.SENT) {
                conversations.record(userKey, Conversations.Direction.AGENT, told, clock.instant());
            }
        }
    }

    /** Sends the agent's text to the user; the transcript keeps it only once the channel took it. */
    public Messenger.Delivery reply(String userKey, Actor agent, String text) {
        requireHolder(userKey, agent);
        if (text == null || text.isBlank() || text.length() > MAX_REPLY) {
            throw problem(HttpStatus.BAD_REQUEST, "回复内容应为 1 到 " + MAX_REPLY + " 个字");
        }
        Messenger.Delivery delivery = send(userKey, Push.Kind.AGENT_REPLY, text.trim());
        if (delivery.outcome() == Messenger.Delivery.Outcome.SENT) {
            conversations.record(userKey, Conversations.Direction.AGENT, text.trim(), clock.instant());
        }
        return delivery;
    }

    /** Files what the user asked as a ticket on the user's own channel, and tells the user its number. */
    public TicketView fileTicket(String userKey, Actor agent, NewAppeal appeal) {
        requireHolder(userKey, agent);
        String[] id = Conversations.identity(userKey);
        TicketView ticket = appeals.submit(new NewAppeal(id[0], id[1].isEmpty() ? null : id[1], id[2], appeal.kind(),
                appeal.enterpriseName(), appeal.uscc(), appeal.contact(), appeal.phone(), appeal.district(), appeal.category(),
                appeal.description(), appeal.attachments(), null, appeal.department()));
        String told = texts.text("conversation.ticket-filed", ticket.no());
        if (send(userKey, Push.Kind.NOTICE, told).outcome() == Messenger.Delivery.Outcome.SENT) {
            conversations.record(userKey, Conversations.Direction.AGENT, told, clock.instant());
        }
        return ticket;
    }

    /** The bot answers again; the user is told. */
    public Messenger.Delivery handBack(String userKey, Actor agent) {
        if (!agent.is(StaffRole.ADMIN)) {
            requireHolder(userKey, agent);
        }
        String told = texts.text("conversation.handed-back");
        conversations.handBack(userKey);
        Messenger.Delivery delivery = send(userKey, Push.Kind.NOTICE, told);
        if (delivery.outcome() == Messenger.Delivery.Outcome.SENT) {
            conversations.record(userKey, Conversations.Direction.AGENT, told, clock.instant());
        }
        return delivery;
    }

    /** Whether this agent holds the conversation. */
    public boolean holds(String userKey, Actor agent) {
        return conversations.agent(userKey).map(agent.name()::equals).orElse(false);
    }

    private Messenger.Delivery send(String userKey, Push.Kind kind, String text) {
        Messenger port = messenger.getIfAvailable();
        if (port == null) {
            return Messenger.Delivery.refused("no channel is configured to reach users");
        }
        String[] id = Conversations.identity(userKey);
        Push push = new Push(kind.name().toLowerCase() + ":" + UUID.randomUUID(), id[0], id[1].isEmpty() ? null : id[1], id[2],
                kind, null, text, Map.of());
        try {
            return port.deliver(push);
        } catch (RuntimeException e) {
            return Messenger.Delivery.retry(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private void requireHolder(String userKey, Actor agent) {
        requireAgent(agent);
        String holder = conversations.agent(userKey).orElse(null);
        if (!agent.name().equals(holder)) {
            throw problem(HttpStatus.CONFLICT, holder == null ? "请先接管该会话" : "该会话已由 " + holder + " 接管");
        }
    }

    private static void requireAgent(Actor agent) {
        if (!(agent.is(StaffRole.ADMIN) || agent.is(StaffRole.OPERATOR))) {
            throw problem(HttpStatus.FORBIDDEN, "只有企业服务中心的工作人员可以接管会话");
        }
    }

    static ErrorResponseException problem(HttpStatus status, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        return new ErrorResponseException(status, body, null) {
            @Override
            public String getMessage() {
                return detail;
            }
        };
    }
}
