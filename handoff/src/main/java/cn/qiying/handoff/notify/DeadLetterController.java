package cn.qiying.handoff.notify;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.qiying.handoff.staff.StaffCaller;
import cn.qiying.handoff.staff.StaffRole;
import cn.qiying.handoff.ticket.DeadLetter;
import cn.qiying.handoff.ticket.Tickets;

/** Pushes (and other event handling) given up on after every retry, with the last reason: for the centre to follow up by phone. */
@RestController
class DeadLetterController {

    private final Tickets tickets;

    DeadLetterController(Tickets tickets) {
        this.tickets = tickets;
    }

    @GetMapping("/api/pushes/failed")
    List<DeadLetter> failed() {
        StaffCaller.requireAny(StaffRole.ADMIN, StaffRole.OPERATOR, StaffRole.SUPERVISOR);
        return tickets.deadLetters();
    }
}
