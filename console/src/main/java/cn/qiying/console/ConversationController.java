package cn.qiying.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.qiying.handoff.appeal.AppealRejected;
import cn.qiying.handoff.appeal.NewAppeal;
import cn.qiying.handoff.appeal.TicketView;
import cn.qiying.handoff.conversation.AgentDesk;
import cn.qiying.handoff.conversation.Conversations;
import cn.qiying.handoff.notify.Messenger;
import cn.qiying.handoff.routing.Departments;
import cn.qiying.handoff.staff.Actor;
import cn.qiying.handoff.staff.StaffRole;
import cn.qiying.handoff.web.StaffCaller;

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
    private final Clock clock;

    ConversationController(Conversations conversations, AgentDesk desk, LiveTranscripts live, Departments departments, Clock clock) {
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

    record Sent(String outcome, String reason, LiveTranscripts.Said said) {
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
        try {
            desk.claim(userKey, agent);
        } catch (ErrorResponseException e) {
            flash.addFlashAttribute("error", e.getBody().getDetail());
            return "redirect:/console/conversations";
        }
        flash.addAttribute("u", userKey);
        return "redirect:/console/conversations/view";
    }

    @GetMapping("/console/conversations/view")
    String view(@RequestParam("u") String userKey, Model model, RedirectAttributes flash) {
        Actor agent = centre();
        if (!desk.holds(userKey, agent)) {
            flash.addFlashAttribute("error", conversations.agent(userKey).map(h -> "该会话已由 " + h + " 接管").orElse("请先接管该会话"));
            return "redirect:/console/conversations";
        }
        List<Conversations.Logged> all = conversations.transcriptAfter(userKey, "0", 500);
        List<Conversations.Logged> shown = all.subList(Math.max(0, all.size() - 100), all.size());
        StringBuilder asked = new StringBuilder();
        shown.stream().filter(l -> l.entry().direction() == Conversations.Direction.USER)
                .forEach(l -> asked.append(asked.isEmpty() ? "" : "\n").append(l.entry().text()));
        model.addAttribute("userKey", userKey);
        model.addAttribute("user", label(userKey));
        model.addAttribute("transcript", shown.stream().map(l -> LiveTranscripts.said(l.entry())).toList());
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
            throw ConsoleProblems.conflict("该会话不由您接管");
        }
        return live.open(userKey, agent.name(), lastEventId != null ? lastEventId : after);
    }

    @PostMapping(value = "/console/conversations/reply", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Sent reply(@RequestBody Reply reply) {
        Actor agent = centre();
        Messenger.Delivery delivery = desk.reply(reply.userKey(), agent, reply.text());
        return new Sent(delivery.outcome().name().toLowerCase(), delivery.reason(), null);
    }

    @PostMapping("/console/conversations/ticket")
    String ticket(@RequestParam("u") String userKey, @RequestParam Map<String, String> form, RedirectAttributes flash) {
        Actor agent = centre();
        try {
            TicketView ticket = desk.fileTicket(userKey, agent, new NewAppeal(null, null, null, form.get("kind"),
                    form.get("enterpriseName"), form.get("uscc"), form.get("contact"), form.get("phone"), form.get("district"),
                    form.get("category"), form.get("description"), List.of(), null, blank(form.get("department"))));
            flash.addFlashAttribute("notice", "已登记工单 " + ticket.no() + "，并已告知企业");
            flash.addFlashAttribute("filed", ticket.no());
        } catch (AppealRejected e) {
            flash.addFlashAttribute("error", "登记工单失败：" + e.getMessage());
        } catch (ErrorResponseException e) {
            flash.addFlashAttribute("error", e.getBody().getDetail());
        }
        flash.addAttribute("u", userKey);
        return "redirect:/console/conversations/view";
    }

    @PostMapping("/console/conversations/handback")
    String handBack(@RequestParam("u") String userKey, RedirectAttributes flash) {
        Actor agent = centre();
        try {
            Messenger.Delivery told = desk.handBack(userKey, agent);
            flash.addFlashAttribute("notice", told.outcome() == Messenger.Delivery.Outcome.SENT
                    ? "已交还智能客服，并已告知企业" : "已交还智能客服；通知企业失败：" + told.reason());
        } catch (ErrorResponseException e) {
            flash.addFlashAttribute("error", e.getBody().getDetail());
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

    private static String mode(Conversations.Mode mode) {
        return switch (mode) {
            case BOT -> "智能客服";
            case WAITING -> "等待人工";
            case HUMAN -> "人工服务中";
        };
    }

    private static String waited(long seconds) {
        return seconds < 60 ? seconds + " 秒" : seconds < 3600 ? seconds / 60 + " 分 " + seconds % 60 + " 秒" : seconds / 3600 + " 小时 " + seconds % 3600 / 60 + " 分";
    }

    /** "公众号 …abcd1234": the channel and the end of the openid, enough to tell users apart. */
    static String label(String userKey) {
        try {
            String[] id = Conversations.identity(userKey);
            String openId = id[2];
            return ConsoleText.channel(id[0]) + " · " + (openId.length() > 10 ? "…" + openId.substring(openId.length() - 10) : openId);
        } catch (IllegalArgumentException e) {
            return userKey;
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static Actor centre() {
        return StaffCaller.requireAny(StaffRole.ADMIN, StaffRole.OPERATOR);
    }
}
