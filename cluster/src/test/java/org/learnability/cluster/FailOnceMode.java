package org.learnability.cluster;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.TaskContext;
import org.learnability.api.strategy.WeightStrategy;
import org.learnability.api.weights.ClassWeights;
import org.learnability.experiments.mode.ExperimentMode;
import org.learnability.experiments.mode.RunId;
import org.learnability.experiments.mode.SeedModels;
import org.learnability.experiments.record.RunRecord;
import org.learnability.runner.pipeline.ValidationHook;

/**
 * A test's mode: two-stage under another name, whose first Spark attempt of seed 1 fails on purpose
 * after it has trained, so that the retried attempt must not record anything twice.
 */
final class FailOnceMode implements ExperimentMode {

    /** The mode's name. */
    static final String NAME = "fail-once";

    /** How often it has failed on purpose, in this JVM. */
    static final AtomicInteger FAILURES = new AtomicInteger();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "two-stage whose first attempt of seed 1 fails (a test's toy)";
    }

    @Override
    public List<RunId> weightedRuns(List<String> strategies, int rounds) {
        return strategies.stream().map(s -> new RunId(NAME, s, 1)).toList();
    }

    @Override
    public void run(SeedModels seed) {
        RunRecord baseline = seed.baseline();
        ClassWeights uniform = ClassWeights.uniform(seed.classNames().size());
        for (Map.Entry<String, WeightStrategy> entry : seed.strategies().entrySet()) {
            ClassWeights weights =
                    entry.getValue()
                            .weights(
                                    baseline.scores().validation().toClassScores(seed.classNames()),
                                    uniform);
            seed.model(new RunId(NAME, entry.getKey(), 1), weights, ValidationHook.NONE);
        }
        TaskContext task = TaskContext.get();
        if (seed.seed() == 1 && task != null && task.attemptNumber() == 0) {
            FAILURES.incrementAndGet();
            throw new IllegalStateException("the first attempt of seed 1 fails on purpose");
        }
    }
}
