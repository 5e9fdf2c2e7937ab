package org.learnability.experiments.record;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.learnability.experiments.weighting.Weighting;

/**
 * The identity of a model within an experiment: engine, seed, the mode that made it, its strategy
 * with how its training differs from the source paper's (the {@code variant}: its {@link
 * Weighting}'s, its mode options, then the schedule and averaging the baseline shares), and its
 * round. {@link #toString()} is the one place it becomes the {@code key} of {@code runs.jsonl}:
 * {@code engine/seed/mode/strategy[variant]/round}, the brackets only where the variant is not
 * empty.
 *
 * @param engine the engine's name
 * @param seed the seed
 * @param mode the mode's name
 * @param strategy the strategy spec; {@code uniform} for the baseline
 * @param variant how its training differs from the paper's, or empty
 * @param round 0 for the baseline
 */
public record ModelKey(
        String engine, int seed, String mode, String strategy, String variant, int round) {

    /** The strategy spec of the baseline. */
    public static final String BASELINE = "uniform";

    /**
     * Returns the variant of a weighting, and of a mode's own options, under a training variant.
     *
     * @param weighting the weighting
     * @param modes what the mode's own options say, each part empty where they are the defaults
     * @param training the training variant
     * @return e.g. {@code loss=focal:gamma=2;schedule=cosine}, or empty for the paper's
     */
    public static String variant(
            Weighting weighting, List<String> modes, TrainingVariant training) {
        return Stream.concat(
                        Stream.concat(Stream.of(weighting.variant()), modes.stream()),
                        Stream.of(training.variant()))
                .filter(s -> !s.isEmpty())
                .collect(Collectors.joining(";"));
    }

    /**
     * Returns a strategy with its variant, as keys and labels name it.
     *
     * @param strategy the strategy spec
     * @param variant the variant
     * @return e.g. {@code mean-ratio:gamma=2} or {@code mean-ratio:gamma=2[loss=focal]}
     */
    public static String weighted(String strategy, String variant) {
        return variant.isEmpty() ? strategy : strategy + "[" + variant + "]";
    }

    /**
     * Tells whether this is a baseline (round 0, every weight 1).
     *
     * @return {@code true} for the baseline
     */
    public boolean isBaseline() {
        return round == 0 && strategy.equals(BASELINE);
    }

    /**
     * Tells whether another key names the same baseline: a baseline is one whatever the mode it was
     * recorded under.
     *
     * @param other the other key
     * @return {@code true} if both are baselines of the same engine, seed and variant
     */
    public boolean sameBaseline(ModelKey other) {
        return isBaseline()
                && other.isBaseline()
                && engine.equals(other.engine)
                && seed == other.seed
                && variant.equals(other.variant);
    }

    @Override
    public String toString() {
        return engine + "/" + seed + "/" + mode + "/" + weighted(strategy, variant) + "/" + round;
    }
}
