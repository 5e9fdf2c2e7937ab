package org.learnability.experiments.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.learnability.experiments.record.Finetune;
import org.learnability.experiments.record.Head;
import org.learnability.experiments.record.RunRecord;

/**
 * The models of one data set and model by arm, seed and round, each arm, seed and round in the
 * order first recorded (seeds and rounds sorted), and every weighted model paired with the baseline
 * of its engine and seed, preferring a baseline recorded in its mode.
 *
 * <p>The reference baseline of an engine is its plain one (constant rate, no averaging); baselines
 * of other training variants (a cosine schedule, averaging) are arms compared with it, or the
 * reference themselves where the engine has no plain baseline.
 */
final class ArmModels {

    private final Map<Arm, TreeMap<Integer, TreeMap<Integer, ModelFigures>>> arms =
            new LinkedHashMap<>();

    /**
     * Sorts the runs of one data set and model into arms.
     *
     * @param runs the runs, each key once
     */
    ArmModels(List<RunRecord> runs) {
        Map<String, String> reference = new LinkedHashMap<>();
        runs.stream()
                .filter(RunRecord::isBaseline)
                .forEach(
                        r ->
                                reference.merge(
                                        r.provenance().engine(),
                                        r.arm().variant(),
                                        (kept, next) -> next.isEmpty() ? next : kept));
        for (RunRecord r : runs) {
            if (r.arm().member()) {
                continue; // a part of another arm's models (an ensemble's member), not an arm
            }
            Arm arm = Arm.of(r);
            if (arm.baseline()
                    && !r.arm().variant().equals(reference.get(r.provenance().engine()))) {
                arm = arm.compared();
            }
            arms.computeIfAbsent(arm, a -> new TreeMap<>())
                    .computeIfAbsent(r.provenance().seed(), s -> new TreeMap<>())
                    .put(r.arm().round(), ModelFigures.of(r));
        }
    }

    /**
     * Returns every arm's result: a baseline arm's models, a weighted arm's models beside their
     * baselines.
     *
     * @param notes takes a line for every weighted model left out for want of a baseline
     * @return the results, in the order the arms were first recorded
     */
    List<ArmResult> results(List<String> notes) {
        List<ArmResult> results = new ArrayList<>();
        arms.forEach(
                (arm, seeds) -> {
                    if (arm.baseline()) {
                        List<ModelFigures> models =
                                seeds.values().stream()
                                        .map(rounds -> rounds.lastEntry().getValue())
                                        .toList();
                        results.add(new ArmResult(arm, models, List.of(), Map.of()));
                    } else {
                        weighted(arm, seeds, notes).ifPresent(results::add);
                    }
                });
        return results;
    }

    private Optional<ArmResult> weighted(
            Arm arm, TreeMap<Integer, TreeMap<Integer, ModelFigures>> seeds, List<String> notes) {
        List<ModelFigures> models = new ArrayList<>();
        List<PairedComparison> pairs = new ArrayList<>();
        Map<Integer, List<PairedComparison>> rounds = new TreeMap<>();
        seeds.forEach(
                (seed, byRound) -> {
                    Optional<ModelFigures> baseline = baseline(arm, seed);
                    if (baseline.isEmpty()) {
                        notes.add(
                                "left out "
                                        + byRound.values().stream()
                                                .map(m -> m.run().key())
                                                .collect(Collectors.joining(", "))
                                        + ": no baseline for engine "
                                        + arm.engine()
                                        + " and seed "
                                        + seed);
                        return;
                    }
                    byRound.values()
                            .forEach(
                                    m ->
                                            rounds.computeIfAbsent(
                                                            m.run().arm().round(),
                                                            r -> new ArrayList<>())
                                                    .add(new PairedComparison(baseline.get(), m)));
                    ModelFigures last = byRound.lastEntry().getValue();
                    models.add(last);
                    pairs.add(new PairedComparison(baseline.get(), last));
                });
        return models.isEmpty()
                ? Optional.empty()
                : Optional.of(new ArmResult(arm, models, pairs, rounds, controlPairs(arm, models)));
    }

    /**
     * The models of an arm built on the baseline by training it further (a fine-tune, a re-trained
     * head) beside its control of the same seed: the arm of the same engine, mode and variant with
     * uniform weights. Empty for other arms, the control itself, and where no control is recorded.
     */
    private List<PairedComparison> controlPairs(Arm arm, List<ModelFigures> models) {
        Arm control = new Arm(arm.engine(), arm.mode(), RunRecord.BASELINE, arm.variant(), false);
        TreeMap<Integer, TreeMap<Integer, ModelFigures>> seeds = arms.get(control);
        if (arm.equals(control)
                || seeds == null
                || models.stream()
                        .anyMatch(
                                m ->
                                        !m.run().parts().has(Finetune.PART)
                                                && !m.run().parts().has(Head.PART))) {
            return List.of();
        }
        List<PairedComparison> pairs = new ArrayList<>();
        for (ModelFigures m : models) {
            TreeMap<Integer, ModelFigures> rounds = seeds.get(m.seed());
            if (rounds != null) {
                pairs.add(new PairedComparison(rounds.lastEntry().getValue(), m));
            }
        }
        return pairs;
    }

    /**
     * The baseline of an arm's engine and seed: recorded in the arm's mode if there is one, else in
     * any.
     */
    private Optional<ModelFigures> baseline(Arm arm, int seed) {
        Optional<ModelFigures> any = Optional.empty();
        for (Map.Entry<Arm, TreeMap<Integer, TreeMap<Integer, ModelFigures>>> e : arms.entrySet()) {
            Arm candidate = e.getKey();
            TreeMap<Integer, ModelFigures> rounds = e.getValue().get(seed);
            if (!candidate.baseline()
                    || !candidate.engine().equals(arm.engine())
                    || rounds == null) {
                continue;
            }
            if (candidate.mode().equals(arm.mode())) {
                return Optional.of(rounds.lastEntry().getValue());
            }
            if (any.isEmpty()) {
                any = Optional.of(rounds.lastEntry().getValue());
            }
        }
        return any;
    }
}
