package org.learnability.experiments.protocol;

import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.learnability.api.scores.ClassScores;
import org.learnability.experiments.plan.ExperimentPlan;
import org.learnability.experiments.plan.PlanFile;
import org.learnability.experiments.record.RunRecord;
import org.learnability.experiments.record.RunsFile;
import org.learnability.experiments.record.SplitScores;
import org.learnability.runner.data.Split;
import org.learnability.runner.pipeline.Session;
import org.learnability.runner.pipeline.SessionOptions;
import org.learnability.runner.training.SplitSource;

/**
 * Scores a model saved in an experiment directory ({@link ModelStore}) on a split of its seed, as
 * the experiment's plan made it: the data, the split by seed, the architecture and the scoring.
 */
public final class SavedModelScores {

    private final SeedRunner seeds;
    private final PlanFile planFile;

    /**
     * Creates the service.
     *
     * @param seeds opens a seed's session
     * @param planFile reads the experiment's plan
     */
    @Inject
    public SavedModelScores(SeedRunner seeds, PlanFile planFile) {
        this.seeds = seeds;
        this.planFile = planFile;
    }

    /** The splits a saved model can be scored on. */
    public enum ScoredSplit {
        /** The validation split held out of the training set by seed. */
        VALIDATION,
        /** The test split. */
        TEST;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A saved model's scores.
     *
     * @param record its record
     * @param split the split scored
     * @param scores its per-class scores there
     */
    public record Scored(RunRecord record, ScoredSplit split, ClassScores scores) {

        /**
         * Tells whether the scores are those recorded when the model was made.
         *
         * @return {@code true} if the confusion matrices are equal
         */
        public boolean asRecorded() {
            return recorded().equals(SplitScores.of(scores).confusionMatrix());
        }

        /**
         * Tells whether the record holds scores on the same images: not so for a mode that scores
         * part of the validation split ({@code ExperimentMode.scoredOn}: {@code head} scores the
         * half its layer did not train on), where the scores cannot be compared.
         *
         * @return {@code true} if the record counts as many images as were scored
         */
        public boolean comparable() {
            return recordedImages() == scoredImages();
        }

        /**
         * Returns the number of images scored.
         *
         * @return the total of the scores' confusion matrix
         */
        public long scoredImages() {
            return total(SplitScores.of(scores).confusionMatrix());
        }

        /**
         * Returns the number of images the record's scores on this split count.
         *
         * @return the total of its confusion matrix
         */
        public long recordedImages() {
            return total(recorded());
        }

        private static long total(List<List<Long>> counts) {
            return counts.stream().flatMap(List::stream).mapToLong(Long::longValue).sum();
        }

        private List<List<Long>> recorded() {
            return (split == ScoredSplit.TEST
                            ? record.scores().test()
                            : record.scores().validation())
                    .confusionMatrix();
        }
    }

    /**
     * Scores a saved model.
     *
     * @param out the experiment directory
     * @param key the model's key in its {@code runs.jsonl}
     * @param split the split
     * @param options the devices
     * @return the scores
     * @throws IllegalArgumentException naming the directory, key or file at fault
     */
    public Scored score(Path out, String key, ScoredSplit split, SessionOptions options) {
        if (!Files.isRegularFile(out.resolve(PlanFile.NAME))
                || !Files.isRegularFile(out.resolve(RunsFile.NAME))) {
            throw new IllegalArgumentException(
                    "--out "
                            + out
                            + " is not an experiment directory (no "
                            + PlanFile.NAME
                            + " and "
                            + RunsFile.NAME
                            + ")");
        }
        ExperimentPlan plan = planFile.read(out.resolve(PlanFile.NAME));
        List<RunRecord> records = RunsFile.read(out.resolve(RunsFile.NAME));
        RunRecord record =
                records.stream()
                        .filter(r -> r.key().equals(key))
                        .reduce((first, last) -> last)
                        .orElseThrow(() -> unknownKey(out, key, records));
        if (record.savedModel() == null) {
            throw new IllegalArgumentException(
                    "--key "
                            + key
                            + ": its model was not saved (run with --save-models all to save"
                            + " every model that trains; derived models have none)");
        }
        try (Session session =
                seeds.open(
                        plan,
                        record.provenance().seed(),
                        options.withProgress(false),
                        Optional.of(record.provenance().engine()))) {
            ModelStore.Loading loading =
                    ModelStore.of(out, SaveModels.NONE)
                            .load(record, session, plan.baseline().model());
            if (loading instanceof ModelStore.Damaged damaged) {
                throw new IllegalArgumentException(
                        "--key "
                                + key
                                + ": its saved model "
                                + damaged.path()
                                + " "
                                + damaged.why());
            }
            try (var model = ((ModelStore.Loaded) loading).model()) {
                Split data =
                        split == ScoredSplit.TEST
                                ? session.splits().test()
                                : session.splits().validation();
                return new Scored(record, split, session.score(model, SplitSource.inOrder(data)));
            }
        }
    }

    private static IllegalArgumentException unknownKey(
            Path out, String key, List<RunRecord> records) {
        List<String> saved =
                records.stream().filter(r -> r.savedModel() != null).map(RunRecord::key).toList();
        return new IllegalArgumentException(
                (key.isBlank()
                                ? "--key is empty; expected the key of a model in "
                                : "--key " + key + " is not in ")
                        + out.resolve(RunsFile.NAME)
                        + (saved.isEmpty()
                                ? "; it holds no saved model"
                                : "; its saved models: "
                                        + saved.stream().limit(5).collect(Collectors.joining(", "))
                                        + (saved.size() > 5 ? ", ..." : "")));
    }
}
