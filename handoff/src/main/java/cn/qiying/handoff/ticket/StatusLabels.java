package cn.qiying.handoff.ticket;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Chinese names of statuses and kinds, from the handoff message bundle. */
@Component
public class StatusLabels {

    private final MessageSource messages;

    StatusLabels(MessageSource messages) {
        this.messages = messages;
    }

    public String label(TicketStatus status) {
        return text("ticket.status." + status.json());
    }

    public String kind(Kind kind) {
        return text("ticket.kind." + kind.json());
    }

    public String text(String key, Object... args) {
        return messages.getMessage(key, args, key, Locale.SIMPLIFIED_CHINESE);
    }
}
