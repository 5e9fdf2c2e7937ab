package org.learnability.experiments.record;

import java.util.List;
import org.learnability.api.weights.ClassWeights;

/**
 * One trained model: a line of {@code runs.jsonl}, written once the model is trained and scored.
 *
 * <p>{@code key} identifies the model within an experiment directory (engine, seed, mode, strategy
 * and round), so a resumed run can skip what is done and a report can pair every weighted model
 * with the baseline of the same engine and seed.
 *
 * @param schema the record format version, {@value #SCHEMA}
 * @param key engine/seed/mode/strategy/round, unique in a {@code runs.jsonl}
 * @param dataset {@code cifar10} or {@code fashion-mnist}
 * @param model the architecture, e.g. {@code resnet-peifer}
 * @param engine the DJL engine, {@code PyTorch} or {@code MXNet}
 * @param engineVersion the engine's version
 * @param device the device trained on, e.g. {@code cpu()}
 * @param seed the seed
 * @param mode {@code two-stage}, {@code iterative} or {@code dynamic}
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
        String finishedAt) {

    /** The current record format. */
    public static final int SCHEMA = 1;

    /** The strategy spec of the baseline. */
    public static final String BASELINE = "uniform";

    /** Takes immutable copies. */
    public RunRecord {
        classNames = List.copyOf(classNames);
        weights = List.copyOf(weights);
        epochWeights = epochWeights.stream().map(List::copyOf).toList();
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
