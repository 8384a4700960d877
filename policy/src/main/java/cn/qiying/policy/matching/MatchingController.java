package cn.qiying.policy.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.qiying.policy.PolicyProblem;
import cn.qiying.policy.Wording;
import cn.qiying.policy.library.Policy;
import cn.qiying.policy.library.PolicyLibrary;

/**
 * CONTRACT.md's {@code GET /api/policies/{id}/matches}: the enterprises the policy is for, as a list of
 * {@code {uscc, name, why}}; {@code offset} and {@code limit} (at most 100,000) page it, {@code X-Total-Count} says how
 * many match in all.
 */
@RestController
class MatchingController {

    static final int MAX_LIMIT = 100_000;

    private final PolicyLibrary library;
    private final PolicyMatching matching;
    private final Wording wording;

    MatchingController(PolicyLibrary library, PolicyMatching matching, Wording wording) {
        this.library = library;
        this.matching = matching;
        this.wording = wording;
    }

    @GetMapping("/api/policies/{id}/matches")
    ResponseEntity<List<Match>> matches(@PathVariable String id, @RequestParam(defaultValue = "0") long offset,
                                        @RequestParam(defaultValue = "10000") int limit) {
        Policy policy = library.find(id).orElseThrow(() -> PolicyProblem.of(HttpStatus.NOT_FOUND, wording.text("policy.policy.not-found")));
        long from = Math.max(0, offset);
        long to = from + Math.max(0, Math.min(limit, MAX_LIMIT));
        List<Match> page = new ArrayList<>();
        AtomicLong at = new AtomicLong();
        long total = matching.eachMatch(policy, m -> {
            long i = at.getAndIncrement();
            if (i >= from && i < to) {
                page.add(m);
            }
        });
        return ResponseEntity.ok().header("X-Total-Count", Long.toString(total)).body(page);
    }
}
