package cn.qiying.policy.enterprise;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.qiying.handoff.staff.Actor;
import cn.qiying.platform.search.QuerySyntax;
import cn.qiying.policy.Caller;
import cn.qiying.policy.Json;
import cn.qiying.policy.PolicyProblem;
import cn.qiying.policy.RequestItems;
import cn.qiying.policy.UpsertReport;
import cn.qiying.policy.Wording;
import tools.jackson.databind.JsonNode;

/**
 * CONTRACT.md's enterprise profiles: {@code POST /api/enterprises} (one or an array, upsert by credit code),
 * {@code GET /api/enterprises/{uscc}} (the profile with its appeals and what other features keep of it), and beyond the
 * contract an {@code .xlsx} import, a filtered list and staff's answers to tags the appeals suggest.
 */
@RestController
class EnterpriseController {

    static final int MAX_ITEMS = 10_000;
    static final int MAX_XLSX_BYTES = 20 * 1024 * 1024;

    private final EnterpriseProfiles profiles;
    private final EnterpriseImport imports;
    private final EnterpriseStore store;
    private final EnterpriseAppeals appeals;
    private final SuggestedTags suggested;
    private final ProfileTerms terms;
    private final List<ProfileSection> sections;
    private final Wording wording;

    EnterpriseController(EnterpriseProfiles profiles, EnterpriseImport imports, EnterpriseStore store,
                         EnterpriseAppeals appeals, SuggestedTags suggested, ProfileTerms terms,
                         List<ProfileSection> sections, Wording wording) {
        this.profiles = profiles;
        this.imports = imports;
        this.store = store;
        this.appeals = appeals;
        this.suggested = suggested;
        this.terms = terms;
        this.sections = sections;
        this.wording = wording;
    }

    @PostMapping(path = "/api/enterprises", consumes = MediaType.APPLICATION_JSON_VALUE)
    Object upsert(@RequestBody JsonNode body) {
        RequestItems<EnterpriseDraft> given = RequestItems.of(body, EnterpriseDraft.class, MAX_ITEMS, wording);
        if (!given.single()) {
            return report(profiles.upsert(given.items()));
        }
        EnterpriseDraft draft = given.checkedSingle(profiles::check, "policy.enterprise.empty", wording);
        profiles.upsert(List.of(draft));
        return profile(draft.uscc());
    }

    @PostMapping(path = "/api/enterprises/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Map<String, Object> importFile(@RequestParam("file") MultipartFile file) throws IOException {
        if (file.getSize() > MAX_XLSX_BYTES) {
            throw PolicyProblem.of(HttpStatus.CONTENT_TOO_LARGE, wording.text("policy.import.too-large"));
        }
        return report(imports.run(file.getBytes()));
    }

    @PostMapping(path = "/api/enterprises/import", consumes = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    Map<String, Object> importBody(@RequestBody byte[] xlsx) {
        if (xlsx.length > MAX_XLSX_BYTES) {
            throw PolicyProblem.of(HttpStatus.CONTENT_TOO_LARGE, wording.text("policy.import.too-large"));
        }
        return report(imports.run(xlsx));
    }

    @GetMapping("/api/enterprises/{uscc}")
    Map<String, Object> profile(@PathVariable String uscc) {
        Actor actor = Caller.staff().orElseThrow(() -> PolicyProblem.of(HttpStatus.FORBIDDEN, wording.text("policy.request.staff-only")));
        Enterprise e = profiles.find(uscc).orElseThrow(() -> PolicyProblem.of(HttpStatus.NOT_FOUND, wording.text("policy.enterprise.not-found")));
        Map<String, Object> view = new LinkedHashMap<>(Json.MAPPER.convertValue(EnterpriseView.of(e, terms), Map.class));
        view.put("appeals", appeals.of(e.uscc(), actor));
        view.put("suggestedTags", suggested.pending(e.uscc()));
        sections.forEach(s -> view.put(s.name(), s.of(e.uscc())));
        return view;
    }

    /** Beyond the contract: profiles by name words and facts, newest first. */
    @GetMapping("/api/enterprises")
    Map<String, Object> list(@RequestParam(required = false) String q, @RequestParam(required = false) String tag,
                             @RequestParam(required = false) String district, @RequestParam(required = false) String industry,
                             @RequestParam(required = false) String scale, @RequestParam(defaultValue = "0") int page,
                             @RequestParam(defaultValue = "20") int size) {
        List<String> parts = new ArrayList<>();
        String words = QuerySyntax.words(q);
        if (!words.isEmpty()) {
            parts.add("@name:(" + words + ")");
        }
        tag(parts, "tags", tag);
        tag(parts, "district", district);
        tag(parts, "industry", industry == null ? null : terms.industry(industry).orElse(industry));
        tag(parts, "scale", scale == null ? null : terms.scale(scale).map(Scale::json).orElse(scale));
        String query = parts.isEmpty() ? "*" : String.join(" ", parts);
        int limit = Math.max(1, Math.min(size, 100));
        int offset = Math.max(0, Math.min(page, 1000)) * limit;
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("total", store.total(query));
        result.put("items", store.search(query, offset, limit).stream().map(e -> EnterpriseView.of(e, terms)).toList());
        return result;
    }

    @GetMapping("/api/enterprises/{uscc}/tag-suggestions")
    List<SuggestedTags.Suggestion> suggestions(@PathVariable String uscc) {
        return suggested.pending(known(uscc).uscc());
    }

    /** Staff confirm ({@code {"accept": true}}) or dismiss a tag the enterprise's appeals suggested. */
    @PostMapping("/api/enterprises/{uscc}/tag-suggestions/{tag}")
    EnterpriseView decide(@PathVariable String uscc, @PathVariable String tag, @RequestBody Map<String, Object> body) {
        Enterprise e = known(uscc);
        boolean accept = Boolean.TRUE.equals(body.get("accept"));
        return suggested.decide(e.uscc(), tag, accept).map(x -> EnterpriseView.of(x, terms))
                .orElseThrow(() -> PolicyProblem.of(HttpStatus.NOT_FOUND, wording.text("policy.tags.no-suggestion")));
    }

    private Enterprise known(String uscc) {
        return profiles.find(uscc).orElseThrow(() -> PolicyProblem.of(HttpStatus.NOT_FOUND, wording.text("policy.enterprise.not-found")));
    }

    private static void tag(List<String> parts, String field, String value) {
        if (value != null && !value.isBlank()) {
            parts.add("@" + field + ":{" + QuerySyntax.tag(value.strip()) + "}");
        }
    }

    private Map<String, Object> report(UpsertReport report) {
        Map<String, Object> view = report.view(wording);
        if (report.saved() == 0 && !report.refused().isEmpty()) {
            throw PolicyProblem.refusedAll(wording.text("policy.request.none-saved"), view);
        }
        return view;
    }
}
