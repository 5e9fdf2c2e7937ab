package org.learnability.experiments.protocol;

import ai.djl.Model;
import java.util.function.Supplier;
import org.learnability.experiments.plan.ExperimentPlan;
import org.learnability.experiments.record.RunRecord;
import org.learnability.experiments.record.SplitScores;
import org.learnability.runner.pipeline.Session;
import org.learnability.runner.pipeline.TrainedModel;

/**
 * The model of a baseline recorded before: loaded from its saved file, or trained again
 * (deterministic for a seed). The one progress line of the baseline says which; a missing or
 * damaged file is one warning, and a model trained again that does not score as recorded another. A
 * model trained again that scores as recorded is saved where the store saves baselines: its damaged
 * file repaired, or, where it was never saved (a run with {@code --save-models none}), its record
 * appended again naming the new file (the last line of a key counts), so that the next run loads
 * it.
 */
final class RecordedBaseline {

    private RecordedBaseline() {}

    /**
     * Returns the model.
     *
     * @param recorded the baseline's record
     * @param store the experiment's saved models
     * @param ledger the experiment's ledger, which a newly saved model's record is appended to
     * @param session the seed's data
     * @param plan the plan, whose architecture the model has
     * @param progress where the lines go
     * @param what what training it again trains, for the progress line
     * @param fit trains it again
     * @return the model, open
     */
    static Model model(
            RunRecord recorded,
            ModelStore store,
            RunLedger ledger,
            Session session,
            ExperimentPlan plan,
            RunProgress progress,
            String what,
            Supplier<Session.Fitted> fit) {
        String key = recorded.key();
        ModelStore.Loading loading = store.load(recorded, session, plan.baseline().model());
        if (loading instanceof ModelStore.Loaded loaded) {
            progress.recorded(key, "its model loaded from " + loaded.path());
            return loaded.model();
        }
        if (loading instanceof ModelStore.Damaged damaged) {
            progress.warn(
                    key
                            + ": its saved model "
                            + damaged.path()
                            + " "
                            + damaged.why()
                            + "; training it again (its record stays)");
            progress.recorded(
                    key,
                    "its saved model is "
                            + (damaged.why().equals("is missing") ? "missing" : "damaged")
                            + ": training it again for its model, "
                            + what);
        } else {
            progress.recorded(key, "its model was not saved: training it again for it, " + what);
        }
        Session.Fitted fitted = fit.get();
        TrainedModel again = session.score(fitted);
        if (!SplitScores.of(again.validation())
                        .confusionMatrix()
                        .equals(recorded.scores().validation().confusionMatrix())
                || !SplitScores.of(again.test())
                        .confusionMatrix()
                        .equals(recorded.scores().test().confusionMatrix())) {
            progress.warn(
                    key
                            + ": trained again, it does not score as recorded (another engine"
                            + " version or device?); the models built on it now build on the one"
                            + " trained again");
        } else if (recorded.savedModel() != null && store.saves(true)) {
            store.repair(recorded, session, fitted.model());
        } else if (store.saves(true)) {
            ledger.append(
                    recorded.withSavedModel(
                            store.save(recorded.modelKey(), session, fitted.model())));
        }
        return fitted.model();
    }
}
