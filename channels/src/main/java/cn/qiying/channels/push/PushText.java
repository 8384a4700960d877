package cn.qiying.channels.push;

import java.util.Locale;

import org.springframework.context.MessageSource;

import cn.qiying.handoff.notify.Push;

/** A push as one customer-service text: its own text, else a line made of its ticket number and status. */
final class PushText {

    private PushText() {
    }

    static String of(Push push, MessageSource messages) {
        if (push.text() != null && !push.text().isBlank()) {
            return push.text();
        }
        String ticket = push.ticketNo() == null ? "" : push.ticketNo();
        String status = TemplateData.value(push, "statusLabel");
        if (status.isEmpty()) {
            status = TemplateData.value(push, "status");
        }
        return status.isEmpty()
                ? messages.getMessage("channels.push.progress", new Object[] {ticket}, Locale.SIMPLIFIED_CHINESE)
                : messages.getMessage("channels.push.status", new Object[] {ticket, status}, Locale.SIMPLIFIED_CHINESE);
    }
}
