package cn.qiying.knowledge.importing;

import java.time.Instant;
import java.util.List;

/**
 * How an import went. While {@code state} is {@code running}, none of its entries is answered; {@code failed} means
 * the entries it wrote stay unanswered until a later import or edit replaces them.
 */
public record ImportReport(String importId, String state, String format, int total, int embedded, int imported,
        List<RowProblem> rejected, Instant startedAt, Instant finishedAt) {

    public static final String RUNNING = "running";
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";

    /** A row that was not imported: its line (or xlsx row), its id when readable, and why (code and message). */
    public record RowProblem(int line, String id, List<String> codes, List<String> reasons) {
    }
}
