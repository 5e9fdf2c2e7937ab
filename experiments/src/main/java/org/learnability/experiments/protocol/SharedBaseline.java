package org.learnability.experiments.protocol;

import ai.djl.Model;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.learnability.api.weights.ClassWeights;
import org.learnability.experiments.io.Counted;
import org.learnability.experiments.mode.RunId;
import org.learnability.experiments.plan.ExperimentPlan;
import org.learnability.experiments.plan.PlanIdentity;
import org.learnability.experiments.record.ModeParts;
import org.learnability.experiments.record.ModelKey;
import org.learnability.experiments.record.RunRecord;
import org.learnability.experiments.record.SavedModel;
import org.learnability.experiments.record.WeakBaseline;
import org.learnability.experiments.weighting.WeightBound;
import org.learnability.experiments.weighting.Weighting;
import org.learnability.runner.head.HeadFeatures;
import org.learnability.runner.pipeline.Session;
import org.learnability.runner.pipeline.SplitLogits;
import org.learnability.runner.pipeline.TrainedModel;
import org.learnability.runner.pipeline.ValidationHook;

/**
 * The baseline of one seed on a {@link Session}, shared by every experiment that builds on it (a
 * grid's experiments that differ only in their weighting): trained at most once, its record given
 * to every experiment's ledger, its model, parameters and logits kept while the seed lasts for the
 * modes that build on it. A recorded baseline whose model a mode needs is loaded from its saved
 * file ({@link ModelStore}) or from the parameters a grid's driver sent; only if it has neither is
 * it trained again (deterministic for a seed), with one warning where a saved file was promised and
 * is missing or damaged, and a second where the model trained again does not score as recorded.
 */
final class SharedBaseline implements AutoCloseable {

    private final ExperimentPlan plan;
    private final int seed;
    private final Session session;
    private final Optional<byte[]> given;
    private final PlanIdentity identity;
    private RunRecord record;
    private Model model;
    private boolean trainedHere;
    private byte[] parameters;
    private SplitLogits logits;
    private HeadFeatures features;
    private boolean featuresOfTraining;
    private boolean weakChecked;
    private final Set<RunLedger> ledgersCounted =
            Collections.newSetFromMap(new IdentityHashMap<>());

    /**
     * Creates the baseline of a seed.
     *
     * @param plan a plan of the experiments (they share the data, model and training settings)
     * @param seed the seed
     * @param session the seed's data
     * @param given the recorded baseline's parameters, if a grid's driver sent them, so that what
     *     builds on its model needs no training
     * @param identity the digests of the plan's options, which its record carries
     */
    SharedBaseline(
            ExperimentPlan plan,
            int seed,
            Session session,
            Optional<byte[]> given,
            PlanIdentity identity) {
        this.plan = plan;
        this.seed = seed;
        this.session = session;
        this.given = given;
        this.identity = identity;
    }

    /**
     * Returns the baseline for an experiment's ledger: the one it holds; else the one trained for
     * another experiment of the seed, appended to it; else trained now, saved if the store saves
     * baselines, and appended. The first time an experiment asks, its progress line says what was
     * done; a recorded baseline whose model the experiment needs is loaded (or trained again) then.
     *
     * @param run the baseline's id under the experiment's first mode
     * @param key its key
     * @param ledger the experiment's ledger
     * @param store the experiment's saved models
     * @param needsModel whether a mode of the experiment will need the baseline's model
     * @param progress where progress lines go
     * @return the baseline's record
     */
    RunRecord record(
            RunId run,
            ModelKey key,
            RunLedger ledger,
            ModelStore store,
            boolean needsModel,
            RunProgress progress) {
        RunRecord recorded = ledger.baseline(key).orElse(null);
        boolean counted = !ledgersCounted.add(ledger);
        if (recorded != null) {
            record = record == null ? recorded : record;
            if (!counted) { // once per experiment: the modes ask again
                if (needsModel && model == null && given.isEmpty()) {
                    model =
                            RecordedBaseline.model(
                                    recorded, store, ledger, session, plan, progress, what(),
                                    this::fit);
                } else {
                    progress.skip(recorded.key());
                }
            }
            warnIfWeak(recorded, progress);
            return recorded;
        }
        if (record == null) {
            progress.start(key.toString(), "training " + what());
            Session.Fitted fitted = fit();
            model = fitted.model();
            trainedHere = true;
            TrainedModel scored = session.score(fitted);
            SavedModel saved = store.saves(true) ? store.save(key, session, model) : null;
            record =
                    RunRecords.of(
                            plan,
                            seed,
                            session,
                            key,
                            run,
                            Weighting.PAPER,
                            new RunRecords.Outcome(
                                    scored,
                                    ModeParts.NONE,
                                    null,
                                    session.splits().training().size(),
                                    saved),
                            identity);
        } else {
            progress.skip(record.key());
        }
        ledger.append(record);
        progress.finish(record);
        warnIfWeak(record, progress);
        return record;
    }

