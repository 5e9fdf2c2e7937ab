package org.learnability.experiments.stats;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The models of one arm over seeds, and the statistics over them (all on the test split).
 *
 * <p>For the iterative mode, an arm's model of a seed is the one of its last round; {@link
 * #rounds()} keeps every round's comparisons for a per-round D.
 *
 * @param arm the arm
 * @param models one model per seed (the last round), in seed order
 * @param pairs each model beside its baseline, in the same order; empty for the baseline arm
 * @param rounds every round's comparisons, by round; empty for the baseline arm
 * @param controlPairs each model beside its control of the same seed, for an arm built on the
 *     baseline by training it further: the arm of the same mode and weighting with uniform weights
 *     (the uniform fine-tune), which separates the weights' effect from the extra training's; empty
 *     for every other arm and for the control itself
 */
public record ArmResult(
        Arm arm,
        List<ModelFigures> models,
        List<PairedComparison> pairs,
        Map<Integer, List<PairedComparison>> rounds,
        List<PairedComparison> controlPairs) {

    /** Takes immutable copies, rounds in ascending order. */
    public ArmResult {
        if (models.isEmpty()) {
            throw new IllegalArgumentException("arm " + arm + " has no models");
        }
        if (!arm.baseline() && pairs.size() != models.size()) {
            throw new IllegalArgumentException("arm " + arm + ": every model needs its baseline");
        }
        models = List.copyOf(models);
        pairs = List.copyOf(pairs);
        controlPairs = List.copyOf(controlPairs);
        TreeMap<Integer, List<PairedComparison>> sorted = new TreeMap<>();
        rounds.forEach((round, list) -> sorted.put(round, List.copyOf(list)));
        rounds = Collections.unmodifiableSortedMap(sorted);
    }

    /**
     * An arm without a control.
     *
     * @param arm the arm
     * @param models one model per seed
     * @param pairs each model beside its baseline
     * @param rounds every round's comparisons
     */
    public ArmResult(
            Arm arm,
            List<ModelFigures> models,
            List<PairedComparison> pairs,
            Map<Integer, List<PairedComparison>> rounds) {
        this(arm, models, pairs, rounds, List.of());
    }

    /**
     * Tells whether the arm is compared with a control beside the baseline.
     *
     * @return {@code true} for a weighted fine-tune whose uniform fine-tune is recorded
     */
    public boolean hasControl() {
        return !controlPairs.isEmpty();
    }

    /**
     * Summarises a paired measure against the control over the seeds both have.
     *
     * @param measure a paired measure, e.g. {@link Measure#SD_REDUCTION}
     * @return its mean and confidence interval; {@code n = 0} without a control
     */
    public SeedStatistics againstControl(Measure measure) {
        return SeedStatistics.of(controlPairs.stream().mapToDouble(measure::of).toArray());
    }

    /**
     * Tests {@code D > 0} against the control over seeds.
     *
     * @return the paired tests; {@code n = 0} without a control
     */
    public Significance controlSignificance() {
        return Significance.ofReductions(
                controlPairs.stream().mapToDouble(PairedComparison::d).toArray());
    }

    /**
     * Tells whether the arm's records carry their own cost (schema 5 on), so that a report shows
     * it; older records only have the cost they are read with.
     *
     * @return {@code true} if any of its models records its cost
     */
    public boolean recordsCost() {
        return models.stream().anyMatch(m -> m.run().recordsCost());
    }

    /**
     * Summarises the images the arm's own models trained on, over seeds: epochs x training images,
     * 0 for a derived model, only a fine-tune's epochs for a fine-tune.
     *
     * @return mean and confidence interval
     */
    public SeedStatistics trainedImages() {
        return SeedStatistics.of(
                models.stream().mapToDouble(m -> (double) m.run().trainedImages()).toArray());
    }

    /**
     * Summarises the wall time of the arm's own models, in minutes, over seeds.
     *
     * @return mean and confidence interval
     */
    public SeedStatistics wallMinutes() {
        return SeedStatistics.of(
                models.stream().mapToDouble(m -> m.run().cost().wallSeconds() / 60).toArray());
    }

    /**
     * Returns the number of seeds.
     *
     * @return the number of models
     */
    public int seeds() {
        return models.size();
    }

    /**
     * Returns the seeds.
     *
     * @return the seed of every model, in order
     */
    public List<Integer> seedList() {
        return models.stream().map(ModelFigures::seed).toList();
    }

    /**
     * Returns the last round.
     *
     * @return the highest round of any model
     */
    public int finalRound() {
        return models.stream().mapToInt(m -> m.run().arm().round()).max().orElseThrow();
    }

    /**
     * Summarises a measure over seeds.
     *
     * @param measure the measure
     * @return its mean and confidence interval; {@code n = 0} for a paired measure of the baseline
     */
    public SeedStatistics statistics(Measure measure) {
        if (measure.paired()) {
            return SeedStatistics.of(pairs.stream().mapToDouble(measure::of).toArray());
        }
        return SeedStatistics.of(
                models.stream().mapToDouble(measure::of).filter(v -> !Double.isNaN(v)).toArray());
    }

    /**
     * Summarises the D of one round over seeds.
     *
     * @param round the round
     * @return mean and confidence interval of D in that round
     */
    public SeedStatistics dOfRound(int round) {
        return SeedStatistics.of(
                rounds.getOrDefault(round, List.of()).stream()
                        .mapToDouble(PairedComparison::d)
                        .toArray());
    }

    /**
     * Tests {@code D > 0} over seeds.
     *
     * @return the paired tests; {@code n = 0} for the baseline
     */
    public Significance significance() {
        return Significance.ofReductions(pairs.stream().mapToDouble(PairedComparison::d).toArray());
    }

    /**
     * Summarises one class's test score over seeds.
     *
     * @param scores which per-class score, e.g. {@code Figures::tpr}
     * @param c the class
     * @return its mean and confidence interval
     */
    public SeedStatistics perClass(Function<Figures, List<Double>> scores, int c) {
        return SeedStatistics.of(
                models.stream().mapToDouble(m -> scores.apply(m.test()).get(c)).toArray());
    }

    /**
     * Summarises one class's weight over seeds (the weights each model trained with; dynamic mode:
     * those of its last epoch).
     *
     * @param c the class
     * @return the mean and confidence interval of its weight
     */
    public SeedStatistics weight(int c) {
        return SeedStatistics.of(
                models.stream().mapToDouble(m -> m.run().arm().weights().get(c)).toArray());
    }

    /**
     * The mean test confusion matrix, row-normalised: the counts summed over seeds, each row
     * divided by its sum (a row without samples stays 0). Entry {@code [a][p]} is the share of
     * class {@code a}'s samples predicted as {@code p}; the diagonal is the TPR pooled over seeds.
     *
     * @return the matrix, rows actual, columns predicted; empty when a model has no C x C matrix
     */
    public Optional<double[][]> normalisedConfusion() {
        int classes = models.get(0).run().provenance().classNames().size();
        double[][] sum = new double[classes][classes];
        for (ModelFigures m : models) {
            List<List<Long>> counts = m.run().scores().test().confusionMatrix();
            if (counts.size() != classes
                    || counts.stream().anyMatch(row -> row.size() != classes)) {
                return Optional.empty();
            }
            for (int a = 0; a < classes; a++) {
                for (int p = 0; p < classes; p++) {
                    sum[a][p] += counts.get(a).get(p);
                }
            }
        }
        for (double[] row : sum) {
            double total = Arrays.stream(row).sum();
            for (int p = 0; p < row.length; p++) {
                row[p] = total == 0 ? 0.0 : row[p] / total;
            }
        }
        return Optional.of(sum);
    }

    @Override
    public String toString() {
        return arm
                + " seeds "
                + models.stream()
                        .map(m -> Integer.toString(m.seed()))
                        .collect(Collectors.joining(","));
    }
}
