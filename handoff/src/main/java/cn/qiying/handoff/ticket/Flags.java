package cn.qiying.handoff.ticket;

import java.util.ArrayList;
import java.util.List;

/** 临期, 超期, 督办, 重复 */
public record Flags(boolean nearDeadline, boolean overdue, boolean supervised, boolean repeated) {

    public static final Flags NONE = new Flags(false, false, false, false);

    public Flags withNearDeadline() {
        return new Flags(true, overdue, supervised, repeated);
    }

    public Flags withOverdue() {
        return new Flags(nearDeadline, true, supervised, repeated);
    }

    public Flags withSupervised() {
        return new Flags(nearDeadline, overdue, true, repeated);
    }

    public Flags withRepeated() {
        return new Flags(nearDeadline, overdue, supervised, true);
    }

    /** Cleared when a new deadline window starts (reassignment, redo, reopening). */
    public Flags withoutTimers() {
        return new Flags(false, false, supervised, repeated);
    }

    public List<String> names() {
        List<String> names = new ArrayList<>();
        if (nearDeadline) {
            names.add("near");
        }
        if (overdue) {
            names.add("overdue");
        }
        if (supervised) {
            names.add("supervised");
        }
        if (repeated) {
            names.add("repeated");
        }
        return names;
    }
}
