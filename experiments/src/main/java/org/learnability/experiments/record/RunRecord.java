package org.learnability.experiments.record;

import org.learnability.api.scores.ClassScores;
import org.learnability.api.weights.ClassWeights;
import org.learnability.experiments.weighting.Weighting;

/**
 * One trained model: a line of {@code runs.jsonl}, written once the model is trained and scored, in
 * parts: what it shares with its seed's baseline ({@link Provenance}), its place in the design
 * ({@link RunArm}), its training ({@link Training}), its cost ({@link Cost}), its scores ({@link
 * Scores}), and what its mode records of its own ({@link ModeParts}).
 *
 * <p>{@code key} identifies the model ({@link ModelKey}: engine, seed, mode, strategy with its
 * variant, and round), so a resumed run can skip what is done and a report can pair every weighted
 * model with the baseline of the same engine and seed.
 *
 * <p>Schema 7 nests the parts; schemas 1 to 6 held every field at the top, and {@link RunsFile}
 * reads them into this form ({@link OldSchemas}): schema 5 added a model's cost ({@code
 * trainedImages}), its fine-tuning ({@code finetune}, now the part of that name) and where its
 * parameters were saved ({@code savedModel}); schema 6 where its test split came from ({@code
 * testSplit}, for data sets of one's own) and, for a model built on the baseline's re-trained head,
 * the head ({@code head}, a part now; schema 5 records of this version carry it too). A record of
 * schema 1 to 4 reads with no cost recorded ({@link #trainedImages()} then gives epochs x training
 * images, 0 for a derived model), no fine-tuning and nothing saved. Schema 4 nests the {@link
 * Weighting} as one object; schemas 2 and 3 held its parts beside the other fields (schema 2 added
 * the weighting and {@code posthoc}, schema 3 the bound, {@code collapse}, the schedule, the
 * averaging, the scoring window and {@code epochValidation}), and they read with the values older
 * records were trained with (weighted cross-entropy on the loss, no smoothing, one warm-up epoch,
 * no bound, scores of the last epoch, a constant rate, no averaging, no collapse marked, no
 * per-epoch scores).
 *
 * @param schema the record format version, {@value #SCHEMA}
 * @param key engine/seed/mode/strategy[variant]/round, unique in a {@code runs.jsonl}
 * @param provenance its data, architecture, engine, device, seed and plan
 * @param arm its mode, strategy, round, variant, weighting and weights
 * @param training its epochs, training images and training variant
 * @param cost its images trained, time and throughput
 * @param scores its validation and test scores, per-epoch validation scores and collapse mark
 * @param parts what its mode records of its own, by name: {@code posthoc} (the logit offsets of a
 *     model derived from logits), {@code finetune} (how it was fine-tuned from its seed's
 *     baseline), {@code head} (how its final dense layer was re-trained on the baseline's features,
 *     and what was chosen; its {@code validation} scores are then of the validation images the
 *     layer did not train on)
 * @param savedModel where its parameters were saved and their checksum; null if they were not
 */
public record RunRecord(
        int schema,
        String key,
        Provenance provenance,
        RunArm arm,
        Training training,
        Cost cost,
        Scores scores,
        ModeParts parts,
        SavedModel savedModel) {

    /** The current record format. */
    public static final int SCHEMA = 7;

    /** The strategy spec of the baseline. */
    public static final String BASELINE = ModelKey.BASELINE;

    /** No parts for a record without any. */
    public RunRecord {
        parts = parts == null ? ModeParts.NONE : parts;
    }

    /**
     * Returns the model's identity.
     *
     * @return its key, whose {@code toString} is {@link #key()}
     */
    public ModelKey modelKey() {
        return new ModelKey(
                provenance.engine(),
                provenance.seed(),
                arm.mode(),
                arm.strategy(),
                arm.variant(),
                arm.round());
    }

    /**
     * Returns this record with where its model was saved.
     *
     * @param saved the saved file and its checksum
     * @return the record with {@code savedModel} set, every other part as it was
     */
    public RunRecord withSavedModel(SavedModel saved) {
        return new RunRecord(schema, key, provenance, arm, training, cost, scores, parts, saved);
    }

    /**
     * Tells whether the record carries its own cost, rather than the one older records are read
     * with.
     *
     * @return {@code true} for a record of schema 5 or later
     */
    public boolean recordsCost() {
        return cost.trainedImages() != null;
    }

    /**
     * Returns the images the model's own training went through: as recorded, or for a record of
     * schema 1 to 4 the epochs times the training images it trained at (0 for a derived model).
     *
     * @return the images
     */
    public long trainedImages() {
        return recordsCost()
                ? cost.trainedImages()
                : parts.has(Posthoc.PART) ? 0L : (long) training.epochs() * training.trainSize();
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
        return EpochScores.window(scores.epochValidation(), weighting, provenance.classNames())
                .orElseGet(() -> scores.validation().toClassScores(provenance.classNames()));
    }

    /**
     * Returns the class weights the model trained with (dynamic mode: those of its last epoch).
     *
     * @return the weights
     */
    public ClassWeights weightsUsed() {
        return ClassWeights.of(arm.weights().stream().mapToDouble(Double::doubleValue).toArray());
    }

    /**
     * Tells whether this is a baseline model.
     *
     * @return {@code true} for round 0
     */
    public boolean isBaseline() {
        return arm.round() == 0;
    }
}
