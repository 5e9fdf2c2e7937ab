package org.learnability.experiments.record;

import java.util.List;
import org.learnability.api.scores.ClassScores;
import org.learnability.api.weights.ClassWeights;

/**
 * One trained model: a line of {@code runs.jsonl}, written once the model is trained and scored.
 *
 * <p>{@code key} identifies the model (engine, seed, mode, strategy with its weighting, and round),
 * so a resumed run can skip what is done and a report can pair every weighted model with the
 * baseline of the same engine and seed. Schema 2 added the weighting ({@code loss} to {@code
 * warmupEpochs}) and {@code posthoc}, schema 3 {@code maxWeightRatio} and {@code collapse}; records
 * of older schemas read with the values they were trained with (weighted cross-entropy on the loss,
 * no smoothing, one warm-up epoch, no bound, no collapse marked). {@code schedule}, {@code
 * averaging}, {@code scoreEpochs} and {@code epochValidation} came later in schema 3; records
 * without them read as a constant rate, no averaging, scores of the last epoch, and no per-epoch
 * scores.
 *
 * @param schema the record format version, {@value #SCHEMA}
 * @param key engine/seed/mode/strategy/round, unique in a {@code runs.jsonl}
 * @param dataset {@code cifar10} or {@code fashion-mnist}
 * @param model the architecture, e.g. {@code resnet-peifer}
 * @param engine the DJL engine, {@code PyTorch} or {@code MXNet}
 * @param engineVersion the engine's version
 * @param device the device trained on, e.g. {@code cpu()}
 * @param seed the seed
 * @param mode the mode that made it, e.g. {@code two-stage}
 * @param strategy the strategy spec; {@code uniform} for the baseline
 * @param round 0 for the baseline; 1 for the weighted model of two-stage and dynamic; 1 to R for
 *     the rounds of iterative
 * @param classNames the class names
 * @param weights the class weights the model trained with (dynamic: those of its last epoch)
 * @param epochWeights the weights of every epoch (dynamic mode; otherwise one entry per epoch, all
 *     equal)
 * @param validation scores on the validation split (the source of the next weights)
 * @param test scores on the test split
 * @param epochs training epochs
 * @param trainSize training images
 * @param wallSeconds wall time of training
 * @param imagesPerSecond training throughput
 * @param finishedAt ISO-8601 time the record was written
 * @param loss the loss family spec it trained with, e.g. {@code ce} or {@code focal:gamma=2}
 * @param apply how its weights acted: {@code loss}, {@code sampling} or {@code both}
 * @param weightEma the smoothing of recomputed weights with the previous ones (0: none)
 * @param uniformMix the share of uniform weight mixed in (0: none)
 * @param warmupEpochs the unweighted first epochs ({@code dynamic}; 1 otherwise)
 * @param posthoc the logit offsets of a {@code posthoc} model, null for a trained one
 * @param maxWeightRatio the bound its weights were held to (largest / smallest), 0 for none
 * @param collapse its validation accuracy fell below the baseline's by more than the plan's
 *     threshold; null otherwise (and for every baseline)
 * @param schedule the learning-rate schedule it trained with
 * @param averaging the parameter averaging it trained with; the average is what was scored
 * @param scoreEpochs the last epochs of its source model whose validation scores gave its weights
 * @param epochValidation the validation scores after each epoch (the model as it stood, averaged
 *     once averaging had begun); empty for a derived model
 */
