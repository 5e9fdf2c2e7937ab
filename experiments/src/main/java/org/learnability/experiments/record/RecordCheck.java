package org.learnability.experiments.record;

import java.util.List;
import java.util.Optional;

/**
 * The ranges a {@link RunRecord}'s values must lie in, so that a damaged or hand-edited {@code
 * runs.jsonl} is refused naming the field instead of giving a report with empty cells or an
 * accuracy of 7: per-class scores and accuracies in [0, 1], weights finite and positive, one of
 * each per class, confusion counts non-negative in a C x C matrix, a round of at least 0 and at
 * least one epoch.
 */
final class RecordCheck {

    private RecordCheck() {}

    /**
     * Finds the first value out of range.
     *
     * @param r the record
     * @return the field, its value and what was expected; empty if every value is in range
     */
    static Optional<String> problem(RunRecord r) {
        List<String> names = r.provenance().classNames();
        int classes = names.size();
        if (classes == 0 || names.stream().anyMatch(n -> n == null || n.isBlank())) {
            return Optional.of("classNames is " + names + "; expected one name per class");
        }
        if (r.arm().round() < 0) {
            return Optional.of("round is " + r.arm().round() + "; expected 0 or more");
        }
        if (r.training().epochs() < 1) {
            return Optional.of("epochs is " + r.training().epochs() + "; expected 1 or more");
        }
        if (r.trainedImages() < 0) {
            return Optional.of("trainedImages is " + r.trainedImages() + "; expected 0 or more");
        }
        Optional<String> problem = weights("weights", r.arm().weights(), classes);
        List<List<Double>> epochWeights = r.arm().epochWeights();
        for (int e = 0; problem.isEmpty() && e < epochWeights.size(); e++) {
            problem = weights("epochWeights[" + e + "]", epochWeights.get(e), classes);
        }
        return problem.or(() -> scores("validation", r.scores().validation(), classes))
                .or(() -> scores("test", r.scores().test(), classes));
    }

    private static Optional<String> weights(String field, List<Double> weights, int classes) {
        if (weights.size() != classes) {
            return Optional.of(
                    field + " has " + weights.size() + " values for " + classes + " classes");
        }
        for (int c = 0; c < classes; c++) {
            Double w = weights.get(c);
            if (w == null || !Double.isFinite(w) || w <= 0) {
                return Optional.of(
                        field + "[" + c + "] is " + w + "; expected a finite number > 0");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> scores(String split, SplitScores s, int classes) {
        if (!unit(s.accuracy())) {
            return Optional.of(
                    split + ".accuracy is " + s.accuracy() + "; expected a number in [0, 1]");
        }
        for (String name : List.of("tpr", "precision", "f1")) {
            List<Double> values =
                    switch (name) {
                        case "tpr" -> s.tpr();
                        case "precision" -> s.precision();
                        default -> s.f1();
                    };
            if (values.size() != classes) {
                return Optional.of(
                        split
                                + "."
                                + name
                                + " has "
                                + values.size()
                                + " values for "
                                + classes
                                + " classes");
            }
            for (int c = 0; c < classes; c++) {
                if (values.get(c) == null || !unit(values.get(c))) {
                    return Optional.of(
                            split
                                    + "."
                                    + name
                                    + "["
                                    + c
                                    + "] is "
                                    + values.get(c)
                                    + "; expected a number in [0, 1]");
                }
            }
        }
        List<List<Long>> matrix = s.confusionMatrix();
        if (matrix.size() != classes || matrix.stream().anyMatch(row -> row.size() != classes)) {
            return Optional.of(split + ".confusionMatrix is not " + classes + " x " + classes);
        }
        for (int a = 0; a < classes; a++) {
            for (int p = 0; p < classes; p++) {
                Long count = matrix.get(a).get(p);
                if (count == null || count < 0) {
                    return Optional.of(
                            split
                                    + ".confusionMatrix["
                                    + a
                                    + "]["
                                    + p
                                    + "] is "
                                    + count
                                    + "; expected a count >= 0");
                }
            }
        }
        for (int c = 0; c < classes; c++) {
            long right = matrix.get(c).get(c);
            long support = matrix.get(c).stream().mapToLong(Long::longValue).sum();
            double tpr = support == 0 ? 0 : (double) right / support;
            if (Math.abs(s.tpr().get(c) - tpr) > TOLERANCE) {
                return Optional.of(
                        split
                                + ".tpr["
                                + c
                                + "] is "
                                + s.tpr().get(c)
                                + " but "
                                + split
                                + ".confusionMatrix gives "
                                + tpr
                                + " ("
                                + right
                                + " of "
                                + support
                                + "); a record's rates are its matrix's");
            }
        }
        return Optional.empty();
    }

    /** How far a recorded rate may be from its matrix's: rounding in the last digits only. */
    private static final double TOLERANCE = 1e-9;

    private static boolean unit(double v) {
        return v >= 0 && v <= 1;
    }
}
