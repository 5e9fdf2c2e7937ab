package org.learnability.experiments.protocol;

import ai.djl.Model;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.learnability.api.strategy.WeightStrategy;
import org.learnability.experiments.mode.Derived;
import org.learnability.experiments.mode.ExperimentMode;
import org.learnability.experiments.mode.RunId;
import org.learnability.experiments.mode.SeedModels;
import org.learnability.experiments.plan.ExperimentPlan;
import org.learnability.experiments.plan.PlanIdentity;
import org.learnability.experiments.record.ModelKey;
import org.learnability.experiments.record.RunRecord;
import org.learnability.experiments.weighting.Weighting;
import org.learnability.runner.loss.LossChoice;
import org.learnability.runner.pipeline.Session;
import org.learnability.runner.pipeline.SplitLogits;
import org.learnability.runner.training.TrainingResult;
import org.learnability.runner.training.TrainingSettings;

/**
 * One experiment on one seed: runs the plan's modes in turn, each through its own view of the seed
 * ({@link ModeModels}), then its compute-matched controls ({@link SharedControls}), and holds what
 * they share: the seed's {@link SharedBaseline}, the experiment's ledger and {@link ModelStore},
 * and the parameters of models a later mode derives from. It knows no mode: what a model is, how it
 * is made and what its record says are the modes'.
 */
final class ExperimentSeed {

    final ExperimentPlan plan;
    final int seed;
    final Session session;
    final Map<String, WeightStrategy> strategies;
    final RunLedger ledger;
    final ModelStore store;
    final RunProgress progress;
    final SharedBaseline baseline;
    private final SharedControls controls;
    private final LossChoice loss;
    private final PlanIdentity identity;
    private final boolean needsBaselineModel;

    /** The parameters of models made here that a later mode derives from, by key. */
    private final Map<ModelKey, byte[]> kept = new HashMap<>();

    ExperimentSeed(
            ExperimentPlan plan,
            int seed,
            Session session,
            Map<String, WeightStrategy> strategies,
            LossChoice loss,
            PlanIdentity identity,
            RunLedger ledger,
            ModelStore store,
            RunProgress progress,
            SharedBaseline baseline,
            SharedControls controls) {
        this.plan = plan;
        this.seed = seed;
        this.session = session;
        this.strategies = strategies;
        this.loss = loss;
        this.identity = identity;
        this.ledger = ledger;
        this.store = store;
        this.progress = progress;
        this.baseline = baseline;
        this.controls = controls;
        this.needsBaselineModel =
                plan.arms().mode().stream()
                        .filter(plan::buildsOnBaseline)
                        .anyMatch(
                                m ->
                                        m
                                                .weightedRuns(
                                                        plan.arms().strategies(),
                                                        plan.arms().rounds())
                                                .stream()
                                                .anyMatch(r -> ledger.get(key(r, m)).isEmpty()));
    }

    /**
     * Runs every mode of the plan in its run order ({@link ExperimentPlan#runOrder}), then the
     * compute-matched controls it trains.
     */
    void run() {
        for (ExperimentMode mode : plan.runOrder()) {
            mode.run(new ModeModels(this, mode));
        }
        plan.controls().forEach(c -> controls.record(this, c));
    }

    RunRecord baseline() {
        return baseline.record(
                RunId.baseline(plan.arms().mode().get(0)),
                baselineKey(),
                ledger,
                store,
                needsBaselineModel,
                progress);
    }

    private ModelKey baselineKey() {
        return ModelKeys.baseline(session.engine().getEngineName(), seed, plan);
    }

    ModelKey key(RunId run, ExperimentMode mode) {
        return ModelKeys.of(session.engine().getEngineName(), seed, plan, run, mode);
    }

    /** The plan's mode of a run. */
    ExperimentMode mode(RunId run) {
        return plan.arms().mode().stream()
                .filter(m -> m.name().equals(run.mode()))
                .findFirst()
                .orElseThrow(
                        () ->
                                new IllegalArgumentException(
                                        run.mode()
                                                + " is not a mode of "
                                                + plan.arms().modeNames()));
    }

    /** The recorded model of a key, with its progress line, if there is one. */
    Optional<RunRecord> skipped(ModelKey key) {
        Optional<RunRecord> recorded = ledger.get(key);
        recorded.ifPresent(r -> progress.skip(r.key()));
        return recorded;
    }

    /** Appends a model's record to the ledger and returns it. */
    RunRecord record(ModelKey key, RunId run, Weighting weighting, RunRecords.Outcome outcome) {
        RunRecord record =
                RunRecords.of(plan, seed, session, key, run, weighting, outcome, identity);
        ledger.append(record);
        progress.finish(record);
        return record;
    }

