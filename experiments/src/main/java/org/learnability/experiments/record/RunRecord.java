package org.learnability.experiments.record;

import java.util.List;
import java.util.stream.Stream;
import org.learnability.api.scores.ClassScores;
import org.learnability.api.weights.ClassWeights;
import org.learnability.experiments.mode.finetune.Finetune;
import org.learnability.experiments.mode.head.Head;
import org.learnability.experiments.mode.posthoc.Posthoc;
import org.learnability.experiments.weighting.Weighting;
import org.learnability.runner.data.TestSource;

/**
 * One trained model: a line of {@code runs.jsonl}, written once the model is trained and scored.
 *
 * <p>{@code key} identifies the model ({@link ModelKey}: engine, seed, mode, strategy with its
 * weighting, and round), so a resumed run can skip what is done and a report can pair every
 * weighted model with the baseline of the same engine and seed. Schema 5 added a model's cost
 * ({@code trainedImages}), its fine-tuning ({@code finetune}) and where its parameters were saved
 * ({@code savedModel}); schema 6 where its test split came from ({@code testSplit}, for data sets
 * of one's own) and, for a model built on the baseline's re-trained head, the head ({@code head};
 * schema 5 records of this version carry it too). A record of schema 1 to 4 reads with {@code
 * trainedImages} as epochs x training images (0 for a derived model), no fine-tuning and nothing
 * saved. Schema 4 nests the {@link Weighting} as one object; schemas 2 and 3 held its parts beside
 * the other fields (schema 2 added the weighting and {@code posthoc}, schema 3 the bound, {@code
 * collapse}, the schedule, the averaging, the scoring window and {@code epochValidation}), and
 * {@link RunsFile} reads them into the nested form with the values older records were trained with
 * (weighted cross-entropy on the loss, no smoothing, one warm-up epoch, no bound, scores of the
 * last epoch, a constant rate, no averaging, no collapse marked, no per-epoch scores).
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
 * @param weighting how its weights acted: loss family, application, smoothing, bound, scoring
 *     window
 * @param posthoc the logit offsets of a {@code posthoc} model, null for a trained one
 * @param collapse its validation accuracy fell below the baseline's by more than the plan's
 *     threshold; null otherwise (and for every baseline)
 * @param schedule the learning-rate schedule it trained with
 * @param averaging the parameter averaging it trained with; the average is what was scored
 * @param warmup the share of its updates of the learning-rate warm-up (0: none)
 * @param labelSmoothing epsilon of its label smoothing (0: none)
 * @param testTime how it was scored: {@code none}, or {@code flip}
 * @param epochValidation the validation scores after each epoch (the model as it stood, averaged
 *     once averaging had begun); empty for a derived model
 * @param planHash the digest of the options it was made under ({@code
 *     org.learnability.experiments.plan.PlanIdentity}); null in records written before it
 * @param finetune how the model was fine-tuned from its seed's baseline ({@code finetune} and the
 *     modes built on it); null for every other model
 * @param trainedImages the images its own training went through, epochs x training images (a
 *     fine-tune's epochs only; 0 for a derived model): its cost beside {@code wallSeconds}
 * @param savedModel where its parameters were saved and their checksum; null if they were not
 * @param testSplit where its test split comes from (the data set's own test set, a test folder, or
 *     images held out of the data) and its size; null in records written before schema 6, whose
 *     data sets all had an official test set
 * @param head how its final dense layer was re-trained on the baseline's features ({@code head} and
 *     the modes built on it), and what was chosen; null for every other model; its {@code
 *     validation} scores are then of the validation images the layer did not train on
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
        Weighting weighting,
        Posthoc posthoc,
        Collapse collapse,
        String schedule,
        String averaging,
        double warmup,
        double labelSmoothing,
        String testTime,
        List<EpochScores> epochValidation,
        String planHash,
        Finetune finetune,
        Long trainedImages,
        SavedModel savedModel,
        TestSource testSplit,
        Head head) {

    /** The current record format. */
    public static final int SCHEMA = 6;

    /** The first record format that carries its cost, {@code trainedImages}. */
    public static final int COST_SCHEMA = 5;

    /** The strategy spec of the baseline. */
    public static final String BASELINE = ModelKey.BASELINE;

    /** Takes immutable copies; fills in what older schemas left out. */
    public RunRecord {
        weighting = weighting == null ? Weighting.PAPER : weighting;
        schedule = schedule == null ? TrainingVariant.PAPER.schedule() : schedule;
        averaging = averaging == null ? TrainingVariant.PAPER.averaging() : averaging;
        testTime = testTime == null ? TrainingVariant.PAPER.testTime() : testTime;
        epochValidation = epochValidation == null ? List.of() : List.copyOf(epochValidation);
        if (trainedImages == null) {
            trainedImages = posthoc != null ? 0L : (long) epochs * trainSize;
        }
        classNames = List.copyOf(classNames);
        weights = List.copyOf(weights);
        epochWeights = epochWeights.stream().map(List::copyOf).toList();
    }

    /**
     * Returns the model's identity.
     *
     * @return its key, whose {@code toString} is {@link #key()}
     */
    public ModelKey modelKey() {
        return new ModelKey(engine, seed, mode, strategy, variant(), round);
    }

    /**
     * Describes how the model's training differs from the source paper's, for keys, arms and
     * labels.
     *
     * @return e.g. {@code loss=focal:gamma=2;apply=sampling}, or empty for the paper's
     */
    public String variant() {
        return ModelKey.variant(
                weighting,
                Stream.of(
                                finetune == null ? "" : finetune.variant(),
                                head == null ? "" : head.retraining().variant())
                        .toList(),
                trainingVariant());
    }

    /**
     * Returns this record with where its model was saved.
     *
     * @param saved the saved file and its checksum
     * @return the record with {@code savedModel} set, every other field as it was
     */
    public RunRecord withSavedModel(SavedModel saved) {
        return new RunRecord(
                schema,
                key,
                dataset,
                model,
                engine,
                engineVersion,
                device,
                seed,
                mode,
                strategy,
                round,
                classNames,
                weights,
                epochWeights,
                validation,
                test,
                epochs,
                trainSize,
                wallSeconds,
                imagesPerSecond,
                finishedAt,
                weighting,
                posthoc,
                collapse,
                schedule,
                averaging,
                warmup,
                labelSmoothing,
                testTime,
                epochValidation,
                planHash,
                finetune,
                trainedImages,
                saved,
                testSplit,
                head);
    }

    /**
     * Tells whether the record carries its own cost ({@link #COST_SCHEMA} on), rather than the one
     * older records are read with.
     *
     * @return {@code true} for a record of schema 5 or later
     */
    public boolean recordsCost() {
        return schema >= COST_SCHEMA;
    }

    /**
     * Returns what of the model's training changes the baseline too.
     *
     * @return schedule, averaging, warm-up, label smoothing, test-time augmentation
     */
    public TrainingVariant trainingVariant() {
        return new TrainingVariant(schedule, averaging, warmup, labelSmoothing, testTime);
    }

    /**
     * Returns the validation scores that a weighting's weights come from: those of the recorded
     * model, or with a scoring window above 1 epoch the mean over its last epochs ({@link
     * EpochScores#mean}); a record without per-epoch scores (older ones, derived models) gives its
     * recorded scores.
     *
     * @param weighting the weighting, whose scoring window counts
     * @return the scores, with their confusion matrix
     */
    public ClassScores validationScores(Weighting weighting) {
        return EpochScores.window(epochValidation, weighting, classNames)
                .orElseGet(() -> validation.toClassScores(classNames));
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
