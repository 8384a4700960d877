package cn.qiying.channels.simulator;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

import tools.jackson.databind.json.JsonMapper;

import cn.qiying.channels.card.ServiceCard;
import cn.qiying.channels.card.ServiceCardRepository;
import cn.qiying.platform.text.Texts;

/**
 * Demo mode only: a phone-like chat acting as a WeChat user of the official account. Each message is signed and
 * posted to the real callback; passive replies come back at once, later messages (async replies, status pushes)
 * through the outbox the page polls.
 */
@Controller
@RequestMapping("/simulator")
@ConditionalOnProperty(name = "qiying.demo.enabled", havingValue = "true")
class SimulatorController {

    private static final Pattern OPEN_ID = Pattern.compile("sim-[A-Za-z0-9_-]{4,40}");
    private static final Pattern CONTENT = Pattern.compile("<Content><!\\[CDATA\\[(.*?)]]></Content>", Pattern.DOTALL);
    private static final int MAX_TEXT = 600;

    private final SimulatedUser user;
    private final SimulatorOutbox outbox;
    private final ServiceCardRepository cards;
    private final String words;

    SimulatorController(SimulatedUser user, SimulatorOutbox outbox, ServiceCardRepository cards, Texts texts) {
        this.user = user;
        this.outbox = outbox;
        this.cards = cards;
        Map<String, String> shown = new LinkedHashMap<>();
        for (String word : List.of("send-failed", "followed", "scanned")) {
            shown.put(word, texts.text("channels.simulator.words." + word));
        }
        this.words = JsonMapper.builder().build().writeValueAsString(shown);
    }

    /** What the page sends: a text, or an event (subscribe, SCAN, CLICK) with its key. */
    record Send(String openId, String text, String event, String eventKey) {
    }

    record Shown(int status, List<String> replies) {
    }

    @GetMapping
    String page(Model model) {
        List<ServiceCard> all = new ArrayList<>();
        cards.findAll().forEach(all::add);
        all.sort((a, b) -> a.getCode().compareTo(b.getCode()));
        model.addAttribute("cards", all);
        model.addAttribute("ready", user.ready());
        model.addAttribute("words", words);
        return "channels/simulator";
    }

    @PostMapping(value = "/api/messages", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Shown send(@RequestBody Send send, HttpServletRequest request) {
        if (send.openId() == null || !OPEN_ID.matcher(send.openId()).matches()) {
            throw new IllegalArgumentException("openId must look like sim-xxxx");
        }
        if (!user.ready()) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "qiying.wechat.mp.token is not set");
        }
        URI callback = URI.create("http://127.0.0.1:" + request.getLocalPort() + request.getContextPath() + "/wechat/mp/callback");
        SimulatedUser.Answer answer;
        if (send.event() != null && !send.event().isBlank()) {
            if (!List.of("subscribe", "unsubscribe", "SCAN", "CLICK").contains(send.event())) {
                throw new IllegalArgumentException("unknown event " + send.event());
            }
            answer = user.event(callback, send.openId(), send.event(), send.eventKey());
        } else {
            if (send.text() == null || send.text().isBlank() || send.text().length() > MAX_TEXT) {
                throw new IllegalArgumentException("a message needs 1 to " + MAX_TEXT + " characters");
            }
            answer = user.text(callback, send.openId(), send.text());
        }
        List<String> replies = new ArrayList<>();
        Matcher m = CONTENT.matcher(answer.body() == null ? "" : answer.body());
        if (m.find()) {
            replies.add(m.group(1).replace("]]]]><![CDATA[>", "]]>"));
        }
        return new Shown(answer.status(), replies);
    }

    @GetMapping("/api/outbox")
    @ResponseBody
    Map<String, List<String>> outbox(@RequestParam String openId) {
        if (!OPEN_ID.matcher(openId).matches()) {
            throw new IllegalArgumentException("openId must look like sim-xxxx");
        }
        return Map.of("messages", outbox.take(openId));
    }
}
