package cn.qiying.console.conversations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.qiying.handoff.appeal.NewAppeal;
import cn.qiying.handoff.appeal.TicketView;
import cn.qiying.handoff.conversation.AgentDesk;
import cn.qiying.handoff.conversation.Conversations;
import cn.qiying.handoff.conversation.UserKey;
import cn.qiying.handoff.notify.Messenger;
import cn.qiying.handoff.routing.Departments;
import cn.qiying.handoff.staff.Actor;
import cn.qiying.handoff.staff.StaffRole;
import cn.qiying.handoff.staff.StaffCaller;
import cn.qiying.console.ConsoleLabels;
import cn.qiying.platform.refusal.Outcome;
import cn.qiying.platform.refusal.Refusal;
import cn.qiying.platform.web.RefusedException;

/**
 * Live conversations: who waits for a human and since when, who talks to the bot or to an agent; the takeover view
 * with its live transcript, replies, filing a ticket, and handing the user back to the bot.
 */
@Controller
class ConversationController {

    private final Conversations conversations;
    private final AgentDesk desk;
    private final LiveTranscripts live;
    private final Departments departments;
    private final ConsoleLabels labels;
    private final Clock clock;

    ConversationController(Conversations conversations, AgentDesk desk, LiveTranscripts live, Departments departments,
                           ConsoleLabels labels, Clock clock) {
        this.labels = labels;
        this.conversations = conversations;
        this.desk = desk;
        this.live = live;
        this.departments = departments;
        this.clock = clock;
    }

    record WaitingUser(String userKey, String user, String since, long waitSeconds, String waited) {
    }

    record LiveUser(String userKey, String user, String lastAt, String mode, String agent, boolean mine) {
    }

    record Board(List<WaitingUser> waiting, List<LiveUser> live) {
    }

    record Reply(String userKey, String text) {
    }

    record Sent(String outcome, String reason) {
    }

    @GetMapping("/console/conversations")
    String list(Model model) {
        Actor agent = centre();
        model.addAttribute("board", board(agent));
        model.addAttribute("nav", "conversations");
        return "console/conversations";
    }

