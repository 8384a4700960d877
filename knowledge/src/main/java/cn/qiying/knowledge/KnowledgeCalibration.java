package cn.qiying.knowledge;

/** The base's self-calibration as staff see it (the console's knowledge page, {@code GET /api/knowledge/calibration}). */
public interface KnowledgeCalibration {

    /** The last run's state, progress, fitted thresholds and self-measured figures. */
    Calibration current();
}
