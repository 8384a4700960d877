package cn.qiying.policy.push;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.qiying.policy.PolicyProblem;
import cn.qiying.policy.Wording;
import cn.qiying.policy.library.Policy;
import cn.qiying.policy.library.PolicyLibrary;
import cn.qiying.policy.library.PolicySearch;

/**
 * CONTRACT.md's {@code POST /api/policies/{id}/push} → {@code {"matched", "sent", "skipped"}}, with the reasons of the
 * skipped and the pushes being retried; beyond it, {@code GET /api/policies/{id}/reach} (matched, enterprises
 * reached, messages sent, clicks and users who clicked).
 */
@RestController
class PushController {

    private final PolicyLibrary library;
    private final PolicyPushes pushes;
    private final PushReach reach;
    private final PolicySearch search;
    private final Wording wording;

    PushController(PolicyLibrary library, PolicyPushes pushes, PushReach reach, PolicySearch search, Wording wording) {
        this.search = search;
        this.library = library;
        this.pushes = pushes;
        this.reach = reach;
        this.wording = wording;
    }

    @PostMapping("/api/policies/{id}/push")
    Map<String, Object> push(@PathVariable String id) {
        Policy policy = known(id);
        PushReport report = pushes.push(policy)
                .orElseThrow(() -> PolicyProblem.of(HttpStatus.CONFLICT, wording.text("policy.push.running")));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("matched", report.matched());
        view.put("sent", report.sent());
        view.put("skipped", report.skipped());
        view.put("skippedBecause", report.reasons().entrySet().stream().map(e -> Map.of("reason", e.getKey().json(),
                "detail", wording.text("policy.push.skipped." + e.getKey().json()), "count", e.getValue())).toList());
        view.put("retrying", report.retrying());
        if (!policy.inForce(search.today())) {
            view.put("note", wording.text("policy.push.not-in-force"));
        }
        return view;
    }

    @GetMapping("/api/policies/{id}/reach")
    PushReach.Reach reach(@PathVariable String id) {
        return reach.of(known(id).id());
    }

    private Policy known(String id) {
        return library.find(id).orElseThrow(() -> PolicyProblem.of(HttpStatus.NOT_FOUND, wording.text("policy.policy.not-found")));
    }
}
