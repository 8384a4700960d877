package cn.qiying.console.tickets;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.qiying.console.ConsoleLabels;
import cn.qiying.handoff.conversation.Conversations;
import cn.qiying.handoff.conversation.UserKey;
import cn.qiying.handoff.routing.Departments;
import cn.qiying.handoff.sla.Milestones;
import cn.qiying.handoff.staff.Actor;
import cn.qiying.handoff.staff.StaffCaller;
import cn.qiying.handoff.ticket.ActionInput;
import cn.qiying.handoff.ticket.StatusLabels;
import cn.qiying.handoff.ticket.Ticket;
import cn.qiying.handoff.ticket.Tickets;
import cn.qiying.platform.refusal.Outcome;
import cn.qiying.platform.web.RefusedException;

/** One ticket: details, enterprise, transcript, history, deadlines, and the forms of the actions the user may take. */
@Controller
class TicketPageController {

    private final Tickets tickets;
    private final ActionForms forms;
    private final Departments departments;
    private final StatusLabels labels;
    private final ConsoleLabels console;
    private final Conversations conversations;
    private final Clock clock;

    TicketPageController(Tickets tickets, ActionForms forms, Departments departments, StatusLabels labels, ConsoleLabels console,
                         Conversations conversations, Clock clock) {
        this.tickets = tickets;
        this.forms = forms;
        this.departments = departments;
        this.labels = labels;
        this.console = console;
        this.conversations = conversations;
        this.clock = clock;
    }

    /** @param labelKey contact, reply or resolve under {@code console.deadline.*} */
    record Deadline(String labelKey, String at, long millis, String remaining, boolean overdue, boolean met) {
    }

    record Line(String actor, String actionKey, String from, String to, String note, String at) {
    }

    record Said(String whoKey, String direction, String text, String at) {
    }

    /** An attachment as the page shows it: a picture the channel keeps (by media id), or a link the work order gave. */
    record Attachment(int number, String href, String given, boolean kept) {
    }

    record Supervision(String reasonKey, String note, String at) {
    }

    /**
     * Media ids are served by the channels module at {@code /api/media/<channel>/<id>?ticket=<no>} (the ticket lets a
     * department handler see its own tickets' pictures); an attachment that is already a web address is linked as is.
     */
    static List<Attachment> attachments(Ticket t) {
        List<Attachment> shown = new ArrayList<>();
        List<String> all = t.getAttachments();
        for (int i = 0; i < all.size(); i++) {
            String a = all.get(i);
            if (a.startsWith("https://") || a.startsWith("http://")) {
                shown.add(new Attachment(i + 1, a, null, false));
            } else if (t.getSource() != null && t.getSource().channel() != null) {
                shown.add(new Attachment(i + 1, "/api/media/" + enc(t.getSource().channel()) + "/" + enc(a) + "?ticket=" + enc(t.getNo()), null, true));
            } else {
                shown.add(new Attachment(i + 1, null, a, false));
            }
        }
        return shown;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @GetMapping("/console/tickets/{no}")
    String ticket(@PathVariable String no, Model model) {
        Actor actor = StaffCaller.current();
        Ticket t = tickets.get(no, actor).orElseThrow(RefusedException::new);
        Instant now = clock.instant();
        model.addAttribute("t", t);
        model.addAttribute("row", TicketRow.of(t, departments, labels, console, now));
        model.addAttribute("coDepartments", t.getCoDepartments().stream().map(departments::nameOf).toList());
        model.addAttribute("suggested", t.getSuggestedDepartment() == null ? null : departments.nameOf(t.getSuggestedDepartment()));
        model.addAttribute("deadlines", deadlines(t, now));
        model.addAttribute("history", t.getHistory().stream().map(h -> new Line(h.actor(), "ticket.action." + h.action(),
                h.from() == null ? "" : labels.label(h.from()), labels.label(h.to()), h.note(), ConsoleLabels.time(h.at()))).toList());
        model.addAttribute("transcript", transcript(t));
        model.addAttribute("attachments", attachments(t));
        model.addAttribute("forms", forms.forms(actor, t));
        model.addAttribute("reachable", t.getSource() != null && t.getSource().reachable());
        model.addAttribute("channel", console.named("ticket.channel", t.getSource() == null ? null : t.getSource().channel()));
        model.addAttribute("supervision", t.getSupervision().stream().map(s -> new Supervision(
                "ticket.supervision." + s.reason().name().toLowerCase(java.util.Locale.ROOT), s.note(), ConsoleLabels.time(s.at()))).toList());
        model.addAttribute("nav", "tickets");
        return "console/ticket";
    }

    @PostMapping("/console/tickets/{no}/{action}")
    String act(@PathVariable String no, @PathVariable String action, @RequestParam MultiValueMap<String, String> form,
               RedirectAttributes flash) {
        Actor actor = StaffCaller.current();
        Outcome<Ticket> outcome = tickets.act(no, action, ActionInput.of(form), actor);
        if (outcome instanceof Outcome.Done<Ticket> done) {
            flash.addFlashAttribute("notice", console.text("console.ticket.done", console.text("ticket.action." + action),
                    labels.label(done.value().getStatus())));
            if (!Tickets.visible(actor, done.value())) {
                return "redirect:/console/tickets"; // e.g. returned by a department: no longer its ticket
            }
        } else {
            flash.addFlashAttribute("error", console.text(outcome.refusal()));
        }
        return "redirect:/console/tickets/" + no;
    }

    private List<Deadline> deadlines(Ticket t, Instant now) {
        Milestones m = t.getDeadlines();
        boolean open = t.getStatus().isOpen() && !t.getStatus().isResolved();
        List<Deadline> out = new ArrayList<>();
        add(out, "contact", m.contactBy(), t.getContactedAt(), open, now);
        add(out, "reply", m.replyBy(), t.getFirstReplyAt(), open, now);
        add(out, "resolve", m.resolveBy(), t.getResolvedAt(), open, now);
        return out;
    }

    private void add(List<Deadline> out, String step, Instant due, Instant done, boolean open, Instant now) {
        if (due == null) {
            return;
        }
        boolean met = done != null;
        boolean counting = open && !met;
        String remaining = counting ? console.remaining(due, now)
                : met ? console.text(done.isAfter(due) ? "console.deadline.met-late" : "console.deadline.met") : "";
        out.add(new Deadline("console.deadline." + step, ConsoleLabels.time(due), due.toEpochMilli(), remaining,
                counting && due.isBefore(now), met));
    }

    private List<Said> transcript(Ticket t) {
        if (t.getSource() == null || !t.getSource().reachable()) {
            return List.of();
        }
        String key = UserKey.of(t.getSource().channel(), t.getSource().appId(), t.getSource().openId()).value();
        return conversations.transcript(key, 100).stream()
                .map(e -> new Said("conversation.direction." + e.direction().name().toLowerCase(java.util.Locale.ROOT),
                        e.direction().name().toLowerCase(java.util.Locale.ROOT), e.text(), ConsoleLabels.time(e.at())))
                .toList();
    }
}
