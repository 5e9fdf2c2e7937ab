package org.learnability.experiments.protocol;

import ai.djl.Model;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.learnability.api.weights.ClassWeights;
import org.learnability.experiments.mode.RunId;
import org.learnability.experiments.plan.ExperimentPlan;
import org.learnability.experiments.plan.PlanIdentity;
import org.learnability.experiments.record.ModelKey;
import org.learnability.experiments.record.RunRecord;
import org.learnability.experiments.record.WeakBaseline;
import org.learnability.experiments.weighting.WeightBound;
import org.learnability.experiments.weighting.Weighting;
import org.learnability.runner.pipeline.Session;
import org.learnability.runner.pipeline.SplitLogits;
import org.learnability.runner.pipeline.ValidationHook;

/**
 * The baseline of one seed on a {@link Session}, shared by every experiment that builds on it (a
 * grid's experiments that differ only in their weighting): trained at most once, its record given
 * to every experiment's ledger, its model and logits kept while the seed lasts for the modes that
 * derive from it.
 */
final class SeedBaseline implements AutoCloseable {

    private final ExperimentPlan plan;
    private final int seed;
    private final Session session;
    private final Optional<byte[]> parameters;
    private final PlanIdentity identity;
    private RunRecord record;
    private Session.Fitted fitted;
    private Model model;
    private SplitLogits logits;
    private boolean weakChecked;
    private final Set<RunLedger> ledgersCounted =
            Collections.newSetFromMap(new IdentityHashMap<>());

    /**
     * Creates the baseline of a seed.
     *
     * @param plan a plan of the experiments (they share the data, model and training settings)
     * @param seed the seed
     * @param session the seed's data
     * @param parameters the recorded baseline's parameters, if at hand, so that its logits need no
     *     training
     * @param identity the digests of the plan's options, which its record carries
     */
    SeedBaseline(
            ExperimentPlan plan,
            int seed,
            Session session,
            Optional<byte[]> parameters,
            PlanIdentity identity) {
        this.plan = plan;
        this.seed = seed;
        this.session = session;
        this.parameters = parameters;
        this.identity = identity;
    }

    /**
     * Returns the baseline for an experiment's ledger: the one it holds; else the one trained for
     * another experiment of the seed, appended to it; else trained now and appended.
     *
     * @param run the baseline's id under the experiment's first mode
     * @param key its key
     * @param ledger the experiment's ledger
     * @param progress where progress lines go
     * @return the baseline's record
     */
    RunRecord record(RunId run, ModelKey key, RunLedger ledger, RunProgress progress) {
        RunRecord recorded = ledger.baseline(key).orElse(null);
        boolean counted = !ledgersCounted.add(ledger);
        if (recorded != null) {
            if (!counted) {
                progress.skip(recorded.key()); // once per experiment: the modes ask again
            }
            record = record == null ? recorded : record;
            warnIfWeak(recorded, progress);
            return recorded;
        }
        if (record == null) {
            progress.start(key.toString(), "training " + what());
            fitted = fit();
            model = fitted.model();
            record =
                    RunRecords.of(
                            plan,
                            seed,
                            session,
                            key,
                            run,
                            Weighting.PAPER,
                            session.score(fitted),
                            null,
                            null,
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
        return fitted == null ? Optional.empty() : Optional.of(session.parameters(fitted.model()));
    }

    /**
     * Returns the baseline's logits on the validation and the test split, training the recorded
     * baseline again if its model is not at hand (training is deterministic for a seed).
     *
     * @param progress where a note goes when the baseline is trained again
     * @return the logits
     */
    SplitLogits logits(RunProgress progress) {
        if (logits == null) {
            if (model == null && parameters.isPresent()) {
                model = session.load(plan.baseline().model(), parameters.get());
            } else if (model == null) {
                progress.note(
                        "training the recorded baseline again for its logits (deterministic; its"
                                + " record stays)");
                fitted = fit();
                model = fitted.model();
            }
            logits = session.logits(model);
        }
        return logits;
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
        return String.format(
                Locale.ROOT,
                "%s for %d epochs on %d images (%s %s, %s)",
                plan.baseline().model().name(),
                plan.baseline().epochs(),
                session.splits().training().size(),
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

    /** Frees the logits and the model. */
    @Override
    public void close() {
        if (logits != null) {
            logits.close();
        }
        if (model != null) {
            model.close(); // the fitted model's, or the loaded one
        }
    }
}
