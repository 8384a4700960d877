package cn.qiying.policy.hall;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import cn.qiying.policy.advice.PolicyAdvice;
import cn.qiying.policy.binding.Binding;
import cn.qiying.policy.binding.Bindings;
import cn.qiying.policy.binding.CodeBinding;
import cn.qiying.policy.binding.StaffBinding;
import cn.qiying.policy.enterprise.Enterprise;
import cn.qiying.policy.enterprise.EnterpriseProfiles;
import cn.qiying.policy.library.Policy;
import cn.qiying.policy.library.PolicyLibrary;
import cn.qiying.policy.library.PolicySearch;
import cn.qiying.policy.library.Topics;
import cn.qiying.policy.link.HallLinks;
import cn.qiying.policy.link.SignedTokens;
import cn.qiying.policy.matching.PolicyMatching;
import cn.qiying.policy.push.PushReach;
import cn.qiying.policy.push.Subscriptions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The public policy hall, a mobile page opened from the official account's menu, a card or a push: search
 * and filter the policies in force; a visitor known by a signed link sees the policies that fit their bound enterprise
 * and why, binds their enterprise (one-time code or staff confirmation) and chooses the topics pushed to them. No
 * server session; Thymeleaf escapes all it prints; forms carry the CSRF token.
 */
@Controller
@RequestMapping(HallLinks.HALL)
class HallController {

    static final int MAX_WORDS = 100;
    static final Set<String> NOTICES = Set.of("bound", "subscribed", "asked", "left");

    private final PolicySearch search;
    private final PolicyLibrary library;
    private final Topics topics;
    private final HallVisitor visitors;
    private final HallLinks links;
    private final Bindings bindings;
    private final EnterpriseProfiles profiles;
    private final PolicyAdvice advice;
    private final PolicyMatching matching;
    private final Subscriptions subscriptions;
    private final CodeBinding codes;
    private final StaffBinding staff;
    private final PushReach reach;
    private final ObjectProvider<WeChatSignIn> wechat;
    private final int pageSize;

    HallController(PolicySearch search, PolicyLibrary library, Topics topics, HallVisitor visitors, HallLinks links,
                   Bindings bindings, EnterpriseProfiles profiles, PolicyAdvice advice, PolicyMatching matching,
                   Subscriptions subscriptions, CodeBinding codes, StaffBinding staff, PushReach reach,
                   ObjectProvider<WeChatSignIn> wechat, cn.qiying.policy.PolicyProperties properties) {
        this.search = search;
        this.library = library;
        this.topics = topics;
        this.visitors = visitors;
        this.links = links;
        this.bindings = bindings;
        this.profiles = profiles;
        this.advice = advice;
        this.matching = matching;
        this.subscriptions = subscriptions;
        this.codes = codes;
        this.staff = staff;
        this.reach = reach;
        this.wechat = wechat;
        this.pageSize = properties.hall().pageSize();
    }

    @GetMapping
    String hall(@RequestParam(required = false) String q, @RequestParam(required = false) String topic,
                @RequestParam(defaultValue = "0") int page, @RequestParam(required = false) String done,
                @RequestParam(required = false) String code, @RequestParam(required = false) String state,
                @RequestHeader(name = "User-Agent", required = false) String userAgent,
                HttpServletRequest request, HttpServletResponse response, Model model) {
        Optional<String> visitor = visitors.of(request);
        WeChatSignIn signIn = wechat.getIfAvailable();
        if (visitor.isEmpty() && signIn != null && signIn.canIdentify(userAgent)) {
            if (code == null || !"hall".equals(state)) {
                return "redirect:" + signIn.authorizationUrl(links.hall());
            }
            Optional<String> known = signIn.userKey(code);
            known.ifPresent(k -> visitors.remember(k, request, response));
            return "redirect:" + HallLinks.HALL;
        }
        String words = q == null ? "" : q.strip();
        words = words.length() > MAX_WORDS ? words.substring(0, MAX_WORDS) : words;
        String chosenTopic = topic != null && topics.contains(topic) ? topic : null;
        PolicySearch.Found found = search.find(new PolicySearch.Query(words, chosenTopic, null, true), page, pageSize);
        model.addAttribute("q", words);
        model.addAttribute("topic", chosenTopic);
        model.addAttribute("topics", topics.all());
        model.addAttribute("found", found);
        model.addAttribute("page", Math.max(0, page));
        model.addAttribute("more", (long) (Math.max(0, page) + 1) * pageSize < found.total());
        model.addAttribute("notice", done != null && NOTICES.contains(done) ? done : null);
        describeVisitor(visitor, model);
        return "policy/hall";
    }

    /** The way in from the chat or a card: the signed link makes the visitor known, then the hall opens clean. */
    @GetMapping("/enter")
    String enter(@RequestParam(name = "t", required = false) String token, HttpServletRequest request,
                 HttpServletResponse response) {
        links.verify(token).ifPresent(claims -> visitors.remember(claims.userKey(), request, response));
        return "redirect:" + HallLinks.HALL;
    }