public record RunRecord(
        int schema,
        String key,
        String dataset,
        String model,
        String engine,
        String engineVersion,
        String device,
        int seed,
        String mode,
        String strategy,
        int round,
        List<String> classNames,
        List<Double> weights,
        List<List<Double>> epochWeights,
        SplitScores validation,
        SplitScores test,
        int epochs,
        int trainSize,
        double wallSeconds,
        double imagesPerSecond,
        String finishedAt,
        String loss,
        String apply,
        double weightEma,
        double uniformMix,
        int warmupEpochs,
        Posthoc posthoc,
        double maxWeightRatio,
        Collapse collapse,
        String schedule,
        String averaging,
        int scoreEpochs,
        List<EpochScores> epochValidation) {

    /** The current record format. */
    public static final int SCHEMA = 3;

    /** The loss of records that do not name one (schema 1), and of every baseline. */
    public static final String DEFAULT_LOSS = Weighting.DEFAULT_LOSS;

    /** The weight application of records that do not name one (schema 1). */
    public static final String DEFAULT_APPLY = Weighting.DEFAULT_APPLY;

    /** The strategy spec of the baseline. */
    public static final String BASELINE = "uniform";

    /** Takes immutable copies; fills in what schema 1 left out. */
    public RunRecord {
        loss = loss == null ? DEFAULT_LOSS : loss;
        apply = apply == null ? DEFAULT_APPLY : apply;
        warmupEpochs = warmupEpochs == 0 ? 1 : warmupEpochs;
        schedule = schedule == null ? Weighting.DEFAULT_SCHEDULE : schedule;
        averaging = averaging == null ? Weighting.DEFAULT_AVERAGING : averaging;
        scoreEpochs = scoreEpochs == 0 ? 1 : scoreEpochs;
        epochValidation = epochValidation == null ? List.of() : List.copyOf(epochValidation);
        classNames = List.copyOf(classNames);
        weights = List.copyOf(weights);
        epochWeights = epochWeights.stream().map(List::copyOf).toList();
    }

    /**
     * Returns how the model was trained beyond its strategy.
     *
     * @return its weighting and training variants
     */
    public Weighting weighting() {
        return new Weighting(
                loss,
                apply,
                weightEma,
                uniformMix,
                warmupEpochs,
                maxWeightRatio,
                schedule,
                averaging,
                scoreEpochs);
    }

    /**
     * Describes how the model's training differs from the source paper's, for keys, arms and labels
     * ({@link Weighting#variant()}).
     *
     * @return e.g. {@code loss=focal:gamma=2;apply=sampling}, or empty for the paper's
     */
    public String variant() {
        return weighting().variant();
    }

    /**
     * Returns a strategy with its weighting, as keys name it.
     *
     * @param strategy the strategy spec
     * @param variant the weighting's {@link #variant}
     * @return e.g. {@code mean-ratio:gamma=2} or {@code mean-ratio:gamma=2[loss=focal]}
     */
    public static String weighted(String strategy, String variant) {
        return variant.isEmpty() ? strategy : strategy + "[" + variant + "]";
    }

    /**
     * Writes a number as keys and labels do: no trailing zeros, no exponent.
     *
     * @param value the number
     * @return e.g. {@code 5} or {@code 0.5}
     */
    public static String number(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /**
     * Makes the key of a model.
     *
     * @param engine the engine
     * @param seed the seed
     * @param mode the mode
     * @param strategy the strategy spec
     * @param round the round
     * @return {@code engine/seed/mode/strategy/round}
     */
    public static String key(String engine, int seed, String mode, String strategy, int round) {
        return engine + "/" + seed + "/" + mode + "/" + strategy + "/" + round;
    }

    /**
     * Returns the validation scores that weights come from: those of the recorded model, or with
     * {@code lastEpochs} above 1 the mean over its last epochs ({@link EpochScores#mean}); a record
     * without per-epoch scores (older ones, derived models) gives its recorded scores.
     *
     * @param lastEpochs the epochs to average, at least 1
     * @return the scores, with their confusion matrix
     */
    public ClassScores validationScores(int lastEpochs) {
        if (lastEpochs <= 1 || epochValidation.isEmpty()) {
            return validation.toClassScores(classNames);
        }
        return EpochScores.mean(epochValidation, lastEpochs, classNames);
    }

    /**
     * Returns the class weights the model trained with (dynamic mode: those of its last epoch).
     *
     * @return the weights
     */
    public ClassWeights weightsUsed() {
        return ClassWeights.of(weights.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /**
     * Tells whether this is a baseline model.
     *
     * @return {@code true} for round 0
     */
    public boolean isBaseline() {
        return round == 0;
    }
}
