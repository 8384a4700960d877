package cn.qiying.handoff.notify;

import java.util.Set;

import org.springframework.stereotype.Component;

import cn.qiying.handoff.routing.Departments;
import cn.qiying.handoff.ticket.StatusLabels;
import cn.qiying.handoff.ticket.Ticket;
import cn.qiying.handoff.ticket.TicketStatus;

/** What the enterprise is told at each step: the texts of status pushes and rating prompts (the console previews them). */
@Component
public class PushTexts {

    private static final Set<TicketStatus> TOLD = Set.of(TicketStatus.ASSIGNED, TicketStatus.ACCEPTED, TicketStatus.CONTACTED,
            TicketStatus.REPLIED, TicketStatus.REVIEWED, TicketStatus.REJECTED, TicketStatus.MERGED, TicketStatus.REOPENED,
            TicketStatus.CLOSED);

    private final StatusLabels labels;
    private final Departments departments;

    PushTexts(StatusLabels labels, Departments departments) {
        this.labels = labels;
        this.departments = departments;
    }

    /** Whether a move to this status (or a staged reply, which repeats REPLIED) is pushed to the enterprise. */
    public boolean told(TicketStatus to) {
        return TOLD.contains(to);
    }

    /** The status line for a ticket reaching {@code to} while {@code departmentId} (nullable) leads it. */
    public String status(String ticketNo, TicketStatus to, String departmentId) {
        String dept = departmentId == null ? "" : labels.text("push.status.department", departments.nameOf(departmentId));
        return labels.text("push.status", ticketNo, labels.label(to), dept).trim();
    }

    /** The same line with a department's name as given (the console puts the chosen one in). */
    public String statusWithDepartmentName(String ticketNo, TicketStatus to, String departmentName) {
        return labels.text("push.status", ticketNo, labels.label(to), labels.text("push.status.department", departmentName)).trim();
    }

    public String ratingPrompt(String ticketNo) {
        return labels.text("push.rating", ticketNo);
    }

    /** Whether the ticket came from a channel the enterprise can be reached on. */
    public static boolean reachable(Ticket ticket) {
        return ticket.getSource() != null && ticket.getSource().reachable();
    }
}
