package org.learnability.experiments.mode.head;

import ai.djl.Model;
import java.util.List;
import java.util.Optional;
import org.learnability.experiments.mode.ExperimentMode;
import org.learnability.experiments.mode.PlanView;
import org.learnability.experiments.mode.RunId;
import org.learnability.experiments.mode.SeedModels;
import org.learnability.experiments.mode.WeightedRounds;
import org.learnability.experiments.record.Head;
import org.learnability.experiments.record.HeadRetraining;
import org.learnability.experiments.record.RunRecord;
import org.learnability.experiments.record.SplitScores;
import org.learnability.runner.pipeline.SplitLogits;
import org.learnability.runner.scoring.Logits;

/**
 * {@value #NAME}, classifier re-training (Kang et al., "Decoupling Representation and Classifier
 * for Long-Tailed Recognition", ICLR 2020, cRT; on held-out data as in Kirichenko et al., "Last
 * Layer Re-Training is Sufficient for Robustness to Spurious Correlations", ICLR 2023, DFR): the
 * seed's baseline with its feature layers frozen and its final dense layer trained again with the
 * weighted loss ({@link HeadRetrainer}):
 *
 * <pre>
 *   f = features of M0 (computed once per split),   logits = W f + b
 *   W, b = argmin  sum_i w[y_i] l(W f_i + b, y_i) / sum_i w[y_i]  + l2 |W|^2   (Adam, E epochs)
 * </pre>
 *
 * on one stratified half of the validation split ({@code --head-data holdout}), with the weights
 * {@code w = W(s_B(M0), 1)} from the baseline's scores on the other half B, which alone gives the
 * arm's validation figures and its choices; or on the training split ({@code train}), B then being
 * the whole validation split. Every seed also re-trains with {@code uniform} weights, the control
 * that separates the weights' effect from the re-training's. With uniform weights, the baseline's
 * layer as start and 0 epochs it is the baseline.
 */
public final class HeadMode implements ExperimentMode {

    /** The name on command lines and in records. */
    public static final String NAME = "head";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "the baseline's final dense layer re-trained with the weights on held-out (or"
                + " training) features, beside the same with uniform weights";
    }

    @Override
    public Optional<Class<? extends Record>> settings() {
        return Optional.of(HeadSettings.class);
    }

    /** About one pass over the data: the features, once per seed. */
    @Override
    public double trainings(PlanView plan) {
        return 1.0 / plan.epochs();
    }

    /**
     * On {@code holdout}, the half it trains on holds {@code floor(v / 2)} of the {@code v =
     * valSize / C} validation images of each class: refused below 1.
     */
    @Override
    public void check(PlanView plan, List<String> classes) {
        if (plan.settings(HeadSettings.class).headData() != HeadRetraining.Data.HOLDOUT) {
            return;
        }
        int perClass = plan.valSize() / classes.size();
        if (perClass / 2 < 1) {
            throw new IllegalArgumentException(
                    "--val-size "
                            + plan.valSize()
                            + " leaves the head mode 0 images of each class to train on (half of "
                            + perClass
                            + " validation image"
                            + (perClass == 1 ? "" : "s")
                            + " per class); expected at least "
                            + 2 * classes.size()
                            + " (2 per class for "
                            + classes.size()
                            + " classes), or --head-data train");
        }
    }

    @Override
    public String variant(PlanView plan) {
        return plan.settings(HeadSettings.class).variant();
    }

    @Override
    public List<RunId> weightedRuns(List<String> strategies, int rounds) {
        return WeightedRounds.withControl(NAME, strategies);
    }

    @Override
    public void run(SeedModels seed) {
        seed.baseline();
        HeadRetrainer retrainer =
                new HeadRetrainer(seed, seed.settings(HeadSettings.class).retraining());
        for (RunId run : weightedRuns(List.copyOf(seed.strategies().keySet()), 1)) {
            seed.made(
                    run,
                    retrainer.what(),
                    () -> retrainer.retrain(unseen -> WeightedRounds.weights(seed, run, unseen)));
        }
    }

    @Override
    public Optional<Model> remake(SeedModels seed, RunRecord record) {
        seed.note(
                "re-training the head of "
                        + record.key()
                        + " again for its logits (deterministic; its record stays)");
        return Optional.of(
                new HeadRetrainer(seed, part(record).retraining())
                        .retrain(unseen -> record.weightsUsed())
                        .open()
                        .get());
    }

    /** On the validation images the layer did not train on, and the test split. */
    @Override
    public SplitLogits scoredOn(SeedModels seed, RunRecord record, SplitLogits logits) {
        Logits unseen =
                logits.validation()
                        .select(new HeadRetrainer(seed, part(record).retraining()).unseen());
        return new SplitLogits(unseen, logits.test());
    }

    @Override
    public SplitScores baselineValidation(RunRecord baseline, RunRecord record) {
        return part(record).baselineUnseen();
    }

    private static Head part(RunRecord record) {
        return record.parts().get(Head.PART, Head.class).orElseThrow();
    }
}
