package cn.qiying.policy.enterprise;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import cn.qiying.policy.Problem;
import cn.qiying.policy.UpsertReport;
import cn.qiying.policy.SheetRows;
import cn.qiying.policy.SheetRows.SheetRow;
import cn.qiying.policy.Wording;

/**
 * Profiles from an {@code .xlsx} sheet with Chinese headers (the bundle's {@code policy.enterprise.column.*}): one
 * enterprise per row; several contacts as names and phones separated alike, paired in order. Bad rows are reported by
 * their row number, good rows are written.
 */
@Service
public class EnterpriseImport {

    static final List<String> FIELDS = List.of("uscc", "name", "district", "industry", "scale", "tags", "contact", "phone", "founded");

    private final EnterpriseProfiles profiles;
    private final Wording wording;

    EnterpriseImport(EnterpriseProfiles profiles, Wording wording) {
        this.profiles = profiles;
        this.wording = wording;
    }

    public UpsertReport run(byte[] xlsx) {
        SheetRows.Sheet sheet = SheetRows.read(xlsx, columns());
        if (sheet.problem() != null) {
            return new UpsertReport(0, 0, List.of(new UpsertReport.Refused(0, null, List.of(Problem.of("", sheet.problem())))));
        }
        List<EnterpriseDraft> drafts = sheet.rows().stream().map(EnterpriseImport::draft).toList();
        UpsertReport report = profiles.upsert(drafts);
        // positions in the drafts back to the rows people see in Excel
        List<UpsertReport.Refused> refused = report.refused().stream()
                .map(r -> new UpsertReport.Refused(sheet.rows().get(r.at()).line(), r.id(), r.problems())).toList();
        return new UpsertReport(report.received(), report.saved(), refused);
    }

    private static EnterpriseDraft draft(SheetRow row) {
        List<String> names = SheetRows.list(row.get("contact"));
        List<String> phones = SheetRows.list(row.get("phone"));
        List<Contact> contacts = new ArrayList<>();
        for (int i = 0; i < Math.max(names.size(), phones.size()); i++) {
            contacts.add(new Contact(i < names.size() ? names.get(i) : null, i < phones.size() ? phones.get(i) : null));
        }
        return new EnterpriseDraft(row.get("uscc"), row.get("name"), row.get("district"), row.get("industry"),
                row.get("scale"), SheetRows.list(row.get("tags")), contacts, row.get("founded"));
    }

    /** Header text → field, from the bundle (so a city may rename its columns without a rebuild). */
    Map<String, String> columns() {
        Map<String, String> columns = new LinkedHashMap<>();
        FIELDS.forEach(f -> columns.put(wording.text("policy.enterprise.column." + f), f));
        return columns;
    }
}
