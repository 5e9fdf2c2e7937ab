package org.learnability.experiments.protocol;

import ai.djl.Model;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.learnability.api.scores.ClassScores;
import org.learnability.api.strategy.WeightStrategy;
import org.learnability.api.weights.ClassWeights;
import org.learnability.experiments.mode.Derived;
import org.learnability.experiments.mode.ExperimentMode;
import org.learnability.experiments.mode.HeadChoice;
import org.learnability.experiments.mode.RunId;
import org.learnability.experiments.mode.SeedRun;
import org.learnability.experiments.plan.ExperimentPlan;
import org.learnability.experiments.plan.PlanIdentity;
import org.learnability.experiments.record.Finetune;
import org.learnability.experiments.record.Head;
import org.learnability.experiments.record.HeadRetraining;
import org.learnability.experiments.record.ModelKey;
import org.learnability.experiments.record.RunRecord;
import org.learnability.experiments.record.SavedModel;
import org.learnability.experiments.record.SplitScores;
import org.learnability.experiments.weighting.Weighting;
import org.learnability.runner.head.HeadFeatures;
import org.learnability.runner.head.HeadParameters;
import org.learnability.runner.head.HeadSplit;
import org.learnability.runner.loss.LabelSmoothing;
import org.learnability.runner.loss.LossChoice;
import org.learnability.runner.pipeline.Session;
import org.learnability.runner.pipeline.SplitLogits;
import org.learnability.runner.pipeline.TrainedModel;
import org.learnability.runner.pipeline.ValidationHook;
import org.learnability.runner.scoring.Logits;
import org.learnability.runner.training.Averaging;
import org.learnability.runner.training.BatchSource;
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
            SavedModel saved,
            Head head) {
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
                        saved,
                        head);
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

    /**
     * The validation images a re-trained head does not train on, by position: the second of the
     * validation split's seeded halves when it trains on the first, else all of them.
     */
    private int[] unseen(HeadRetraining head) {
        return head.headData() == HeadRetraining.Data.HOLDOUT
                ? session.splits().validation().halves(seed)[1]
                : IntStream.range(0, session.splits().validation().size()).toArray();
    }

    /**
     * Re-trains the baseline's final dense layer on its features: for every L2 of the grid, up to
     * the plan's epochs from the chosen start, each epoch a candidate scored on the unseen
     * validation images; the {@link HeadChoice} among them, scored on those images and the test
     * split.
     */
    private HeadOutcome retrainHead(
            Function<ClassScores, ClassWeights> weightsFrom,
            Weighting weighting,
            HeadRetraining head) {
        long start = System.nanoTime();
        boolean onTraining = head.headData() == HeadRetraining.Data.TRAIN;
        HeadFeatures features = baseline.features(onTraining, progress);
        int[] unseen = unseen(head);
        HeadFeatures.Part part =
                onTraining ? HeadFeatures.Part.TRAINING : HeadFeatures.Part.VALIDATION;
        int[] rows =
                onTraining
                        ? IntStream.range(0, session.splits().training().size()).toArray()
                        : session.splits().validation().halves(seed)[0];
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
            BatchSource source = features.rows(part, rows, seed);
            TrainingSettings base = plan.baseline().training(seed);
            for (double l2 : HeadRetraining.L2_GRID) {
                TrainingSettings settings =
                        base.withAveraging(Averaging.NONE)
                                .withEpochs(head.headEpochs())
                                .withSchedule(TrainingSettings.Schedule.CONSTANT, Warmup.NONE)
                                .withOptimizer(
                                        TrainingSettings.Optimizer.ADAM,
                                        head.headLr(),
                                        base.momentum(),
                                        l2)
                                .withLabelSmoothing(LabelSmoothing.NONE)
                                .withWeighting(loss, weighting.apply());
                TrainingResult result =
                        session.trainHead(
                                from,
                                source,
                                weights,
                                settings,
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
                        candidates, baselineUnseen.accuracy(), plan.arms().maxAccuracyDrop());
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
        return new HeadOutcome(
                trained,
                chosen.head(),
                new Head(
                        head,
                        chosen.l2(),
                        chosen.epochs(),
                        rows.length,
                        unseen.length,
                        SplitScores.of(baselineUnseen)));
    }

    /** A head's scores on the unseen validation images. */
    private ClassScores unseenScores(HeadFeatures features, HeadParameters head, int[] unseen) {
        try (Logits all = features.logits(HeadFeatures.Part.VALIDATION, head);
                Logits some = all.select(unseen)) {
            return some.score(new double[session.classNames().size()]);
        }
    }

    /** The baseline's model with another final dense layer, open; the caller closes it. */
    private Model withHead(HeadParameters head) {
        Model model = session.load(plan.baseline().model(), baseline.parameters(progress));
        try {
            head.writeTo(
                    HeadSplit.of(model.getBlock(), plan.baseline().model().name()).head(),
                    model.getNDManager());
            return model;
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /**
     * A re-trained head: the model's training and scores, its layer, and what the record says of
     * it.
     */
    private record HeadOutcome(TrainedModel trained, HeadParameters layer, Head head) {}

    /** What a head re-training trains, for progress lines. */
    private String retraining(HeadRetraining head) {
        return String.format(
                Locale.ROOT,
                "re-training the baseline's head on %s: up to %d epochs for each L2 at a rate of %s",
                head.headData() == HeadRetraining.Data.HOLDOUT
                        ? "half the validation split"
                        : "the training split",
                head.headEpochs(),
                Weighting.number(head.headLr()));
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
                return derive(source, model, derive);
            }
        }
        ModelStore.Loading loading = store.load(source, session, plan.baseline().model());
        if (loading instanceof ModelStore.Loaded loaded) {
            progress.note("its source's model loaded from " + loaded.path());
            try (Model model = loaded.model()) {
                return derive(source, model, derive);
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
        if (source.parts().has(Head.PART)) {
            progress.note(
                    "re-training the head of "
                            + source.key()
                            + " again for its logits (deterministic; its record stays)");
            HeadOutcome again =
                    retrainHead(
                            unseenScores -> source.weightsUsed(),
                            source.arm().weighting(),
                            source.parts().get(Head.PART, Head.class).orElseThrow().retraining());
            try (Model model = withHead(again.layer())) {
                return derive(source, model, derive);
            }
        }
        if (!source.parts().has(Finetune.PART)) {
            throw new IllegalStateException(
                    "cannot make "
                            + source.key()
                            + " again: only fine-tunes and heads are made again");
        }
        progress.note(
                "fine-tuning "
                        + source.key()
                        + " again for its logits (deterministic; its record stays)");
        try (Session.Fitted fitted =
                tune(
                        source.weightsUsed(),
                        source.arm().weighting(),
                        source.parts().get(Finetune.PART, Finetune.class).orElseThrow())) {
            return derive(source, fitted.model(), derive);
        }
    }

    /**
     * Derives from a model's logits: on the validation images a re-trained head did not train on,
     * where the source is one, else on the whole validation split; and on the test split.
     */
    private Derived derive(RunRecord source, Model model, Function<SplitLogits, Derived> derive) {
        try (SplitLogits logits = session.logits(model)) {
            if (!source.parts().has(Head.PART)) {
                return derive.apply(logits);
            }
            try (Logits unseen =
                    logits.validation()
                            .select(
                                    unseen(
                                            source.parts()
                                                    .get(Head.PART, Head.class)
                                                    .orElseThrow()
                                                    .retraining()))) {
                return derive.apply(new SplitLogits(unseen, logits.test()));
            }
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
            return record(key, run, weighting, trained, null, null, saved, null);
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
            return record(key, run, weighting, trained, null, finetune, saved, null);
        }

        @Override
        public RunRecord headRetrained(RunId run, Function<ClassScores, ClassWeights> weights) {
            ModelKey key = key(run, mode);
            Optional<RunRecord> recorded = skipped(key);
            if (recorded.isPresent()) {
                return recorded.get();
            }
            baseline();
            HeadRetraining head = plan.arms().head();
            progress.start(key.toString(), retraining(head));
            HeadOutcome outcome = retrainHead(weights, weighting, head);
            SavedModel saved = null;
            boolean keep =
                    plan.arms().mode().stream()
                            .anyMatch(m -> m.source().equals(Optional.of(mode.name())));
            if (store.saves(false) || keep) {
                try (Model model = withHead(outcome.layer())) {
                    saved = store.saves(false) ? store.save(key, session, model) : null;
                    if (keep) {
                        kept.put(key, session.parameters(model));
                    }
                }
            }
            return record(
                    key, run, weighting, outcome.trained(), null, null, saved, outcome.head());
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
                    key,
                    run,
                    weighting,
                    derivedModel(weights, result, start),
                    result,
                    null,
                    null,
                    null);
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
                    from.parts().get(Finetune.PART, Finetune.class).orElse(null),
                    null,
                    from.parts().get(Head.PART, Head.class).orElse(null));
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
