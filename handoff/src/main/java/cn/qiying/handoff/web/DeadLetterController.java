package cn.qiying.handoff.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.qiying.handoff.staff.StaffRole;
import cn.qiying.handoff.ticket.TicketEventConsumers;

/** Pushes (and other event handling) given up on after every retry, with the last reason: for the centre to follow up by phone. */
@RestController
class DeadLetterController {

    private final TicketEventConsumers consumers;

    DeadLetterController(TicketEventConsumers consumers) {
        this.consumers = consumers;
    }

    @GetMapping("/api/pushes/failed")
    List<TicketEventConsumers.DeadLetter> failed() {
        StaffCaller.requireAny(StaffRole.ADMIN, StaffRole.OPERATOR, StaffRole.SUPERVISOR);
        return consumers.deadLetters();
    }
}
