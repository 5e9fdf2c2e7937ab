package org.learnability.experiments.protocol;

import ai.djl.Model;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.learnability.api.strategy.WeightStrategy;
import org.learnability.api.weights.ClassWeights;
import org.learnability.experiments.mode.Derived;
import org.learnability.experiments.mode.ExperimentMode;
import org.learnability.experiments.mode.PlanView;
import org.learnability.experiments.mode.RunId;
import org.learnability.experiments.mode.SeedModels;
import org.learnability.experiments.record.ModeParts;
import org.learnability.experiments.record.ModelKey;
import org.learnability.experiments.record.RunRecord;
import org.learnability.experiments.record.SavedModel;
import org.learnability.experiments.weighting.Weighting;
import org.learnability.runner.head.HeadFeatures;
import org.learnability.runner.model.ModelArchitecture;
import org.learnability.runner.pipeline.Session;
import org.learnability.runner.pipeline.SplitLogits;
import org.learnability.runner.pipeline.TrainedModel;
import org.learnability.runner.training.TrainingResult;
import org.learnability.runner.training.TrainingSettings;

/**
 * What one mode sees of an {@link ExperimentSeed}: the seed runner's primitives, each recording one
 * model under the mode's keys and weighting, and skipping a model the ledger holds.
 */
final class ModeModels implements SeedModels {

    private final ExperimentSeed seed;
    private final ExperimentMode mode;
    private final Weighting weighting;

    ModeModels(ExperimentSeed seed, ExperimentMode mode) {
        this.seed = seed;
        this.mode = mode;
        this.weighting = seed.plan.arms().weighting(mode);
    }

    @Override
    public PlanView plan() {
        return seed.plan.view();
    }

    @Override
    public TrainingSettings training() {
        return seed.plan.baseline().training(seed.seed);
    }

    @Override
    public ModelArchitecture architecture() {
        return seed.plan.baseline().model();
    }

    @Override
    public boolean augment() {
        return seed.plan.baseline().augment();
    }

    @Override
    public <S extends Record> S settings(Class<S> group) {
        return seed.plan.arms().settings(group);
    }

    @Override
    public Weighting weighting() {
        return weighting;
    }

    @Override
    public int seed() {
        return seed.seed;
    }

    @Override
    public List<String> classNames() {
        return seed.session.classNames();
    }

    @Override
    public Map<String, WeightStrategy> strategies() {
        return seed.strategies;
    }

    @Override
    public Session session() {
        return seed.session;
    }

    @Override
    public RunRecord baseline() {
        return seed.baseline();
    }

    @Override
    public byte[] baselineParameters() {
        return seed.baseline.parameters(seed.progress);
    }

    @Override
    public HeadFeatures baselineFeatures(boolean training) {
        return seed.baseline.features(training, seed.progress);
    }

    @Override
    public Optional<RunRecord> recorded(RunId run) {
        return seed.ledger.get(seed.key(run, seed.mode(run)));
    }

    @Override
    public String describe(int epochs) {
        return seed.baseline.what(epochs);
    }

    @Override
    public void note(String note) {
        seed.progress.note(note);
    }

    @Override
    public TrainingSettings weighted(TrainingSettings settings) {
        return seed.weighted(settings, weighting);
    }

    @Override
    public RunRecord trained(RunId run, Supplier<Training> training) {
        ModelKey key = seed.key(run, mode);
        Optional<RunRecord> recorded = seed.skipped(key);
        return recorded.isPresent()
                ? recorded.get()
                : train(key, run, training.get(), false, (r, m) -> {});
    }

    @Override
    public <T> T withLogits(
            RunId run, Supplier<Training> training, BiFunction<RunRecord, SplitLogits, T> use) {
        if (run.isBaseline()) {
            RunRecord baseline = seed.baseline();
            return use.apply(baseline, seed.baseline.logits(seed.progress));
        }
        ModelKey key = seed.key(run, mode);
        Optional<RunRecord> recorded = seed.ledger.get(key);
        if (recorded.isEmpty()) {
            List<T> made = new ArrayList<>(1);
            train(
                    key,
                    run,
                    training.get(),
                    true,
                    (record, model) -> {
                        try (SplitLogits logits = seed.session.logits(model)) {
                            made.add(use.apply(record, logits));
                        }
                    });
            return made.get(0);
        }
        try (Model model = seed.recordedModel(recorded.get(), () -> fit(training.get()));
                SplitLogits logits = seed.session.logits(model)) {
            return use.apply(recorded.get(), logits);
        }
    }

