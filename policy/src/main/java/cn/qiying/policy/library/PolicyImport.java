package cn.qiying.policy.library;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import cn.qiying.policy.Problem;
import cn.qiying.policy.SheetRows;
import cn.qiying.policy.SheetRows.SheetRow;
import cn.qiying.policy.UpsertReport;
import cn.qiying.policy.Wording;

/**
 * Policies from an {@code .xlsx} sheet with Chinese headers (the bundle's {@code policy.policy.column.*}), one policy
 * per row, lists (topics, tags, districts, industries, scales) separated as people type them. Bad rows are reported by
 * row number; good rows are written and become knowledge entries.
 */
@Service
public class PolicyImport {

    static final List<String> FIELDS = List.of("id", "title", "summary", "text", "link", "department", "validFrom",
            "validTo", "benefit", "topics", "allTags", "anyTags", "districts", "industries", "scales");

    private final PolicyLibrary library;
    private final Wording wording;

    PolicyImport(PolicyLibrary library, Wording wording) {
        this.library = library;
        this.wording = wording;
    }

    public PolicyLibrary.Written run(byte[] xlsx, String actor) {
        SheetRows.Sheet sheet = SheetRows.read(xlsx, columns());
        if (sheet.problem() != null) {
            return new PolicyLibrary.Written(new UpsertReport(0, 0,
                    List.of(new UpsertReport.Refused(0, null, List.of(Problem.of("", sheet.problem()))))), null);
        }
        List<PolicyDraft> drafts = new ArrayList<>();
        for (SheetRow row : sheet.rows()) {
            drafts.add(new PolicyDraft(row.get("id"), row.get("title"), row.get("summary"), row.get("text"), row.get("link"),
                    row.get("department"), row.get("validFrom"), row.get("validTo"), row.get("benefit"),
                    SheetRows.list(row.get("topics")), new Conditions(SheetRows.list(row.get("allTags")),
                    SheetRows.list(row.get("anyTags")), SheetRows.list(row.get("districts")),
                    SheetRows.list(row.get("industries")), SheetRows.list(row.get("scales")))));
        }
        PolicyLibrary.Written written = library.upsert(drafts, actor);
        UpsertReport report = written.report();
        List<UpsertReport.Refused> refused = report.refused().stream()
                .map(r -> new UpsertReport.Refused(sheet.rows().get(r.at()).line(), r.id(), r.problems())).toList();
        return new PolicyLibrary.Written(new UpsertReport(report.received(), report.saved(), refused), written.knowledgeImport());
    }

    Map<String, String> columns() {
        Map<String, String> columns = new LinkedHashMap<>();
        FIELDS.forEach(f -> columns.put(wording.text("policy.policy.column." + f), f));
        return columns;
    }
}