    /** Keeps a model's parameters if a later mode of the plan derives from its mode's models. */
    void keepIfDerivedFrom(ExperimentMode mode, ModelKey key, Model model) {
        if (isSource(mode)) {
            kept.put(key, session.parameters(model));
        }
    }

    /**
     * The model of a record, open, as a baseline's is had again: its parameters kept here, else
     * loaded from its saved file, else made {@code again} (deterministic for a seed), with one
     * warning where a saved file is missing or damaged.
     */
    Model recordedModel(RunRecord recorded, Supplier<Model> again) {
        byte[] parameters = kept.get(recorded.modelKey());
        if (parameters != null) {
            return session.load(plan.baseline().model(), parameters);
        }
        ModelStore.Loading loading = store.load(recorded, session, plan.baseline().model());
        if (loading instanceof ModelStore.Loaded loaded) {
            progress.recorded(recorded.key(), "its model loaded from " + loaded.path());
            return loaded.model();
        }
        if (loading instanceof ModelStore.Damaged damaged) {
            progress.warn(
                    recorded.key()
                            + ": its saved model "
                            + damaged.path()
                            + " "
                            + damaged.why()
                            + "; training it again (its record stays)");
        }
        progress.recorded(recorded.key(), "its model was not saved: training it again for it");
        return again.get();
    }

    /** Whether a later mode of the plan derives from this mode's models. */
    boolean isSource(ExperimentMode mode) {
        return plan.arms().mode().stream()
                .anyMatch(m -> m.source().equals(Optional.of(mode.name())));
    }

    /** The settings of a training, with the loss family and weight application of a weighting. */
    TrainingSettings weighted(TrainingSettings settings, Weighting weighting) {
        return settings.withWeighting(loss, weighting.apply());
    }

    /**
     * Trains a model: from scratch, or from given parameters ({@code from}; 0 epochs then gives
     * those parameters as they are).
     */
    Session.Fitted fit(SeedModels.Training t, Weighting weighting) {
        if (t.from().isPresent() && t.epochs() == 0) {
            return new Session.Fitted(
                    session.load(plan.baseline().model(), t.from().get()),
                    new TrainingResult(List.of(), List.of(t.weights()), 0, 0, List.of()));
        }
        TrainingSettings settings = weighted(t.settings().withEpochs(t.epochs()), weighting);
        if (t.from().isEmpty()) {
            return session.fit(
                    plan.baseline().model(),
                    t.weights(),
                    settings,
                    plan.baseline().augment(),
                    t.hook());
        }
        return session.fit(
                plan.baseline().model(),
                t.from().get(),
                t.weights(),
                settings,
                plan.baseline().augment(),
                t.firstEpoch(),
                t.hook());
    }

    /**
     * Derives from the logits of a recorded model of the seed that is not the baseline: its
     * parameters kept here, else its saved file, else made again by its mode (one warning where a
     * saved file is missing or damaged). The model stays open while its logits are used.
     */
    Derived derive(RunRecord source, Function<SplitLogits, Derived> derive) {
        ExperimentMode mode =
                mode(new RunId(source.arm().mode(), source.arm().strategy(), source.arm().round()));
        ModeModels view = new ModeModels(this, mode);
        byte[] parameters = kept.get(source.modelKey());
        if (parameters != null) {
            try (Model model = session.load(plan.baseline().model(), parameters)) {
                return derive(mode, view, source, model, derive);
            }
        }
        ModelStore.Loading loading = store.load(source, session, plan.baseline().model());
        if (loading instanceof ModelStore.Loaded loaded) {
            progress.note("its source's model loaded from " + loaded.path());
            try (Model model = loaded.model()) {
                return derive(mode, view, source, model, derive);
            }
        }
        if (loading instanceof ModelStore.Damaged damaged) {
            progress.warn(
                    source.key()
                            + ": its saved model "
                            + damaged.path()
                            + " "
                            + damaged.why()
                            + "; making it again (its record stays)");
        }
        try (Model model =
                mode.remake(view, source)
                        .orElseThrow(
                                () ->
                                        new IllegalStateException(
                                                "cannot make "
                                                        + source.key()
                                                        + " again: mode "
                                                        + mode.name()
                                                        + " does not make its models again"))) {
            return derive(mode, view, source, model, derive);
        }
    }

    /** Derives from a model's logits on the splits its mode scores it on. */
    private Derived derive(
            ExperimentMode mode,
            SeedModels view,
            RunRecord source,
            Model model,
            Function<SplitLogits, Derived> derive) {
        try (SplitLogits logits = session.logits(model)) {
            SplitLogits on = mode.scoredOn(view, source, logits);
            try {
                return derive.apply(on);
            } finally {
                if (on.validation() != logits.validation()) {
                    on.validation().close();
                }
            }
        }
    }
}
