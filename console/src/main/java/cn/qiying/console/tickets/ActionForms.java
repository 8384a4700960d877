package cn.qiying.console.tickets;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.qiying.handoff.notify.PushTexts;
import cn.qiying.handoff.staff.Actor;
import cn.qiying.handoff.ticket.FormField;
import cn.qiying.handoff.ticket.StaffActionType;
import cn.qiying.handoff.ticket.Ticket;
import cn.qiying.handoff.ticket.TicketStatus;
import cn.qiying.handoff.ticket.Tickets;

/**
 * The actions a user may take on a ticket now (as the desk decides), each as a form that says what the enterprise
 * will be told.
 */
@Component
class ActionForms {

    /** A department placeholder the page replaces with the one chosen in the form. */
    static final String CHOSEN_DEPARTMENT = "__DEPT__";

    /**
     * @param preview         what the enterprise receives (null: nothing is sent at this step)
     * @param previewTemplate the preview with {@link #CHOSEN_DEPARTMENT} where the form's department goes
     */
    record ActionForm(String name, String labelKey, List<FormField> fields, String preview, String previewTemplate, boolean caution) {
    }

    private final Tickets tickets;
    private final PushTexts texts;

    ActionForms(Tickets tickets, PushTexts texts) {
        this.tickets = tickets;
        this.texts = texts;
    }

    List<ActionForm> forms(Actor actor, Ticket t) {
        return tickets.available(actor, t).stream().map(a -> form(t, a.type(), a.form())).toList();
    }

    private ActionForm form(Ticket t, StaffActionType type, List<FormField> fields) {
        TicketStatus target = type.sample().target(t);
        String preview = null;
        String template = null;
        if (PushTexts.reachable(t) && target != null && texts.told(target)) {
            preview = texts.status(t.getNo(), target, type.departmentAfter(t));
            if (target == TicketStatus.REVIEWED) {
                preview = preview + "\n" + texts.ratingPrompt(t.getNo());
            }
            if (fields.stream().anyMatch(f -> f.name().equals("department"))) {
                template = texts.statusWithDepartmentName(t.getNo(), target, CHOSEN_DEPARTMENT);
            }
        }
        return new ActionForm(type.name(), type.labelKey(), fields, preview, template, type.caution());
    }
}
