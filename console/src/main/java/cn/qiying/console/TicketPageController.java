package cn.qiying.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.qiying.handoff.conversation.Conversations;
import cn.qiying.handoff.routing.Departments;
import cn.qiying.handoff.staff.Actor;
import cn.qiying.handoff.ticket.Milestones;
import cn.qiying.handoff.ticket.StatusLabels;
import cn.qiying.handoff.ticket.Ticket;
import cn.qiying.handoff.ticket.TicketProblems;
import cn.qiying.handoff.ticket.TicketStore;
import cn.qiying.handoff.ticket.TicketTransitions;
import cn.qiying.handoff.web.ActionRequests;
import cn.qiying.handoff.web.StaffCaller;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** One ticket: details, enterprise, transcript, history, deadlines, and the forms of the actions the user may take. */
@Controller
class TicketPageController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final TicketStore store;
    private final TicketTransitions transitions;
    private final ActionForms forms;
    private final Departments departments;
    private final StatusLabels labels;
    private final Conversations conversations;
    private final Clock clock;

    TicketPageController(TicketStore store, TicketTransitions transitions, ActionForms forms, Departments departments,
                         StatusLabels labels, Conversations conversations, Clock clock) {
        this.store = store;
        this.transitions = transitions;
        this.forms = forms;
        this.departments = departments;
        this.labels = labels;
        this.conversations = conversations;
        this.clock = clock;
    }

    record Deadline(String label, String at, long millis, String remaining, boolean overdue, boolean met) {
    }

    record Line(String actor, String action, String from, String to, String note, String at) {
    }

    record Said(String who, String direction, String text, String at) {
    }

    /** An attachment as the page shows it: a picture the channel keeps (by media id), or a link the work order gave. */
    record Attachment(String label, String href, boolean kept) {
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
            String label = "附件 " + (i + 1);
            if (a.startsWith("https://") || a.startsWith("http://")) {
                shown.add(new Attachment(label, a, false));
            } else if (t.getSource() != null && t.getSource().channel() != null) {
                shown.add(new Attachment(label, "/api/media/" + enc(t.getSource().channel()) + "/" + enc(a) + "?ticket=" + enc(t.getNo()), true));
            } else {
                shown.add(new Attachment(label + "：" + a, null, false));
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
        Ticket t = store.find(no).filter(x -> TicketTransitions.visible(actor, x)).orElseThrow(() -> TicketProblems.notFound(no));
        Instant now = clock.instant();
        model.addAttribute("t", t);
        model.addAttribute("row", TicketRow.of(t, departments, labels, now));
        model.addAttribute("coDepartments", t.getCoDepartments().stream().map(departments::nameOf).toList());
        model.addAttribute("suggested", t.getSuggestedDepartment() == null ? null : departments.nameOf(t.getSuggestedDepartment()));
        model.addAttribute("deadlines", deadlines(t, now));
        model.addAttribute("history", t.getHistory().stream().map(h -> new Line(h.actor(), ConsoleText.action(h.action()),
                h.from() == null ? "" : labels.label(h.from()), labels.label(h.to()), h.note(), ConsoleLabels.time(h.at()))).toList());
        model.addAttribute("transcript", transcript(t));
        model.addAttribute("attachments", attachments(t));
        model.addAttribute("forms", forms.forms(actor, t));
        model.addAttribute("reachable", t.getSource() != null && t.getSource().reachable());
        model.addAttribute("channel", ConsoleText.channel(t.getSource() == null ? null : t.getSource().channel()));
        model.addAttribute("rating", t.getRating() == null ? null : ConsoleText.rating(t.getRating().rating()));
        model.addAttribute("supervision", t.getSupervision().stream()
                .map(s -> ConsoleText.supervision(s.reason()) + (s.note() == null ? "" : "：" + s.note()) + "（" + ConsoleLabels.time(s.at()) + "）").toList());
        model.addAttribute("nav", "tickets");
        return "console/ticket";
    }

    @PostMapping("/console/tickets/{no}/{action}")
    String act(@PathVariable String no, @PathVariable String action, @RequestParam MultiValueMap<String, String> form,
               RedirectAttributes flash) {
        Actor actor = StaffCaller.current();
        ObjectNode body = JSON.createObjectNode();
        for (Map.Entry<String, List<String>> field : form.entrySet()) {
            String name = field.getKey();
            if (name.startsWith("_")) {
                continue; // the CSRF token
            }
            List<String> values = field.getValue().stream().filter(v -> v != null && !v.isBlank()).toList();
            if (name.equals("coDepartments")) {
                values.forEach(body.putArray("coDepartments")::add);
            } else if (name.equals("passed")) {
                body.put("passed", values.contains("true"));
            } else if (!values.isEmpty()) {
                body.put(name, values.get(0));
            }
        }
        try {
            Ticket after = transitions.perform(no, ActionRequests.parse(action, body), actor);
            flash.addFlashAttribute("notice", ConsoleText.action(action) + "：已完成，工单状态为「" + labels.label(after.getStatus()) + "」");
            if (!TicketTransitions.visible(actor, after)) {
                return "redirect:/console/tickets"; // e.g. returned by a department: no longer its ticket
            }
        } catch (ErrorResponseException e) {
            flash.addFlashAttribute("error", e.getBody().getDetail());
        }
        return "redirect:/console/tickets/" + no;
    }

    private List<Deadline> deadlines(Ticket t, Instant now) {
        Milestones m = t.getDeadlines();
        boolean open = t.getStatus().isOpen() && !t.getStatus().isResolved();
        List<Deadline> out = new ArrayList<>();
        add(out, "联系企业", m.contactBy(), t.getContactedAt(), open, now);
        add(out, "阶段性答复", m.replyBy(), t.getFirstReplyAt(), open, now);
        add(out, "办结", m.resolveBy(), t.getResolvedAt(), open, now);
        return out;
    }

    private static void add(List<Deadline> out, String label, Instant due, Instant done, boolean open, Instant now) {
        if (due == null) {
            return;
        }
        boolean met = done != null;
        boolean counting = open && !met;
        out.add(new Deadline(label, ConsoleLabels.time(due), due.toEpochMilli(),
                counting ? ConsoleLabels.remaining(due, now) : met ? (done.isAfter(due) ? "已完成（超期）" : "已按时完成") : "",
                counting && due.isBefore(now), met));
    }

    private List<Said> transcript(Ticket t) {
        if (t.getSource() == null || !t.getSource().reachable()) {
            return List.of();
        }
        String key = Conversations.userKey(t.getSource().channel(), t.getSource().appId(), t.getSource().openId());
        return conversations.transcript(key, 100).stream()
                .map(e -> new Said(ConsoleText.direction(e.direction()), e.direction().name().toLowerCase(), e.text(), ConsoleLabels.time(e.at())))
                .toList();
    }
}
