package org.learnability.experiments.mode.ensemble;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.learnability.api.weights.ClassWeights;
import org.learnability.experiments.mode.RunId;
import org.learnability.experiments.mode.SeedModels;
import org.learnability.experiments.mode.TwoStageMode;
import org.learnability.experiments.record.ModeParts;
import org.learnability.experiments.record.RunArm;
import org.learnability.experiments.record.RunRecord;
import org.learnability.runner.data.Seeds;
import org.learnability.runner.pipeline.SplitLogits;
import org.learnability.runner.pipeline.TrainedModel;
import org.learnability.runner.pipeline.ValidationHook;
import org.learnability.runner.training.TrainingResult;

/**
 * The K members of one ensemble model of a seed: the baseline, then K - 1 models of its recipe
 * trained from scratch with the run's weights (every weight 1 for the plain ensemble, else the
 * strategy's from the baseline's validation scores). The i-th model of a recipe trains with the
 * seed {@code s_0 = seed}, {@code s_i = mix(seed, 7, i)} (it fixes the initialisation, batch order
 * and augmentation); the plain ensemble's 0th is the baseline itself, so its members take {@code
 * s_1 .. s_{K-1}}, and a strategy's take {@code s_0 .. s_{K-2}}: its 0th is the source paper's
 * second-stage model, recorded under the {@code two-stage} arm's key (shared with that arm) where
 * the ensemble's key has no option of its own. Each member is a model of its own, recorded, saved
 * as baselines are and loaded again when another arm or a later run needs it.
 */
final class EnsembleMembers {

    /** The mode name the members other than the baseline and the two-stage model are keyed by. */
    static final String MEMBER = EnsembleMode.NAME + RunArm.MEMBER_SUFFIX;

    /** The name of a member's part in its record: the seed it trained with. */
    static final String PART = "ensembleMember";

    /** The stream of {@link Seeds#mix} members' seeds come from. */
    private static final long STREAM = 7;

    /**
     * A member's own part of its record.
     *
     * @param trainingSeed the seed of its initialisation, batch order and augmentation
     */
    record Member(int trainingSeed) {}

    private final SeedModels seed;
    private final List<RunId> runs = new ArrayList<>();
    private final List<Supplier<SeedModels.Training>> trainings = new ArrayList<>();

    /**
     * The members of one of the ensemble's runs.
     *
     * @param seed the seed
     * @param run the ensemble's run: its strategy
     * @param weights the weights its added members train with
     * @param size K
     * @param ownVariant whether the ensemble's key names options of its own
     */
    EnsembleMembers(
            SeedModels seed, RunId run, ClassWeights weights, int size, boolean ownVariant) {
        this.seed = seed;
        boolean plain = run.strategy().equals(RunRecord.BASELINE);
        runs.add(new RunId(run.mode(), RunRecord.BASELINE, 0));
        trainings.add(() -> null);
        for (int position = 1; position < size; position++) {
            int index = plain ? position : position - 1;
            int trainingSeed = trainingSeed(seed.seed(), index);
            boolean secondStage = index == 0 && !ownVariant;
            runs.add(new RunId(secondStage ? TwoStageMode.NAME : MEMBER, run.strategy(), position));
            ModeParts part =
                    index == 0
                            ? ModeParts.NONE
                            : ModeParts.NONE.with(PART, new Member(trainingSeed));
            trainings.add(() -> training(weights, trainingSeed, part));
        }
    }

    /**
     * Returns the seed the i-th model of a recipe trains with.
     *
     * @param seed the run's seed
     * @param index i
     * @return the seed for 0, else a non-negative seed mixed from it and i
     */
    static int trainingSeed(int seed, int index) {
        return index == 0 ? seed : (int) (Seeds.mix(seed, STREAM, index) >>> 33);
    }

    private SeedModels.Training training(ClassWeights weights, int trainingSeed, ModeParts part) {
        int epochs = seed.plan().epochs();
        return new SeedModels.Training(
                Optional.empty(),
                weights,
                seed.training().withSeed(trainingSeed),
                epochs,
                0,
                ValidationHook.NONE,
                part,
                "training " + seed.describe(epochs) + " with seed " + trainingSeed);
    }

    /**
     * The members' combination on the validation and the test split, with their records.
     *
     * @param records the members' records, the baseline's first
     * @param validation the mean probabilities on the validation split
     * @param validationLabels its labels
     * @param test the mean probabilities on the test split
     * @param testLabels its labels
     */
    record Combined(
            List<RunRecord> records,
            double[][] validation,
            int[] validationLabels,
            double[][] test,
            int[] testLabels) {

        /** The ensemble's scores on both splits and its cost, the sum of its members'. */
        TrainedModel model(ClassWeights weights, int trainSize) {
            List<String> names = records.get(0).provenance().classNames();
            long images = records.stream().mapToLong(RunRecord::trainedImages).sum();
            double seconds = records.stream().mapToDouble(r -> r.cost().wallSeconds()).sum();
            return new TrainedModel(
                    new TrainingResult(
                            Collections.nCopies((int) (images / trainSize), 0.0),
                            List.of(weights),
                            seconds,
                            images / Math.max(seconds, 1e-9),
                            List.of()),
                    MeanSoftmax.score(validation, validationLabels, names),
                    MeanSoftmax.score(test, testLabels, names));
        }

        /** What the ensemble's record says of its members. */
        EnsemblePart part() {
            return new EnsemblePart(records.size(), records.stream().map(RunRecord::key).toList());
        }
    }

    /**
     * Combines the members: each one's softmax on both splits (trained, and recorded, first where
     * it is not recorded), averaged.
     *
     * @return the combination
     */
    Combined combine() {
        List<RunRecord> records = new ArrayList<>();
        List<double[][]> validation = new ArrayList<>();
        List<double[][]> test = new ArrayList<>();
        int[][] labels = new int[2][];
        for (int m = 0; m < runs.size(); m++) {
            seed.withLogits(
                    runs.get(m),
                    trainings.get(m),
                    (record, logits) -> {
                        int classes = record.provenance().classNames().size();
                        records.add(record);
                        validation.add(
                                MeanSoftmax.softmax(logits.validation().toFloatArray(), classes));
                        test.add(MeanSoftmax.softmax(logits.test().toFloatArray(), classes));
                        labels[0] = logits.validation().labels();
                        labels[1] = logits.test().labels();
                        return record;
                    });
        }
        return new Combined(
                records,
                MeanSoftmax.mean(validation),
                labels[0],
                MeanSoftmax.mean(test),
                labels[1]);
    }

    /**
     * Hands the combination's log-probabilities, as logits on the baseline's samples, to {@code
     * use}: what post-hoc offsets are added to.
     *
     * @param combined the combination
     * @param use what is made of them
     * @param <T> what it makes
     * @return what it made
     */
    <T> T withLogLogits(Combined combined, BiFunction<RunRecord, SplitLogits, T> use) {
        return seed.withLogits(
                runs.get(0),
                trainings.get(0),
                (baseline, logits) -> {
                    try (SplitLogits log =
                            new SplitLogits(
                                    logits.validation()
                                            .withValues(MeanSoftmax.log(combined.validation())),
                                    logits.test().withValues(MeanSoftmax.log(combined.test())))) {
                        return use.apply(baseline, log);
                    }
                });
    }
}
