package org.learnability.experiments.protocol;

import ai.djl.Model;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.learnability.api.strategy.WeightStrategy;
import org.learnability.api.weights.ClassWeights;
import org.learnability.experiments.mode.Derived;
import org.learnability.experiments.mode.ExperimentMode;
import org.learnability.experiments.mode.RunId;
import org.learnability.experiments.mode.SeedRun;
import org.learnability.experiments.plan.ExperimentPlan;
import org.learnability.experiments.plan.PlanIdentity;
import org.learnability.experiments.record.Finetune;
import org.learnability.experiments.record.ModelKey;
import org.learnability.experiments.record.RunRecord;
import org.learnability.experiments.record.SavedModel;
import org.learnability.experiments.weighting.Weighting;
import org.learnability.runner.loss.LossChoice;
import org.learnability.runner.pipeline.Session;
import org.learnability.runner.pipeline.SplitLogits;
import org.learnability.runner.pipeline.TrainedModel;
import org.learnability.runner.pipeline.ValidationHook;
import org.learnability.runner.training.Averaging;
import org.learnability.runner.training.TrainingResult;
import org.learnability.runner.training.TrainingSettings;
import org.learnability.runner.training.Warmup;

/**
 * One experiment's seed on a {@link Session}: trains, derives, scores and records one model at a
 * time into the experiment's ledger, skipping the models it already holds, saving them into its
 * {@link ModelStore} as the run asks, with the seed's {@link SeedBaseline}; each of the plan's
 * modes sees it as a {@link SeedRun}.
 */
final class SessionSeedRun {

    private final ExperimentPlan plan;
    private final int seed;
    private final Session session;
    private final Map<String, WeightStrategy> strategies;
    private final LossChoice loss;
    private final PlanIdentity identity;
    private final RunLedger ledger;
    private final ModelStore store;
    private final RunProgress progress;
    private final SeedBaseline baseline;
    private final boolean needsBaselineModel;

    /** The parameters of models trained here that a later mode derives from, by key. */
    private final Map<ModelKey, byte[]> kept = new HashMap<>();

    SessionSeedRun(
            ExperimentPlan plan,
            int seed,
            Session session,
            Map<String, WeightStrategy> strategies,
            LossChoice loss,
            PlanIdentity identity,
            RunLedger ledger,
            ModelStore store,
            RunProgress progress,
            SeedBaseline baseline) {
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
        this.needsBaselineModel =
                plan.arms().mode().stream()
                        .filter(ExperimentMode::usesBaselineModel)
                        .anyMatch(
                                m ->
                                        m
                                                .weightedRuns(
                                                        plan.arms().strategies(),
                                                        plan.arms().rounds())
                                                .stream()
                                                .anyMatch(r -> ledger.get(key(r, m)).isEmpty()));
    }

    /** Runs every mode of the plan, in order. */
    void run() {
        for (ExperimentMode mode : plan.arms().mode()) {
            mode.run(new ModeRun(mode));
        }
    }

    private String engine() {
        return session.engine().getEngineName();
    }

    private RunRecord baseline() {
        return baseline.record(
                RunId.baseline(plan.arms().mode().get(0)),
                baselineKey(),
                ledger,
                store,
                needsBaselineModel,
                progress);
    }

    private ModelKey baselineKey() {
        return ModelKeys.baseline(engine(), seed, plan);
    }

    private ModelKey key(RunId run, ExperimentMode mode) {
        return ModelKeys.of(engine(), seed, plan, run, mode);
    }