    @GetMapping("/policies/{id}")
    String policy(@PathVariable String id, @RequestParam(name = "t", required = false) String token,
                  HttpServletRequest request, HttpServletResponse response, Model model) {
        Policy policy = library.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (token != null) {
            // a pushed link: its click is counted, its user known; then the page opens without the token in the address
            links.verify(token).filter(c -> c.kind() == SignedTokens.Kind.PUSH && policy.id().equals(c.policy()))
                    .ifPresent(c -> {
                        reach.clicked(policy.id(), c.userKey());
                        visitors.remember(c.userKey(), request, response);
                    });
            return "redirect:" + HallLinks.HALL + "/policies/" + policy.id();
        }
        model.addAttribute("policy", policy);
        model.addAttribute("inForce", policy.inForce(search.today()));
        Optional<Enterprise> enterprise = visitors.of(request).flatMap(bindings::of).flatMap(b -> profiles.find(b.uscc()));
        model.addAttribute("enterprise", enterprise.orElse(null));
        model.addAttribute("fit", enterprise.flatMap(e -> matching.fitting(e).stream()
                .filter(f -> f.policy().id().equals(policy.id())).findFirst()).orElse(null));
        return "policy/policy";
    }

    @PostMapping("/subscriptions")
    String subscribe(@RequestParam(name = "topic", required = false) List<String> chosen,
                     @RequestParam(defaultValue = "false") boolean paused, HttpServletRequest request) {
        String visitor = visitor(request);
        List<String> picked = chosen == null ? List.of() : chosen.stream().limit(topics.all().size()).toList();
        subscriptions.choose(visitor, paused, picked);
        return "redirect:" + HallLinks.HALL + "?done=subscribed";
    }

    @PostMapping("/binding/code")
    String requestCode(@RequestParam(defaultValue = "") String uscc, HttpServletRequest request,
                       HttpServletResponse response, Model model) {
        String code = credit(uscc);
        CodeBinding.Sent sent = codes.requestCode(visitor(request), code);
        model.addAttribute("uscc", code);
        model.addAttribute("sent", sent);
        if (sent.outcome() != CodeBinding.Outcome.SENT) {
            response.setStatus(status(sent.outcome()));
        }
        return "policy/binding";
    }

    @PostMapping("/binding/confirm")
    String confirm(@RequestParam(defaultValue = "") String uscc, @RequestParam(defaultValue = "") String code,
                   HttpServletRequest request, HttpServletResponse response, Model model) {
        String credit = credit(uscc);
        CodeBinding.Checked checked = codes.confirm(visitor(request), credit, cut(code, 10));
        if (checked.outcome() == CodeBinding.Outcome.BOUND) {
            return "redirect:" + HallLinks.HALL + "?done=bound";
        }
        response.setStatus(status(checked.outcome()));
        model.addAttribute("uscc", credit);
        model.addAttribute("checked", checked);
        return "policy/binding";
    }

    @PostMapping("/binding/staff")
    String askStaff(@RequestParam(defaultValue = "") String uscc, @RequestParam(defaultValue = "") String note,
                    HttpServletRequest request, HttpServletResponse response, Model model) {
        String credit = credit(uscc);
        if (profiles.find(credit).isEmpty() || !staff.ask(visitor(request), credit, cut(note, 200))) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            model.addAttribute("uscc", credit);
            model.addAttribute("askRefused", true);
            return "policy/binding";
        }
        return "redirect:" + HallLinks.HALL + "?done=asked";
    }

    @PostMapping("/binding/leave")
    String leave(HttpServletRequest request) {
        visitors.of(request).ifPresent(bindings::unbind);
        return "redirect:" + HallLinks.HALL + "?done=left";
    }

    private void describeVisitor(Optional<String> visitor, Model model) {
        model.addAttribute("known", visitor.isPresent());
        Optional<Binding> binding = visitor.flatMap(bindings::of);
        Optional<Enterprise> enterprise = binding.flatMap(b -> profiles.find(b.uscc()));
        model.addAttribute("enterprise", enterprise.orElse(null));
        model.addAttribute("fitting", enterprise.map(advice::forEnterprise).orElse(List.of()));
        model.addAttribute("choice", visitor.map(subscriptions::of).orElse(Subscriptions.Choice.DEFAULT));
    }

    private static int status(CodeBinding.Outcome outcome) {
        return switch (outcome) {
            case LOCKED, TOO_SOON, TOO_MANY_TODAY -> 429;
            case NO_PROFILE -> HttpStatus.NOT_FOUND.value();
            case SMS_FAILED -> HttpStatus.SERVICE_UNAVAILABLE.value();
            case ENTERPRISE_FULL -> HttpStatus.CONFLICT.value();
            default -> HttpStatus.UNPROCESSABLE_ENTITY.value();
        };
    }

    /** The visitor a form needs: one known by a signed link (anyone else is refused). */
    private String visitor(HttpServletRequest request) {
        return visitors.of(request).orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
    }

    private static String credit(String uscc) {
        return cut(uscc, 18).toUpperCase(java.util.Locale.ROOT);
    }

    private static String cut(String s, int max) {
        String t = s == null ? "" : s.strip();
        return t.length() > max ? t.substring(0, max) : t;
    }
}