    /**
     * Trains, scores, saves (as the run saves baselines, with {@code asBaseline}) and records a
     * model, and hands its record and the model to {@code use} before the model is closed.
     */
    private RunRecord train(
            ModelKey key,
            RunId run,
            Training t,
            boolean asBaseline,
            BiConsumer<RunRecord, Model> use) {
        RunRecord baseline = seed.baseline();
        seed.progress.start(key.toString(), t.what());
        try (Session.Fitted fitted = seed.fit(t, weighting)) {
            TrainedModel trained = seed.session.score(fitted);
            SavedModel saved =
                    seed.store.saves(asBaseline)
                            ? seed.store.save(key, seed.session, fitted.model())
                            : null;
            seed.keepIfDerivedFrom(mode, key, fitted.model());
            RunRecord record =
                    seed.record(
                            key,
                            run,
                            weighting,
                            new RunRecords.Outcome(
                                    trained,
                                    t.part(),
                                    baseline.scores().validation(),
                                    seed.session.splits().training().size(),
                                    saved));
            use.accept(record, fitted.model());
            return record;
        }
    }

    @Override
    public Model fit(Training training) {
        return seed.fit(training, weighting).model();
    }

    @Override
    public RunRecord made(RunId run, String what, Supplier<Made> make) {
        ModelKey key = seed.key(run, mode);
        Optional<RunRecord> recorded = seed.skipped(key);
        if (recorded.isPresent()) {
            return recorded.get();
        }
        seed.baseline();
        seed.progress.start(key.toString(), what);
        Made made = make.get();
        SavedModel saved = null;
        if (made.open() != null && (seed.store.saves(false) || seed.isSource(mode))) {
            try (Model model = made.open().get()) {
                saved = save(key, model);
                seed.keepIfDerivedFrom(mode, key, model);
            }
        }
        return seed.record(
                key,
                run,
                weighting,
                new RunRecords.Outcome(
                        made.model(),
                        made.part(),
                        made.baselineValidation(),
                        made.trainedOn(),
                        saved));
    }

    @Override
    public RunRecord derived(
            RunId run, ClassWeights weights, RunId source, Function<SplitLogits, Derived> derive) {
        ModelKey key = seed.key(run, mode);
        Optional<RunRecord> recorded = seed.skipped(key);
        if (recorded.isPresent()) {
            return recorded.get();
        }
        RunRecord from = source.isBaseline() ? null : source(key, source);
        RunRecord baseline = seed.baseline();
        long start = System.nanoTime();
        Derived result;
        ModeParts parts;
        if (from == null) {
            seed.progress.start(
                    key.toString(), "adjusting the baseline's logits (" + mode.name() + ")");
            result = derive.apply(seed.baseline.logits(seed.progress));
            parts = result.part();
        } else {
            seed.progress.start(
                    key.toString(),
                    "adjusting the logits of " + from.key() + " (" + mode.name() + ")");
            result = seed.derive(from, derive);
            parts = from.parts().with(result.part());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        TrainedModel model =
                new TrainedModel(
                        new TrainingResult(List.of(), List.of(weights), seconds, 0, List.of()),
                        result.validation(),
                        result.test());
        return seed.record(
                key,
                run,
                weighting,
                new RunRecords.Outcome(
                        model,
                        parts,
                        from == null
                                ? baseline.scores().validation()
                                : seed.mode(source).baselineValidation(baseline, from),
                        0,
                        null));
    }

    /** The recorded source of a derived model. */
    private RunRecord source(ModelKey key, RunId source) {
        return recorded(source)
                .orElseThrow(
                        () ->
                                new IllegalStateException(
                                        key + " derives from " + source + ", not recorded"));
    }

    private SavedModel save(ModelKey key, Model model) {
        return seed.store.saves(false) ? seed.store.save(key, seed.session, model) : null;
    }
}
