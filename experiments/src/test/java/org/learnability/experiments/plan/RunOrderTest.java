package org.learnability.experiments.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learnability.experiments.app.Application;
import org.learnability.experiments.mode.ExperimentMode;
import org.learnability.runner.engine.ThreadRequest;

/**
 * A mode whose models another mode also records runs after it: an ensemble of 2 with a strategy
 * trains the paper's second-stage model and records it under the {@code two-stage} key, so {@code
 * two-stage} (and what derives from it) runs after {@code ensemble} and finds it, instead of
 * training it first and the ensemble fitting it again; the modes' order in keys stays the plan's.
 */
class RunOrderTest {

    @TempDir Path dir;

    private ExperimentPlan plan(String mode, Object ensembleSize) throws IOException {
        Files.createDirectories(dir.resolve("plugins"));
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("dataset", "fashion-mnist");
        options.put("model", "cnn-small");
        options.put("mode", mode);
        options.put("strategies", List.of("mean-ratio:gamma=2"));
        options.put("ensembleSize", ensembleSize);
        return Application.start(dir.resolve("plugins"), ThreadRequest.DEFAULTS, List.of())
                .get(PlanCodec.class)
                .resolve(Preset.PAPER, PlanOptions.of(options, "the command line"));
    }

    private static List<String> names(List<ExperimentMode> modes) {
        return modes.stream().map(ExperimentMode::name).toList();
    }

    @Test
    void twoStageRunsAfterTheEnsembleThatRecordsItsModel() throws IOException {
        ExperimentPlan plan = plan("posthoc,two-stage,ensemble,ensemble+posthoc", 2);
        assertEquals(
                List.of("posthoc", "ensemble", "ensemble+posthoc", "two-stage"),
                names(plan.runOrder()));
        assertEquals(
                List.of("posthoc", "two-stage", "ensemble", "ensemble+posthoc"),
                names(plan.arms().mode()),
                "the plan's own order is kept");
    }

    @Test
    void anEnsembleWithOptionsOfItsOwnRecordsNoTwoStageModelAndLeavesTheOrder() throws IOException {
        // at K = 3 the ensemble's key names ensemble-size=3, its members keys of their own
        ExperimentPlan plan = plan("two-stage,ensemble", 3);
        assertEquals(List.of("two-stage", "ensemble"), names(plan.runOrder()));
    }
}
