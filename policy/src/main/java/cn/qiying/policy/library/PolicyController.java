package cn.qiying.policy.library;

import java.io.IOException;
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

import cn.qiying.policy.Caller;
import cn.qiying.policy.Json;
import cn.qiying.policy.PolicyProblem;
import cn.qiying.policy.RequestItems;
import cn.qiying.policy.UpsertReport;
import cn.qiying.policy.Wording;
import tools.jackson.databind.JsonNode;

/**
 * CONTRACT.md's policy library: {@code POST /api/policies} (one or an array, upsert by id); beyond it, reading one
 * policy or a page of them, and an {@code .xlsx} import. Matching and pushing have their own controllers.
 */
@RestController
class PolicyController {

    static final int MAX_ITEMS = 2_000;
    static final int MAX_XLSX_BYTES = 20 * 1024 * 1024;
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final PolicyLibrary library;
    private final PolicyImport imports;
    private final PolicySearch search;
    private final Wording wording;

    PolicyController(PolicyLibrary library, PolicyImport imports, PolicySearch search, Wording wording) {
        this.library = library;
        this.imports = imports;
        this.search = search;
        this.wording = wording;
    }

    @PostMapping(path = "/api/policies", consumes = MediaType.APPLICATION_JSON_VALUE)
    Object upsert(@RequestBody JsonNode body) {
        RequestItems<PolicyDraft> given = RequestItems.of(body, PolicyDraft.class, MAX_ITEMS, wording);
        if (!given.single()) {
            return written(library.upsert(given.items(), Caller.name()));
        }
        PolicyDraft draft = given.checkedSingle(library::check, "policy.policy.empty", wording);
        PolicyLibrary.Written written = library.upsert(List.of(draft), Caller.name());
        Map<String, Object> view = new LinkedHashMap<>(one(draft.id()));
        view.put("knowledgeImport", written.knowledgeImport());
        return view;
    }

    @PostMapping(path = "/api/policies/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Map<String, Object> importFile(@RequestParam("file") MultipartFile file) throws IOException {
        if (file.getSize() > MAX_XLSX_BYTES) {
            throw PolicyProblem.of(HttpStatus.CONTENT_TOO_LARGE, wording.text("policy.import.too-large"));
        }
        return written(imports.run(file.getBytes(), Caller.name()));
    }

    @PostMapping(path = "/api/policies/import", consumes = XLSX)
    Map<String, Object> importBody(@RequestBody byte[] xlsx) {
        if (xlsx.length > MAX_XLSX_BYTES) {
            throw PolicyProblem.of(HttpStatus.CONTENT_TOO_LARGE, wording.text("policy.import.too-large"));
        }
        return written(imports.run(xlsx, Caller.name()));
    }

    @GetMapping("/api/policies/{id}")
    Map<String, Object> one(@PathVariable String id) {
        Policy p = library.find(id).orElseThrow(() -> PolicyProblem.of(HttpStatus.NOT_FOUND, wording.text("policy.policy.not-found")));
        return Json.MAPPER.convertValue(PolicyView.of(p), Map.class);
    }

    /** Beyond the contract: a page of policies, by words (best first) or newest first, optionally in force today only. */
    @GetMapping("/api/policies")
    Map<String, Object> list(@RequestParam(required = false) String q, @RequestParam(required = false) String topic,
                             @RequestParam(required = false) String department,
                             @RequestParam(defaultValue = "false") boolean inForce,
                             @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        PolicySearch.Found found = search.find(new PolicySearch.Query(q, topic, department, inForce), page, size);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("total", found.total());
        view.put("items", found.policies().stream().map(PolicyView::of).toList());
        return view;
    }

    private Map<String, Object> written(PolicyLibrary.Written written) {
        UpsertReport report = written.report();
        Map<String, Object> view = report.view(wording);
        view.put("knowledgeImport", written.knowledgeImport());
        if (report.saved() == 0 && !report.refused().isEmpty()) {
            throw PolicyProblem.refusedAll(wording.text("policy.request.none-saved"), view);
        }
        return view;
    }
}
