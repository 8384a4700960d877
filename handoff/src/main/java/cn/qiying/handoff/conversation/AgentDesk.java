package cn.qiying.handoff.conversation;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import cn.qiying.handoff.appeal.AppealDesk;
import cn.qiying.handoff.appeal.NewAppeal;
import cn.qiying.handoff.appeal.TicketView;
import cn.qiying.handoff.notify.Messenger;
import cn.qiying.handoff.notify.Push;
import cn.qiying.handoff.staff.Actor;
import cn.qiying.handoff.staff.StaffRole;
import cn.qiying.handoff.ticket.StatusLabels;
import cn.qiying.platform.refusal.Outcome;
import cn.qiying.platform.refusal.Refusal;

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

    /** Takes the conversation and tells the user a person is there; refused with the agent who holds it already. */
    public Outcome<String> claim(String userKey, Actor agent) {
        Optional<Refusal> notAgent = requireAgent(agent);
        if (notAgent.isPresent()) {
            return Outcome.refused(notAgent.get());
        }
        boolean heldAlready = holds(userKey, agent);
        String holder = conversations.claim(userKey, agent.name());
        if (!holder.equals(agent.name())) {
            return Outcome.refused(heldBy(holder));
        }
        if (!heldAlready) {
            String told = texts.text("conversation.claimed");
            if (send(userKey, Push.Kind.NOTICE, told).outcome() == Messenger.Delivery.Outcome.SENT) {
                conversations.record(userKey, Conversations.Direction.AGENT, told, clock.instant());
            }
        }
        return Outcome.done(holder);
    }

    /** Sends the agent's text to the user; the transcript keeps it only once the channel took it. */
    public Outcome<Messenger.Delivery> reply(String userKey, Actor agent, String text) {
        Optional<Refusal> notHolder = requireHolder(userKey, agent);
        if (notHolder.isPresent()) {
            return Outcome.refused(notHolder.get());
        }
        if (text == null || text.isBlank() || text.length() > MAX_REPLY) {
            return Outcome.refused(Refusal.invalid("conversation.refusal.reply-length", MAX_REPLY));
        }
        Messenger.Delivery delivery = send(userKey, Push.Kind.AGENT_REPLY, text.trim());
        if (delivery.outcome() == Messenger.Delivery.Outcome.SENT) {
            conversations.record(userKey, Conversations.Direction.AGENT, text.trim(), clock.instant());
        }
        return Outcome.done(delivery);
    }

    /** Files what the user asked as a ticket on the user's own channel, and tells the user its number. */
    public Outcome<TicketView> fileTicket(String userKey, Actor agent, NewAppeal appeal) {
        Optional<Refusal> notHolder = requireHolder(userKey, agent);
        if (notHolder.isPresent()) {
            return Outcome.refused(notHolder.get());
        }
        UserKey user = UserKey.parse(userKey).orElseThrow(() -> new IllegalArgumentException("not a user key"));
        Outcome<TicketView> filed = appeals.submit(new NewAppeal(user.channel(), user.appId(), user.openId(), appeal.kind(),
                appeal.enterpriseName(), appeal.uscc(), appeal.contact(), appeal.phone(), appeal.district(), appeal.category(),
                appeal.description(), appeal.attachments(), null, appeal.department()));
        if (filed instanceof Outcome.Done<TicketView> done) {
            String told = texts.text("conversation.ticket-filed", done.value().no());
            if (send(userKey, Push.Kind.NOTICE, told).outcome() == Messenger.Delivery.Outcome.SENT) {
                conversations.record(userKey, Conversations.Direction.AGENT, told, clock.instant());
            }
        }
        return filed;
    }

    /** The bot answers again; the user is told. */
    public Outcome<Messenger.Delivery> handBack(String userKey, Actor agent) {
        Optional<Refusal> notHolder = agent.is(StaffRole.ADMIN) ? Optional.empty() : requireHolder(userKey, agent);
        if (notHolder.isPresent()) {
            return Outcome.refused(notHolder.get());
        }
        String told = texts.text("conversation.handed-back");
        conversations.handBack(userKey);
        Messenger.Delivery delivery = send(userKey, Push.Kind.NOTICE, told);
        if (delivery.outcome() == Messenger.Delivery.Outcome.SENT) {
            conversations.record(userKey, Conversations.Direction.AGENT, told, clock.instant());
        }
        return Outcome.done(delivery);
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
        UserKey user = UserKey.parse(userKey).orElseThrow(() -> new IllegalArgumentException("not a user key"));
        Push push = new Push(kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + UUID.randomUUID(), user.channel(), user.appId(),
                user.openId(), kind, null, text, Map.of());
        try {
            return port.deliver(push);
        } catch (RuntimeException e) {
            return Messenger.Delivery.retry(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private Optional<Refusal> requireHolder(String userKey, Actor agent) {
        Optional<Refusal> notAgent = requireAgent(agent);
        if (notAgent.isPresent()) {
            return notAgent;
        }
        String holder = conversations.agent(userKey).orElse(null);
        if (agent.name().equals(holder)) {
            return Optional.empty();
        }
        return Optional.of(holder == null ? new Refusal.IllegalStep("conversation.refusal.claim-first", List.of(), Map.of()) : heldBy(holder));
    }

    private static Refusal heldBy(String holder) {
        return new Refusal.LostRace("conversation.refusal.held-by", List.of(holder), Map.of("agent", holder));
    }

    private static Optional<Refusal> requireAgent(Actor agent) {
        return agent.isCentre() ? Optional.empty() : Optional.of(Refusal.notAllowed("conversation.refusal.centre-only"));
    }
}
