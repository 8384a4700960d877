package cn.qiying.handoff.ticket;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonValue;

import cn.qiying.platform.names.EnumNames;

/** Where a ticket stands (DOMAIN.md, the life of an appeal), with the statuses each may move to. */
public enum TicketStatus {
    RECEIVED, TRIAGED, REJECTED, MERGED, ASSIGNED, ACCEPTED, RETURNED, CONTACTED, REPLIED, RESOLVED, REDO, REVIEWED,
    RATED, REOPENED, CLOSED;

    static {
        RECEIVED.next = EnumSet.of(TRIAGED, REJECTED, MERGED);
        TRIAGED.next = EnumSet.of(ASSIGNED, REJECTED, MERGED);
        ASSIGNED.next = EnumSet.of(ACCEPTED, RETURNED);
        RETURNED.next = EnumSet.of(ASSIGNED, REJECTED, MERGED);
        ACCEPTED.next = EnumSet.of(CONTACTED, REPLIED, RESOLVED, RETURNED);
        CONTACTED.next = EnumSet.of(REPLIED, RESOLVED);
        REPLIED.next = EnumSet.of(REPLIED, RESOLVED);
        RESOLVED.next = EnumSet.of(REVIEWED, REDO);
        REDO.next = EnumSet.of(CONTACTED, REPLIED, RESOLVED);
        REVIEWED.next = EnumSet.of(RATED, REOPENED, CLOSED);
        RATED.next = EnumSet.of(REOPENED, CLOSED);
        REOPENED.next = EnumSet.of(ASSIGNED);
        REJECTED.next = EnumSet.noneOf(TicketStatus.class);
        MERGED.next = EnumSet.noneOf(TicketStatus.class);
        CLOSED.next = EnumSet.noneOf(TicketStatus.class);
    }

    private Set<TicketStatus> next;

    public boolean canMoveTo(TicketStatus target) {
        return next.contains(target);
    }

    /** Still being worked on (for the enterprise: not yet finished). */
    public boolean isOpen() {
        return this != RATED && this != CLOSED && this != REJECTED && this != MERGED;
    }

    /** The department has delivered its result. */
    public boolean isResolved() {
        return this == RESOLVED || this == REVIEWED || this == RATED || this == CLOSED;
    }

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<TicketStatus> find(String value) {
        return EnumNames.find(TicketStatus.class, value);
    }

    public static TicketStatus parse(String value) {
        return EnumNames.parse(TicketStatus.class, value);
    }
}
