package org.learnability.experiments.mode.minimax;

import java.util.List;
import java.util.Optional;
import org.learnability.experiments.mode.ExperimentMode;
import org.learnability.experiments.mode.PlanView;
import org.learnability.experiments.mode.RunId;
import org.learnability.experiments.mode.SeedModels;
import org.learnability.experiments.record.RunRecord;
import org.learnability.experiments.weighting.Weighting;

/**
 * {@value #NAME}, online class-minimax training: group DRO over the classes (Sagawa et al.,
 * "Distributionally Robust Neural Networks for Group Shifts", ICLR 2020, Algorithm 1), with the
 * adversary's step taken on errors measured on held-out data and its weights mixed with uniform
 * ones, as in class-focused online learning (Pethick et al., 2023). One model per seed, trained
 * from scratch for the baseline's epochs with the baseline's recipe, on the training split less a
 * held-out share H of every class ({@link HeldOut}); the first epoch is unweighted, and after every
 * N epochs (not after the last) the model's per-class errors on the held-out images move the
 * adversary ({@link ClassAdversary}):
 *
 * <pre>
 *   err_c = 1 - TPR_c(held-out),   q_c &lt;- q_c exp(eta err_c) / sum_k q_k exp(eta err_k)
 *   w_c   = (1 - A) C q_c + A      (the next N epochs' class weights, on the loss or the sampling)
 * </pre>
 *
 * <p>The validation split stays unseen by the weights, for choosing the arm; the test split is
 * never read but to score the final model. No strategy's weights are used: the mode makes one model
 * per seed whatever the plan's strategies, recorded under strategy {@code uniform} (where its
 * weights start), and its control is the baseline, which trains as long. The plan's smoothing
 * ({@code --weight-ema}, {@code --uniform-mix}) and bound ({@code --max-weight-ratio}) do not act
 * on it: its own mix A bounds every weight below by A. Its options: {@link MinimaxSettings}, their
 * defaults measured on Fashion-MNIST.
 */
public final class MinimaxMode implements ExperimentMode {

    /** The name on command lines and in records. */
    public static final String NAME = "minimax";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "one model whose class weights follow an exponentiated-gradient step on its errors"
                + " on a held-out share of the training split, mixed with uniform weights";
    }

    @Override
    public Optional<Class<? extends Record>> settings() {
        return Optional.of(MinimaxSettings.class);
    }

    /**
     * The plan's loss family and weight application (with {@code --loss margin} the weights are
     * logit margins, measured stronger than loss weights on Fashion-MNIST); its own mix instead of
     * smoothing or bound.
     */
    @Override
    public Weighting weighting(Weighting plan) {
        Weighting paper = Weighting.PAPER;
        return new Weighting(
                plan.loss(),
                plan.apply(),
                paper.weightEma(),
                paper.uniformMix(),
                paper.warmupEpochs(),
                paper.maxWeightRatio(),
                paper.scoreEpochs());
    }

    /** Its interval must leave an epoch to train with updated weights. */
    @Override
    public void check(PlanView plan) {
        int interval = plan.settings(MinimaxSettings.class).minimaxInterval();
        if (interval >= plan.epochs()) {
            throw new IllegalArgumentException(
                    "--minimax-interval is "
                            + interval
                            + "; expected a whole number below --epochs ("
                            + plan.epochs()
                            + "), so that some epoch trains with updated weights");
        }
    }

    @Override
    public String variant(PlanView plan) {
        return plan.settings(MinimaxSettings.class).variant();
    }

    /** One model per seed, whatever the strategies. */
    @Override
    public List<RunId> weightedRuns(List<String> strategies, int rounds) {
        return List.of(new RunId(NAME, RunRecord.BASELINE, 1));
    }

    /**
     * One training from scratch, without the baseline's model or scores: its compute-matched
     * control is the baseline itself.
     */
    @Override
    public double totalTrainings(PlanView plan) {
        return 1;
    }

    @Override
    public void run(SeedModels seed) {
        MinimaxTrainer trainer = new MinimaxTrainer(seed);
        seed.made(weightedRuns(List.of(), 1).get(0), trainer.what(), trainer::train);
    }
}
