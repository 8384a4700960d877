package cn.qiying.knowledge;

import java.time.Instant;

/**
 * How the knowledge base measured itself, with no labels: each entry's similar questions asked with that phrasing left
 * out (positives), each entry's questions asked with the whole entry left out (near misses) and small talk (far),
 * and the thresholds fitted so that the expected share of wrong answers stays at the configured rate.
 *
 * @param state       {@code none} (never ran), {@code running}, {@code completed} or {@code failed}
 * @param baseVersion the version of the base measured (see {@code BaseVersion}); a later change re-runs it
 * @param done        queries asked so far; {@code total} of them in all
 * @param thresholds  the thresholds in force: fitted by the last completed run, else the configured defaults
 * @param measured    the base's figures at those thresholds (null before a run completed)
 */
public record Calibration(String state, long baseVersion, int entries, int done, int total, Instant startedAt,
        Instant finishedAt, double targetWrongRate, double targetDeclined, Thresholds thresholds,
        SelfMeasured measured) {

    public static final String NONE = "none";
    public static final String RUNNING = "running";
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";

    /**
     * The base's own figures at the fitted thresholds: right answers, helpful (right answer or among three choices) and
     * hit@1 over the positives; declined over the near misses and far queries; wrong as expected in traffic where
     * {@code nullShare} of the questions have no answer (half of them near misses).
     */
    public record SelfMeasured(int positives, int nearMisses, int far, double nullShare, double hitAt1,
            double answeredRightly, double wrong, double helpful, double declinedNear, double declinedFar) {
    }
}
