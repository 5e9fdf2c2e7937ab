package org.learnability.experiments.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.learnability.experiments.plan.PlanOptions;
import org.learnability.experiments.record.RunRecord;
import org.learnability.experiments.record.WeakBaseline;

/**
 * The statistics of an experiment directory's runs.
 *
 * <p>Runs are grouped by data set and model, then into arms (engine, mode, strategy). Every
 * weighted model is paired with the baseline (strategy {@code uniform}, round 0) of the same engine
 * and seed, preferring a baseline recorded in the same mode; for iterative runs an arm's model of a
 * seed is its last round, and every round is kept for a per-round D. A record whose key appears
 * twice counts once (the last), and a weighted model without a baseline is left out; both are
 * listed in {@link #notes()}.
 *
 * @param runs the number of distinct runs analysed
 * @param groups one per data set and model, in the order first recorded
 * @param notes what was left out, and why
 * @param collapsed the weighted models marked collapsed ({@link RunRecord#collapse()}), in the
 *     order recorded
 * @param weakBaselines the baselines too weak to weigh from ({@link WeakBaseline}), in the order
 *     recorded
 * @param tolerance the validation accuracy an arm may give up and still be recommended ({@link
 *     Recommendation})
 */
public record Analysis(
        int runs,
        List<ModelGroup> groups,
        List<String> notes,
        List<RunRecord> collapsed,
        List<RunRecord> weakBaselines,
        double tolerance) {

    /** The tolerance when none is given: the value {@code maxAccuracyDrop} declares. */
    public static final double DEFAULT_TOLERANCE = PlanOptions.defaults().number("maxAccuracyDrop");

    /** Takes immutable copies. */
    public Analysis {
        groups = List.copyOf(groups);
        notes = List.copyOf(notes);
        collapsed = List.copyOf(collapsed);
        weakBaselines = List.copyOf(weakBaselines);
    }

    /**
     * Analyses recorded runs.
     *
     * @param records the records of {@code runs.jsonl}
     * @return the analysis
     * @throws IllegalArgumentException when there are no runs, no baseline, or runs of one data set
     *     and model disagree on the class names
     */
    public static Analysis of(List<RunRecord> records) {
        return of(records, DEFAULT_TOLERANCE);
    }

    /**
     * Analyses recorded runs, recommending with a given tolerance.
     *
     * @param records the records of {@code runs.jsonl}
     * @param tolerance the validation accuracy a recommended arm may give up
     * @return the analysis
     * @throws IllegalArgumentException when there are no runs, no baseline, or runs of one data set
     *     and model disagree on the class names
     */
    public static Analysis of(List<RunRecord> records, double tolerance) {
        if (records.isEmpty()) {
            throw new IllegalArgumentException("no runs recorded");
        }
        List<String> notes = new ArrayList<>();
        Map<String, RunRecord> byKey = new LinkedHashMap<>();
        Map<String, Integer> times = new LinkedHashMap<>();
        for (RunRecord r : records) {
            // a key names a model within one data set and model: another's does not replace it
            String key = r.provenance().dataset() + "\n" + r.provenance().model() + "\n" + r.key();
            byKey.put(key, r);
            times.merge(key, 1, Integer::sum);
        }
        times.forEach(
                (key, n) -> {
                    if (n > 1) {
                        notes.add(
                                "run "
                                        + key.substring(key.lastIndexOf('\n') + 1)
                                        + " is recorded "
                                        + n
                                        + " times; the last record is used");
                    }
                });
        if (byKey.values().stream().noneMatch(RunRecord::isBaseline)) {
            throw new IllegalArgumentException(
                    "no baseline run (strategy "
                            + RunRecord.BASELINE
                            + ", round 0) to compare the strategies with");
        }
        Map<String, List<RunRecord>> byModel =
                byKey.values().stream()
                        .collect(
                                Collectors.groupingBy(
                                        r ->
                                                r.provenance().dataset()
                                                        + "\n"
                                                        + r.provenance().model(),
                                        LinkedHashMap::new,
                                        Collectors.toList()));
        List<ModelGroup> groups = new ArrayList<>();
        for (List<RunRecord> runs : byModel.values()) {
            group(runs, notes).ifPresent(groups::add);
        }
        return new Analysis(
                byKey.size(),
                groups,
                notes,
                byKey.values().stream().filter(r -> r.scores().collapse() != null).toList(),
                byKey.values().stream()
                        .filter(r -> r.isBaseline() && WeakBaseline.of(r).isPresent())
                        .toList(),
                tolerance);
    }

    private static Optional<ModelGroup> group(List<RunRecord> runs, List<String> notes) {
        RunRecord first = runs.get(0);
        for (RunRecord r : runs) {
            if (!r.provenance().classNames().equals(first.provenance().classNames())) {
                throw new IllegalArgumentException(
                        "runs of "
                                + first.provenance().dataset()
                                + " with "
                                + first.provenance().model()
                                + " disagree on the class names: "
                                + first.key()
                                + " has "
                                + first.provenance().classNames()
                                + ", "
                                + r.key()
                                + " has "
                                + r.provenance().classNames());
            }
        }
        List<ArmResult> results = new ArmModels(runs).results(notes);
        if (results.isEmpty()) {
            notes.add(
                    "nothing to report for "
                            + first.provenance().dataset()
                            + " with "
                            + first.provenance().model()
                            + ": no baseline");
            return Optional.empty();
        }
        List<String> engines = results.stream().map(a -> a.arm().engine()).distinct().toList();
        List<String> strategies = results.stream().map(a -> a.arm().design()).distinct().toList();
        results.sort(
                Comparator.<ArmResult, Boolean>comparing(a -> !a.arm().baseline())
                        .thenComparing(a -> strategies.indexOf(a.arm().design()))
                        .thenComparing(a -> engines.indexOf(a.arm().engine())));
        return Optional.of(
                new ModelGroup(
                        first.provenance().dataset(),
                        first.provenance().model(),
                        first.provenance().classNames(),
                        results));
    }

    /**
     * Returns every arm of every group.
     *
     * @return the arms, group by group
     */
    public List<ArmResult> arms() {
        return groups.stream().flatMap(g -> g.arms().stream()).toList();
    }

    /**
     * Returns the recommendations of a group, one per engine.
     *
     * @param group one of this analysis's groups
     * @return the recommendations
     */
    public List<Recommendation> recommendations(ModelGroup group) {
        return Recommendation.of(group, tolerance);
    }
}