    /** The plan's mode of a run. */
    private ExperimentMode mode(RunId run) {
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

    /** Appends a model's record to the ledger and returns it. */
    private RunRecord record(
            ModelKey key,
            RunId run,
            Weighting weighting,
            TrainedModel model,
            Derived derived,
            Finetune finetune,
            SavedModel saved) {
        RunRecord record =
                RunRecords.of(
                        plan,
                        seed,
                        session,
                        key,
                        run,
                        weighting,
                        model,
                        derived == null ? null : derived.posthoc(),
                        ledger.baseline(baselineKey()).orElseThrow(),
                        identity,
                        finetune,
                        saved);
        ledger.append(record);
        progress.finish(record);
        return record;
    }

    /**
     * Fine-tunes the baseline: its parameters trained {@code finetune.epochs()} more epochs with
     * the weights, a fresh optimizer at the fine-tune's constant rate, no averaging; with 0 epochs,
     * the baseline itself.
     */
    private Session.Fitted tune(ClassWeights weights, Weighting weighting, Finetune finetune) {
        byte[] start = baseline.parameters(progress);
        if (finetune.epochs() == 0) {
            return new Session.Fitted(
                    session.load(plan.baseline().model(), start),
                    new TrainingResult(List.of(), List.of(weights), 0, 0, List.of()));
        }
        TrainingSettings base = plan.baseline().training(seed);
        TrainingSettings settings =
                base.withAveraging(Averaging.NONE)
                        .withEpochs(finetune.epochs())
                        .withSchedule(TrainingSettings.Schedule.CONSTANT, Warmup.NONE)
                        .withOptimizer(
                                base.optimizer(),
                                finetune.learningRate(),
                                base.momentum(),
                                base.weightDecay())
                        .withWeighting(loss, weighting.apply());
        return session.fit(
                plan.baseline().model(),
                start,
                weights,
                settings,
                plan.baseline().augment(),
                plan.baseline().epochs(),
                ValidationHook.NONE);
    }

    /** What a fine-tune trains, for progress lines. */
    private String tuning(Finetune finetune) {
        return String.format(
                Locale.ROOT,
                "fine-tuning the baseline: %s at a rate of %s",
                baseline.what(finetune.epochs()),
                Weighting.number(finetune.learningRate()));
    }

    /**
     * Derives from the logits of a recorded model of the seed that is not the baseline: its
     * parameters kept here, else its saved file, else made again by fine-tuning (one warning where
     * a saved file is missing or damaged). The model stays open while its logits are used.
     */
    private Derived derive(RunRecord source, Function<SplitLogits, Derived> derive) {
        byte[] parameters = kept.get(source.modelKey());
        if (parameters != null) {
            try (Model model = session.load(plan.baseline().model(), parameters)) {
                return derive(model, derive);
            }
        }
        ModelStore.Loading loading = store.load(source, session, plan.baseline().model());
        if (loading instanceof ModelStore.Loaded loaded) {
            progress.note("its source's model loaded from " + loaded.path());
            try (Model model = loaded.model()) {
                return derive(model, derive);
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
        if (source.finetune() == null) {
            throw new IllegalStateException(
                    "cannot make " + source.key() + " again: only fine-tunes are made again");
        }
        progress.note(
                "fine-tuning "
                        + source.key()
                        + " again for its logits (deterministic; its record stays)");
        try (Session.Fitted fitted =
                tune(source.weightsUsed(), source.weighting(), source.finetune())) {
            return derive(fitted.model(), derive);
        }
    }

    private Derived derive(Model model, Function<SplitLogits, Derived> derive) {
        try (SplitLogits logits = session.logits(model)) {
            return derive.apply(logits);
        }
    }

    /** What a mode sees of the seed. */
    private final class ModeRun implements SeedRun {

        private final ExperimentMode mode;
        private final Weighting weighting;

        ModeRun(ExperimentMode mode) {
            this.mode = mode;
            this.weighting = plan.arms().weighting(mode);
        }

        @Override
        public Weighting weighting() {
            return weighting;
        }

        @Override
        public int rounds() {
            return plan.arms().rounds();
        }

        @Override
        public int epochs() {
            return plan.baseline().epochs();
        }

        @Override
        public double maxAccuracyDrop() {
            return plan.arms().maxAccuracyDrop();
        }

        @Override
        public int seed() {
            return seed;
        }

        @Override
        public List<String> classNames() {
            return session.classNames();
        }

        @Override
        public Map<String, WeightStrategy> strategies() {
            return strategies;
        }

        @Override
        public RunRecord baseline() {
            return SessionSeedRun.this.baseline();
        }

        @Override
        public Optional<RunRecord> recorded(RunId run) {
            return ledger.get(key(run, mode(run)));
        }

        private Optional<RunRecord> skipped(ModelKey key) {
            Optional<RunRecord> recorded = ledger.get(key);
            recorded.ifPresent(r -> progress.skip(r.key()));
            return recorded;
        }

        @Override
        public RunRecord model(RunId run, ClassWeights weights, ValidationHook hook) {
            ModelKey key = key(run, mode);
            Optional<RunRecord> recorded = skipped(key);
            if (recorded.isPresent()) {
                return recorded.get();
            }
            progress.start(key.toString(), "training " + baseline.what());
            TrainedModel trained;
            SavedModel saved;
            try (Session.Fitted fitted =
                    session.fit(
                            plan.baseline().model(),
                            weights,
                            plan.baseline().training(seed).withWeighting(loss, weighting.apply()),
                            plan.baseline().augment(),
                            hook)) {
                trained = session.score(fitted);
                saved = store.saves(false) ? store.save(key, session, fitted.model()) : null;
            }
            return record(key, run, weighting, trained, null, null, saved);
        }

        @Override
        public RunRecord finetuned(RunId run, ClassWeights weights) {
            ModelKey key = key(run, mode);
            Optional<RunRecord> recorded = skipped(key);
            if (recorded.isPresent()) {
                return recorded.get();
            }
            baseline();
            Finetune finetune = plan.arms().finetune();
            progress.start(key.toString(), tuning(finetune));
            TrainedModel trained;
            SavedModel saved;
            try (Session.Fitted fitted = tune(weights, weighting, finetune)) {
                trained = session.score(fitted);
                saved = store.saves(false) ? store.save(key, session, fitted.model()) : null;
                if (plan.arms().mode().stream()
                        .anyMatch(m -> m.source().equals(Optional.of(mode.name())))) {
                    kept.put(key, session.parameters(fitted.model()));
                }
            }
            return record(key, run, weighting, trained, null, finetune, saved);
        }

        @Override
        public RunRecord derived(
                RunId run, ClassWeights weights, Function<SplitLogits, Derived> derive) {
            ModelKey key = key(run, mode);
            Optional<RunRecord> recorded = skipped(key);
            if (recorded.isPresent()) {
                return recorded.get();
            }
            baseline();
            progress.start(key.toString(), "adjusting the baseline's logits (" + mode.name() + ")");
            long start = System.nanoTime();
            Derived result = derive.apply(baseline.logits(progress));
            return record(
                    key, run, weighting, derivedModel(weights, result, start), result, null, null);
        }

        @Override
        public RunRecord derived(
                RunId run,
                ClassWeights weights,
                RunId source,
                Function<SplitLogits, Derived> derive) {
            if (source.isBaseline()) {
                return derived(run, weights, derive);
            }
            ModelKey key = key(run, mode);
            Optional<RunRecord> recorded = skipped(key);
            if (recorded.isPresent()) {
                return recorded.get();
            }
            RunRecord from =
                    recorded(source)
                            .orElseThrow(
                                    () ->
                                            new IllegalStateException(
                                                    key
                                                            + " derives from "
                                                            + source
                                                            + ", not recorded"));
            baseline();
            progress.start(
                    key.toString(),
                    "adjusting the logits of " + from.key() + " (" + mode.name() + ")");
            long start = System.nanoTime();
            Derived result = SessionSeedRun.this.derive(from, derive);
            return record(
                    key,
                    run,
                    weighting,
                    derivedModel(weights, result, start),
                    result,
                    from.finetune(),
                    null);
        }

        private TrainedModel derivedModel(ClassWeights weights, Derived result, long start) {
            double seconds = (System.nanoTime() - start) / 1e9;
            return new TrainedModel(
                    new TrainingResult(List.of(), List.of(weights), seconds, 0, List.of()),
                    result.validation(),
                    result.test());
        }
    }
}