    /**
     * Returns the parameters of the baseline trained here.
     *
     * @return them, or empty if the baseline was recorded before and not trained here
     */
    Optional<byte[]> trainedParameters() {
        return trainedHere ? Optional.of(session.parameters(model)) : Optional.empty();
    }

    /**
     * Returns the baseline's parameters in DJL's format, for models that start from them.
     *
     * @param progress where a note goes when the baseline is trained again
     * @return the parameters (averaged, where the plan averages)
     */
    byte[] parameters(RunProgress progress) {
        if (parameters == null) {
            parameters =
                    model == null && given.isPresent()
                            ? given.get()
                            : session.parameters(model(progress));
        }
        return parameters;
    }

    /**
     * Returns the baseline's logits on the validation and the test split.
     *
     * @param progress where a note goes when the baseline is trained again
     * @return the logits
     */
    SplitLogits logits(RunProgress progress) {
        if (logits == null) {
            logits = session.logits(model(progress));
        }
        return logits;
    }

    /**
     * Returns the baseline's features (the layers before its head) on the validation and the test
     * split, and on the training split if asked, computed once.
     *
     * @param training whether the training split's are needed too
     * @param progress where a note goes when the baseline is trained again
     * @return the features, open as long as this
     */
    HeadFeatures features(boolean training, RunProgress progress) {
        if (features == null || (training && !featuresOfTraining)) {
            if (features != null) {
                features.close();
            }
            features = session.headFeatures(model(progress), plan.baseline().model(), training);
            featuresOfTraining = training;
        }
        return features;
    }

    /**
     * The baseline's model: trained or loaded here, or made from the parameters given, or as a last
     * resort trained again (training is deterministic for a seed).
     */
    private Model model(RunProgress progress) {
        if (model == null && given.isPresent()) {
            model = session.load(plan.baseline().model(), given.get());
        } else if (model == null) {
            progress.note(
                    "training the recorded baseline again for its model (deterministic; its"
                            + " record stays)");
            model = fit().model();
        }
        return model;
    }

    /**
     * Warns once, before any weighted model of the seed, when the baseline is too weak to weigh
     * from ({@link WeakBaseline}).
     */
    private void warnIfWeak(RunRecord baseline, RunProgress progress) {
        if (weakChecked) {
            return;
        }
        weakChecked = true;
        WeightBound bound = plan.arms().weighting().bound();
        WeakBaseline.of(baseline)
                .ifPresent(
                        weak ->
                                progress.warn(
                                        "the baseline of seed "
                                                + seed
                                                + " ("
                                                + engine()
                                                + ") is weak on the validation split ("
                                                + weak.reason()
                                                + "): weights from it will be extreme; train"
                                                + " longer (--epochs) or bound the weights"
                                                + (bound.bounds()
                                                        ? " more tightly (--max-weight-ratio, now "
                                                                + Weighting.number(bound.maxRatio())
                                                                + ")"
                                                        : " (--max-weight-ratio 2)")));
    }

    /** What a model of this seed trains, for progress lines. */
    String what() {
        return what(plan.baseline().epochs());
    }

    /**
     * What a model of this seed trains for a number of epochs, for progress lines.
     *
     * @param epochs the epochs
     * @return e.g. {@code cnn-small for 3 epochs on 200 images (PyTorch 2.7.1, cpu())}
     */
    String what(int epochs) {
        return String.format(
                Locale.ROOT,
                "%s for %s on %s (%s %s, %s)",
                plan.baseline().model().name(),
                Counted.of(epochs, "epoch"),
                Counted.of(
                        session.splits().training().size(),
                        plan.baseline().dataset().input().sample()),
                engine(),
                session.engine().getVersion(),
                session.device());
    }

    private String engine() {
        return session.engine().getEngineName();
    }

    private Session.Fitted fit() {
        return session.fit(
                plan.baseline().model(),
                ClassWeights.uniform(session.classNames().size()),
                plan.baseline().training(seed),
                plan.baseline().augment(),
                ValidationHook.NONE);
    }

    /** Frees the logits, the features and the model. */
    @Override
    public void close() {
        if (logits != null) {
            logits.close();
        }
        if (features != null) {
            features.close();
        }
        if (model != null) {
            model.close(); // the fitted model's, or the loaded one
        }
    }
}
