package org.learnability.experiments.protocol;

import ai.djl.Model;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.learnability.api.scores.ClassScores;
import org.learnability.api.strategy.WeightStrategy;
import org.learnability.api.weights.ClassWeights;
import org.learnability.experiments.mode.BaselineLogits;
import org.learnability.experiments.mode.Derived;
import org.learnability.experiments.mode.ExperimentMode;
import org.learnability.experiments.mode.RunId;
import org.learnability.experiments.mode.SeedRun;
import org.learnability.experiments.plan.ExperimentPlan;
import org.learnability.experiments.record.Posthoc;
import org.learnability.experiments.record.RunRecord;
import org.learnability.experiments.record.SplitScores;
import org.learnability.runner.pipeline.Session;
import org.learnability.runner.pipeline.TrainedModel;
import org.learnability.runner.training.EpochHook;
import org.learnability.runner.training.TrainingResult;
import org.learnability.runner.training.TrainingSettings;

/**
 * One seed on a {@link Session}: trains, derives, scores and records one model at a time, skipping
 * the models the ledger already holds, and shares the baseline (its record, and while the seed
 * lasts its model and logits) between the plan's modes, each of which sees it as a {@link SeedRun}.
 */
final class SessionSeedRun implements AutoCloseable {

    private final ExperimentPlan plan;
    private final int seed;
    private final Session session;
    private final Map<String, WeightStrategy> strategies;
    private final RunLedger ledger;
    private final RunProgress progress;
    private RunRecord baseline;
    private Session.Fitted baselineModel;
    private BaselineLogits baselineLogits;

    SessionSeedRun(
            ExperimentPlan plan,
            int seed,
            Session session,
            Map<String, WeightStrategy> strategies,
            RunLedger ledger,
            RunProgress progress) {
        this.plan = plan;
        this.seed = seed;
        this.session = session;
        this.strategies = strategies;
        this.ledger = ledger;
        this.progress = progress;
    }

    /** Runs every mode of the plan, in order. */
    void run() {
        for (ExperimentMode mode : plan.modes()) {
            mode.run(new ModeRun(mode));
        }
    }

    /** The key of a model: {@code engine/seed/mode/strategy[weighting]/round}. */
    static String key(String engine, int seed, RunId run, Weighting weighting) {
        return RunRecord.key(
                engine,
                seed,
                run.mode(),
                RunRecord.weighted(run.strategy(), weighting.variant()),
                run.round());
    }

    /** Frees the baseline's logits and model. */
    @Override
    public void close() {
        if (baselineLogits != null) {
            baselineLogits.validation().close();
            baselineLogits.test().close();
        }
        if (baselineModel != null) {
            baselineModel.close();
        }
    }

    private String engine() {
        return session.engine().getEngineName();
    }

    private RunRecord baseline() {
        if (baseline == null) {
            RunId run = RunId.baseline(plan.modes().get(0));
            String key = key(engine(), seed, run, Weighting.NONE);
            baseline = ledger.baseline(key, engine(), seed).orElse(null);
            if (baseline != null) {
                progress.skip(baseline.key());
            } else {
                progress.start(key, "training " + what());
                baselineModel = fitBaseline();
                TrainedModel trained = session.score(baselineModel);
                baseline = record(key, run, Weighting.NONE, trained, null);
            }
        }
        return baseline;
    }

    private Session.Fitted fitBaseline() {
        int classes = session.classNames().size();
        return session.fit(
                plan.model(),
                ClassWeights.uniform(classes),
                plan.baselineTraining(seed),
                plan.augment(),
                EpochHook.NONE);
    }

    private BaselineLogits baselineLogits() {
        if (baselineLogits == null) {
            baseline();
            if (baselineModel == null) {
                progress.note(
                        "training the recorded baseline again for its logits (deterministic; its"
                                + " record stays)");
                baselineModel = fitBaseline();
            }
            baselineLogits =
                    new BaselineLogits(
                            session.validationLogits(baselineModel.model()),
                            session.testLogits(baselineModel.model()));
        }
        return baselineLogits;
    }

    private String what() {
        return String.format(
                Locale.ROOT,
                "%s for %d epochs on %d images (%s %s, %s)",
                plan.model().name(),
                plan.training().epochs(),
                session.splits().training().size(),
                engine(),
                session.engine().getVersion(),
                session.device());
    }

    /** Appends the record of a model to the ledger and returns it. */
    private RunRecord record(
            String key, RunId run, Weighting weighting, TrainedModel model, Posthoc posthoc) {
        List<ClassWeights> epochWeights = model.training().epochWeights();
        RunRecord record =
                new RunRecord(
                        RunRecord.SCHEMA,
                        key,
                        plan.dataset().name(),
                        plan.model().name(),
                        engine(),
                        session.engine().getVersion(),
                        session.device().toString(),
                        seed,
                        run.mode(),
                        run.strategy(),
                        run.round(),
                        session.classNames(),
                        epochWeights.get(epochWeights.size() - 1).asList(),
                        epochWeights.stream().map(ClassWeights::asList).toList(),
                        SplitScores.of(model.validation()),
                        SplitScores.of(model.test()),
                        plan.training().epochs(),
                        session.splits().training().size(),
                        model.training().seconds(),
                        model.training().imagesPerSecond(),
                        Instant.now().toString(),
                        weighting.loss(),
                        weighting.apply(),
                        weighting.weightEma(),
                        weighting.uniformMix(),
                        weighting.warmupEpochs(),
                        posthoc);
        ledger.append(record);
        progress.finish(record);
        return record;
    }

    /** What a mode sees of the seed. */
    private final class ModeRun implements SeedRun {

        private final ExperimentMode mode;

        ModeRun(ExperimentMode mode) {
            this.mode = mode;
        }

        @Override
        public ExperimentPlan plan() {
            return plan;
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
        public RunRecord model(RunId run, ClassWeights weights, EpochHook hook) {
            Weighting weighting = Weighting.of(plan, mode);
            String key = key(engine(), seed, run, weighting);
            RunRecord recorded = ledger.get(key).orElse(null);
            if (recorded != null) {
                progress.skip(key);
                return recorded;
            }
            progress.start(key, "training " + what());
            TrainingSettings settings = plan.training(seed);
            TrainedModel trained =
                    session.trainAndScore(plan.model(), weights, settings, plan.augment(), hook);
            return record(key, run, weighting, trained, null);
        }

        @Override
        public RunRecord derived(
                RunId run, ClassWeights weights, Function<BaselineLogits, Derived> derive) {
            Weighting weighting = Weighting.of(plan, mode);
            String key = key(engine(), seed, run, weighting);
            RunRecord recorded = ledger.get(key).orElse(null);
            if (recorded != null) {
                progress.skip(key);
                return recorded;
            }
            progress.start(key, "adjusting the baseline's logits (" + mode.name() + ")");
            long start = System.nanoTime();
            Derived result = derive.apply(baselineLogits());
            double seconds = (System.nanoTime() - start) / 1e9;
            TrainedModel model =
                    new TrainedModel(
                            new TrainingResult(List.of(), List.of(weights), seconds, 0),
                            result.validation(),
                            result.test());
            return record(key, run, weighting, model, result.posthoc());
        }

        @Override
        public ClassScores scoreValidation(Model model) {
            return session.scoreValidation(model);
        }
    }
}
