package cn.qiying.knowledge.retrieval;

import java.util.List;

import cn.qiying.knowledge.Calibration.SelfMeasured;
import cn.qiying.knowledge.Thresholds;

/**
 * Fits the decision's thresholds to what the base answered about itself: the answer line (score and margin) that
 * answers most positives rightly while the expected share of wrong answers stays at the target, then the lowest
 * suggest line that still declines the target share of the questions without an answer.
 */
final class CalibrationFit {

    private static final double STEP = 0.005;
    private static final double LOWEST = 0.30;
    private static final double HIGHEST = 1.20;
    private static final double WIDEST_MARGIN = 0.20;

    enum Kind { POSITIVE, NEAR, FAR }

    /** One question the base asked itself: what kind, the entry that should come first, and what came. */
    record Asked(Kind kind, String expect, List<String> top, double score, double margin) {

        boolean answered(double answerScore, double answerMargin) {
            return score >= answerScore && margin >= answerMargin;
        }

        boolean right() {
            return !top.isEmpty() && top.get(0).equals(expect);
        }

        boolean amongFirstThree() {
            return top.stream().limit(3).anyMatch(id -> id.equals(expect));
        }
    }

    record Fitted(Thresholds thresholds, SelfMeasured measured) {
    }

    private CalibrationFit() {
    }

    static Fitted fit(List<Asked> asked, double targetWrong, double targetDeclined, double nullShare) {
        List<Asked> pos = asked.stream().filter(a -> a.kind() == Kind.POSITIVE).toList();
        List<Asked> near = asked.stream().filter(a -> a.kind() == Kind.NEAR).toList();
        List<Asked> far = asked.stream().filter(a -> a.kind() == Kind.FAR).toList();
        double bestAnswer = HIGHEST;
        double bestMargin = 0;
        double bestRight = -1;
        for (int ai = 0; LOWEST + ai * STEP <= HIGHEST + 1e-9; ai++) {
            double a = LOWEST + ai * STEP;
            for (int mi = 0; mi * STEP <= WIDEST_MARGIN + 1e-9; mi++) {
                double m = mi * STEP;
                double right = share(pos, x -> x.answered(a, m) && x.right());
                if (right <= bestRight) {
                    continue;
                }
                double w = wrong(pos, near, far, a, m, nullShare);
                if (w <= targetWrong) {
                    bestRight = right;
                    bestAnswer = a;
                    bestMargin = m;
                }
            }
        }
        double answer = round(bestAnswer);
        double margin = round(bestMargin);
        // the suggest line that best tells positives (helped) from questions without an answer (declined), but never
        // one that declines less than the target share of the far questions
        double suggest = HIGHEST;
        double bestSeparation = -1;
        for (int si = 0; LOWEST + si * STEP <= HIGHEST + 1e-9; si++) {
            double s = LOWEST + si * STEP;
            Thresholds t = new Thresholds(answer, margin, s, true);
            if (share(far, x -> declined(x, t)) < targetDeclined && !far.isEmpty()) {
                continue;
            }
            SelfMeasured m = measure(pos, near, far, t, nullShare);
            double separation = m.helpful() + ofNulls(near, far, x -> declined(x, t));
            if (separation > bestSeparation + 1e-9) {
                bestSeparation = separation;
                suggest = round(s);
            }
        }
        Thresholds thresholds = new Thresholds(answer, margin, suggest, true);
        return new Fitted(thresholds, measure(pos, near, far, thresholds, nullShare));
    }

    static SelfMeasured measure(List<Asked> asked, Thresholds t, double nullShare) {
        return measure(asked.stream().filter(a -> a.kind() == Kind.POSITIVE).toList(),
                asked.stream().filter(a -> a.kind() == Kind.NEAR).toList(),
                asked.stream().filter(a -> a.kind() == Kind.FAR).toList(), t, nullShare);
    }

    static SelfMeasured measure(List<Asked> pos, List<Asked> near, List<Asked> far, Thresholds t, double nullShare) {
        double right = share(pos, x -> x.answered(t.answerScore(), t.answerMargin()) && x.right());
        double helpful = share(pos, x -> (x.answered(t.answerScore(), t.answerMargin()) && x.right())
                || (!x.answered(t.answerScore(), t.answerMargin()) && x.score() >= t.suggestScore()
                        && x.amongFirstThree()));
        return new SelfMeasured(pos.size(), near.size(), far.size(), nullShare, share(pos, Asked::right), right,
                wrong(pos, near, far, t.answerScore(), t.answerMargin(), nullShare), helpful,
                share(near, x -> declined(x, t)), share(far, x -> declined(x, t)));
    }

    private static boolean declined(Asked x, Thresholds t) {
        return !x.answered(t.answerScore(), t.answerMargin()) && x.score() < t.suggestScore();
    }

    private static double wrong(List<Asked> pos, List<Asked> near, List<Asked> far, double a, double m,
            double nullShare) {
        double posWrong = share(pos, x -> x.answered(a, m) && !x.right());
        double nulls = ofNulls(near, far, x -> x.answered(a, m));
        return (1 - nullShare) * posWrong + nullShare * nulls;
    }

    /** The share of the questions without an answer that pass, near misses and far ones weighing half each. */
    private static double ofNulls(List<Asked> near, List<Asked> far, java.util.function.Predicate<Asked> passes) {
        if (far.isEmpty()) {
            return share(near, passes);
        }
        if (near.isEmpty()) {
            return share(far, passes);
        }
        return 0.5 * share(near, passes) + 0.5 * share(far, passes);
    }

    private static double share(List<Asked> asked, java.util.function.Predicate<Asked> p) {
        if (asked.isEmpty()) {
            return 0;
        }
        return (double) asked.stream().filter(p).count() / asked.size();
    }

    private static double round(double d) {
        return Math.round(d * 1000) / 1000.0;
    }
}
