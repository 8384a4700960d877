package cn.qiying.handoff.staff;

/** What a staff user may do: admin everything; operator triages, assigns and reviews; handler works its department's tickets; supervisor reads all and supervises. */
public enum StaffRole {
    ADMIN, OPERATOR, HANDLER, SUPERVISOR
}