    @GetMapping(value = "/console/conversations/board", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Board boardJson() {
        return board(centre());
    }

    @PostMapping("/console/conversations/claim")
    String claim(@RequestParam("u") String userKey, RedirectAttributes flash) {
        Actor agent = centre();
        Refusal refused = desk.claim(userKey, agent).refusal();
        if (refused != null) {
            flash.addFlashAttribute("error", labels.text(refused));
            return "redirect:/console/conversations";
        }
        flash.addAttribute("u", userKey);
        return "redirect:/console/conversations/view";
    }

    @GetMapping("/console/conversations/view")
    String view(@RequestParam("u") String userKey, Model model, RedirectAttributes flash) {
        Actor agent = centre();
        if (!desk.holds(userKey, agent)) {
            flash.addFlashAttribute("error", conversations.agent(userKey).map(h -> labels.text("conversation.refusal.held-by", h))
                    .orElse(labels.text("conversation.refusal.claim-first")));
            return "redirect:/console/conversations";
        }
        List<Conversations.Logged> all = conversations.transcriptAfter(userKey, "0", 500);
        List<Conversations.Logged> shown = all.subList(Math.max(0, all.size() - 100), all.size());
        StringBuilder asked = new StringBuilder();
        shown.stream().filter(l -> l.entry().direction() == Conversations.Direction.USER)
                .forEach(l -> asked.append(asked.isEmpty() ? "" : "\n").append(l.entry().text()));
        model.addAttribute("userKey", userKey);
        model.addAttribute("user", label(userKey));
        model.addAttribute("transcript", shown.stream().map(l -> live.said(l.entry())).toList());
        model.addAttribute("lastId", shown.isEmpty() ? "0" : shown.get(shown.size() - 1).id());
        model.addAttribute("asked", asked.length() > 2000 ? asked.substring(asked.length() - 2000) : asked.toString());
        model.addAttribute("departments", departments.all());
        model.addAttribute("nav", "conversations");
        return "console/conversation";
    }

    @GetMapping(value = "/console/conversations/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(@RequestParam("u") String userKey, @RequestParam(required = false) String after,
                      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        Actor agent = centre();
        if (!desk.holds(userKey, agent)) {
            throw new RefusedException(new Refusal.IllegalStep("console.conversation.not-yours", List.of(), Map.of()));
        }
        return live.open(userKey, agent.name(), lastEventId != null ? lastEventId : after);
    }

    @PostMapping(value = "/console/conversations/reply", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Sent reply(@RequestBody Reply reply) {
        Actor agent = centre();
        Messenger.Delivery delivery = desk.reply(reply.userKey(), agent, reply.text()).orElseThrow(RefusedException::new);
        return new Sent(delivery.outcome().name().toLowerCase(java.util.Locale.ROOT), delivery.reason());
    }

    @PostMapping("/console/conversations/ticket")
    String ticket(@RequestParam("u") String userKey, @RequestParam Map<String, String> form, RedirectAttributes flash) {
        Actor agent = centre();
        Outcome<TicketView> filed = desk.fileTicket(userKey, agent, new NewAppeal(null, null, null, form.get("kind"),
                form.get("enterpriseName"), form.get("uscc"), form.get("contact"), form.get("phone"), form.get("district"),
                form.get("category"), form.get("description"), List.of(), null, blank(form.get("department"))));
        if (filed instanceof Outcome.Done<TicketView> done) {
            flash.addFlashAttribute("notice", labels.text("console.conversation.filed", done.value().no()));
            flash.addFlashAttribute("filed", done.value().no());
        } else {
            flash.addFlashAttribute("error", labels.text("console.conversation.file-failed", labels.text(filed.refusal())));
        }
        flash.addAttribute("u", userKey);
        return "redirect:/console/conversations/view";
    }

    @PostMapping("/console/conversations/handback")
    String handBack(@RequestParam("u") String userKey, RedirectAttributes flash) {
        Actor agent = centre();
        Outcome<Messenger.Delivery> handed = desk.handBack(userKey, agent);
        if (handed instanceof Outcome.Done<Messenger.Delivery> done) {
            flash.addFlashAttribute("notice", done.value().outcome() == Messenger.Delivery.Outcome.SENT
                    ? labels.text("console.conversation.handed-back") : labels.text("console.conversation.handed-back-untold", done.value().reason()));
        } else {
            flash.addFlashAttribute("error", labels.text(handed.refusal()));
        }
        return "redirect:/console/conversations";
    }

    private Board board(Actor agent) {
        Instant now = clock.instant();
        List<WaitingUser> waiting = new ArrayList<>();
        for (Conversations.Waiting w : conversations.waiting()) {
            long seconds = Math.max(0, Duration.between(w.since(), now).toSeconds());
            waiting.add(new WaitingUser(w.userKey(), label(w.userKey()), ConsoleLabels.time(w.since()), seconds, waited(seconds)));
        }
        List<LiveUser> users = conversations.recent(24, 100).stream()
                .map(l -> new LiveUser(l.userKey(), label(l.userKey()), ConsoleLabels.time(l.lastAt()), mode(l.mode()), l.agent(),
                        agent.name().equals(l.agent())))
                .toList();
        return new Board(waiting, users);
    }

    private String mode(Conversations.Mode mode) {
        return labels.text("console.conversation.mode." + mode.name().toLowerCase(java.util.Locale.ROOT));
    }

    private String waited(long seconds) {
        return seconds < 60 ? labels.text("console.waited.seconds", seconds)
                : seconds < 3600 ? labels.text("console.waited.minutes", seconds / 60, seconds % 60)
                : labels.text("console.waited.hours", seconds / 3600, seconds % 3600 / 60);
    }

    /** "公众号 · …abcd1234": the channel and the end of the openid, enough to tell users apart. */
    String label(String userKey) {
        return UserKey.parse(userKey).map(user -> labels.named("ticket.channel", user.channel()) + " · "
                + (user.openId().length() > 10 ? "…" + user.openId().substring(user.openId().length() - 10) : user.openId()))
                .orElse(userKey);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static Actor centre() {
        return StaffCaller.requireAny(StaffRole.ADMIN, StaffRole.OPERATOR);
    }
}
