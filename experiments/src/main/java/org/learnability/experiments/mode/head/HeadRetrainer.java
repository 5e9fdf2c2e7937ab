package org.learnability.experiments.mode.head;

import ai.djl.Model;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.learnability.api.scores.ClassScores;
import org.learnability.api.weights.ClassWeights;
import org.learnability.experiments.io.Counted;
import org.learnability.experiments.mode.SeedModels;
import org.learnability.experiments.record.Head;
import org.learnability.experiments.record.HeadRetraining;
import org.learnability.experiments.record.ModeParts;
import org.learnability.experiments.record.SplitScores;
import org.learnability.experiments.weighting.Weighting;
import org.learnability.runner.head.HeadFeatures;
import org.learnability.runner.head.HeadParameters;
import org.learnability.runner.head.HeadSplit;
import org.learnability.runner.loss.LabelSmoothing;
import org.learnability.runner.pipeline.Session;
import org.learnability.runner.pipeline.TrainedModel;
import org.learnability.runner.scoring.Logits;
import org.learnability.runner.training.Averaging;
import org.learnability.runner.training.BatchSource;
import org.learnability.runner.training.TrainingResult;
import org.learnability.runner.training.TrainingSettings;
import org.learnability.runner.training.Warmup;

/**
 * Re-trains the final dense layer of a seed's baseline on its features ({@link HeadMode}): for
 * every L2 of {@link HeadRetraining#L2_GRID}, up to the plan's epochs from the chosen start, each
 * epoch a candidate scored on the validation images the layer does not train on; the {@link
 * HeadChoice} among them, scored on those images and on the test split.
 */
final class HeadRetrainer {

    private final SeedModels seed;
    private final Session session;
    private final HeadRetraining head;

    HeadRetrainer(SeedModels seed, HeadRetraining head) {
        this.seed = seed;
        this.session = seed.session();
        this.head = head;
    }

    /**
     * The validation images the head does not train on, by position: the second of the validation
     * split's seeded halves when it trains on the first, else all of them.
     */
    int[] unseen() {
        return head.headData() == HeadRetraining.Data.HOLDOUT
                ? session.splits().validation().halves(seed.seed())[1]
                : IntStream.range(0, session.splits().validation().size()).toArray();
    }

    /** What a head re-training trains, for progress lines. */
    String what() {
        return String.format(
                Locale.ROOT,
                "re-training the baseline's head on %s: up to %s for each L2 at a rate of %s",
                head.headData() == HeadRetraining.Data.HOLDOUT
                        ? "half the validation split"
                        : "the training split",
                Counted.of(head.headEpochs(), "epoch"),
                Weighting.number(head.headLr()));
    }

    /**
     * Re-trains the layer with the weights the baseline's scores on the unseen images give.
     *
     * @param weightsFrom the weights, from those scores
     * @return the model made, for the record
     */
    SeedModels.Made retrain(Function<ClassScores, ClassWeights> weightsFrom) {
        long start = System.nanoTime();
        boolean onTraining = head.headData() == HeadRetraining.Data.TRAIN;
        HeadFeatures features = seed.baselineFeatures(onTraining);
        int[] unseen = unseen();
        int[] rows =
                onTraining
                        ? IntStream.range(0, session.splits().training().size()).toArray()
                        : session.splits().validation().halves(seed.seed())[0];
        ClassScores baselineUnseen = unseenScores(features, features.own(), unseen);
        ClassWeights weights = weightsFrom.apply(baselineUnseen);
        HeadParameters from =
                head.headInit() == HeadRetraining.Init.BASELINE
                        ? features.own()
                        : HeadParameters.zero(session.classNames().size(), features.width());
        List<HeadChoice.Candidate<HeadParameters>> candidates = new ArrayList<>();
        candidates.add(
                new HeadChoice.Candidate<>(0, 0, unseenScores(features, from, unseen), from));
        List<Double> losses = new ArrayList<>();
        if (head.headEpochs() > 0) {
            BatchSource source =
                    features.rows(
                            onTraining ? HeadFeatures.Part.TRAINING : HeadFeatures.Part.VALIDATION,
                            rows,
                            seed.seed());
            for (double l2 : HeadRetraining.L2_GRID) {
                TrainingResult result =
                        session.trainHead(
                                from,
                                source,
                                weights,
                                settings(l2),
                                (epoch, trained) ->
                                        candidates.add(
                                                new HeadChoice.Candidate<>(
                                                        l2,
                                                        epoch + 1,
                                                        unseenScores(features, trained, unseen),
                                                        trained)));
                losses.addAll(result.epochLosses());
            }
        }
        HeadChoice.Candidate<HeadParameters> chosen =
                HeadChoice.choose(
                        candidates, baselineUnseen.accuracy(), seed.plan().maxAccuracyDrop());
        ClassScores test;
        try (Logits logits = features.logits(HeadFeatures.Part.TEST, chosen.head())) {
            test = logits.score(new double[session.classNames().size()]);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long images = (long) losses.size() * rows.length;
        TrainedModel trained =
                new TrainedModel(
                        new TrainingResult(
                                losses,
                                List.of(weights),
                                seconds,
                                images / Math.max(seconds, 1e-9),
                                List.of()),
                        chosen.scores(),
                        test);
        SplitScores baseline = SplitScores.of(baselineUnseen);
        Head part =
                new Head(head, chosen.l2(), chosen.epochs(), rows.length, unseen.length, baseline);
        return new SeedModels.Made(
                trained,
                ModeParts.NONE.with(Head.PART, part),
                baseline,
                rows.length,
                () -> withHead(chosen.head()));
    }

    /** Adam at the head's rate with an L2, constant, no averaging or smoothing. */
    private TrainingSettings settings(double l2) {
        TrainingSettings base = seed.training();
        return seed.weighted(
                base.withAveraging(Averaging.NONE)
                        .withEpochs(head.headEpochs())
                        .withSchedule(TrainingSettings.Schedule.CONSTANT, Warmup.NONE)
                        .withOptimizer(
                                TrainingSettings.Optimizer.ADAM, head.headLr(), base.momentum(), l2)
                        .withLabelSmoothing(LabelSmoothing.NONE));
    }

    /** A head's scores on the unseen validation images. */
    private ClassScores unseenScores(HeadFeatures features, HeadParameters layer, int[] unseen) {
        try (Logits all = features.logits(HeadFeatures.Part.VALIDATION, layer);
                Logits some = all.select(unseen)) {
            return some.score(new double[session.classNames().size()]);
        }
    }

    /** The baseline's model with another final dense layer, open; the caller closes it. */
    private Model withHead(HeadParameters layer) {
        Model model = session.load(seed.architecture(), seed.baselineParameters());
        try {
            layer.writeTo(
                    HeadSplit.of(model.getBlock(), seed.architecture().name()).head(),
                    model.getNDManager());
            return model;
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }
}
