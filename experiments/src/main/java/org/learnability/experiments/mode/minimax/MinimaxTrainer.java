package org.learnability.experiments.mode.minimax;

import ai.djl.Model;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.learnability.api.scores.ClassScores;
import org.learnability.api.weights.ClassWeights;
import org.learnability.experiments.mode.SeedModels;
import org.learnability.experiments.record.ModeParts;
import org.learnability.experiments.weighting.Weighting;
import org.learnability.runner.data.Split;
import org.learnability.runner.pipeline.Session;
import org.learnability.runner.pipeline.TrainedModel;
import org.learnability.runner.training.EpochHook;
import org.learnability.runner.training.SplitSource;
import org.learnability.runner.training.TrainingResult;
import org.learnability.runner.training.TrainingSettings;

/**
 * Trains one {@code minimax} model ({@link MinimaxMode}) with the baseline's recipe on the training
 * split less its held-out share ({@link HeldOut}); after every {@code --minimax-interval} epochs
 * the model's errors on the held-out images move the {@link ClassAdversary} one step and give the
 * next epochs' weights. The validation split is scored after every epoch, as for any trained model,
 * and never gives weights; the test split is scored once, at the end.
 */
final class MinimaxTrainer {

    private final SeedModels seed;
    private final Session session;
    private final MinimaxSettings settings;

    MinimaxTrainer(SeedModels seed) {
        this.seed = seed;
        this.session = seed.session();
        this.settings = seed.settings(MinimaxSettings.class);
    }

    /** What it trains, for progress lines. */
    String what() {
        return String.format(
                Locale.ROOT,
                "minimax training: %s less %s of it held out, weights updated every %d epoch(s)"
                        + " (eta %s, uniform mix %s)",
                seed.describe(seed.plan().epochs()),
                Weighting.number(settings.minimaxHoldout()),
                settings.minimaxInterval(),
                Weighting.number(settings.minimaxEta()),
                Weighting.number(settings.minimaxMix()));
    }

    /**
     * Trains the model and scores it.
     *
     * @return the model made, for the record
     */
    SeedModels.Made train() {
        Split training = session.splits().training();
        int[][] positions =
                HeldOut.positions(
                        training.labels(),
                        seed.classNames(),
                        settings.minimaxHoldout(),
                        seed.seed());
        Split trainedOn = training.select(positions[0]);
        Split heldOut = training.select(positions[1]).requireUsableForWeights();
        int epochs = seed.plan().epochs();
        TrainingSettings recipe = seed.weighted(seed.training().withEpochs(epochs));
        List<Minimax.Update> updates = new ArrayList<>();
        List<ClassScores> epochValidation = new ArrayList<>();
        EpochHook hook =
                new EpochHook() {
                    private ClassAdversary adversary =
                            ClassAdversary.uniform(seed.classNames().size());

                    @Override
                    public ClassWeights afterEpoch(int epoch, Model model, ClassWeights current) {
                        if (session.spec().options().everyEpochValidation()) {
                            epochValidation.add(
                                    session.score(
                                            model,
                                            SplitSource.inOrder(session.splits().validation())));
                        }
                        if (!settings.updatesAfter(epoch, epochs)) {
                            return current;
                        }
                        List<Double> errors =
                                session.score(model, SplitSource.inOrder(heldOut)).tpr().stream()
                                        .map(tpr -> 1 - tpr)
                                        .toList();
                        updates.add(new Minimax.Update(epoch, errors));
                        adversary = adversary.step(errors, settings.minimaxEta());
                        return adversary.weights(settings.minimaxMix());
                    }
                };
        byte[] parameters;
        TrainedModel trained;
        try (Model model = session.newModel(seed.architecture())) {
            TrainingResult result =
                    session.train(
                            model,
                            session.trainingBatches(trainedOn, recipe.seed(), seed.augment()),
                            ClassWeights.uniform(seed.classNames().size()),
                            recipe,
                            hook);
            trained =
                    session.score(
                            new Session.Fitted(model, result.withEpochValidation(epochValidation)));
            parameters = session.parameters(model);
        }
        Minimax part = new Minimax(settings, trainedOn.size(), heldOut.size(), updates);
        return new SeedModels.Made(
                trained,
                ModeParts.NONE.with(Minimax.PART, part),
                seed.baseline().scores().validation(),
                trainedOn.size(),
                () -> session.load(seed.architecture(), parameters));
    }
}
