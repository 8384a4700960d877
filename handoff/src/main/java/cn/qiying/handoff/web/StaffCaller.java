package cn.qiying.handoff.web;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import cn.qiying.handoff.staff.Actor;
import cn.qiying.handoff.staff.StaffPrincipal;
import cn.qiying.handoff.staff.StaffRole;
import cn.qiying.handoff.ticket.TicketProblems;

/** The staff user calling the API, as an actor of the domain. */
public final class StaffCaller {

    private StaffCaller() {
    }

    public static Actor current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof StaffPrincipal staff && !staff.actor().roles().isEmpty()) {
            return staff.actor();
        }
        throw TicketProblems.forbidden("访问：不是工作人员账号");
    }

    public static Actor requireAny(StaffRole... roles) {
        Actor actor = current();
        for (StaffRole role : roles) {
            if (actor.is(role)) {
                return actor;
            }
        }
        throw TicketProblems.forbidden("执行此操作");
    }
}
