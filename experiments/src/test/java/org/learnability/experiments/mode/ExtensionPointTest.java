package org.learnability.experiments.mode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.learnability.experiments.testing.RunsJsonl.records;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.inject.AbstractModule;
import com.google.inject.Module;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learnability.api.weights.ClassWeights;
import org.learnability.experiments.app.ModeModule;
import org.learnability.experiments.testing.CliFixture;
import org.learnability.experiments.testing.CliRun;
import org.learnability.experiments.testing.OneEngineTest;
import org.learnability.runner.pipeline.ValidationHook;

/**
 * A mode is one class and one registration line: a toy mode, registered from test code only, is
 * listed by the help and the errors and runs end to end like a built-in one.
 */
@OneEngineTest
class ExtensionPointTest {

    /** Trains every strategy's model with all weights 1: the baseline again, under another key. */
    static final class UniformAgainMode implements ExperimentMode {
        @Override
        public String name() {
            return "uniform-again";
        }

        @Override
        public String description() {
            return "the baseline trained again for every strategy (a test's toy)";
        }

        @Override
        public List<RunId> weightedRuns(List<String> strategies, int rounds) {
            return strategies.stream().map(s -> new RunId(name(), s, 1)).toList();
        }

        @Override
        public void run(SeedModels seed) {
            seed.baseline();
            for (String strategy : seed.strategies().keySet()) {
                seed.model(
                        new RunId(name(), strategy, 1),
                        ClassWeights.uniform(seed.classNames().size()),
                        ValidationHook.NONE);
            }
        }
    }

    private static final Module TOY =
            new AbstractModule() {
                @Override
                protected void configure() {
                    ModeModule.modes(binder())
                            .addBinding("uniform-again")
                            .to(UniformAgainMode.class);
                }
            };

    @TempDir Path dir;

    private final CliFixture cli = CliFixture.in(() -> dir);

    private final String engine = System.getProperty("ai.djl.default_engine", "PyTorch");

    @Test
    void aModeRegisteredFromTestCodeIsListedAndRuns() throws IOException {
        CliRun help = CliRun.with(List.of(TOY), "run", "--help");
        assertEquals(0, help.exitCode(), help.err());
        assertTrue(
                help.out()
                        .replaceAll("\\s+", " ")
                        .contains(
                                "two-stage, iterative, dynamic, posthoc, finetune,"
                                        + " finetune+posthoc, head, head+posthoc, ensemble,"
                                        + " ensemble+posthoc, minimax, uniform-again"),
                help.out());
        CliRun unknown =
                CliRun.with(
                        List.of(TOY),
                        "run",
                        "--mode",
                        "nope",
                        "--out",
                        dir.resolve("x").toString());
        assertEquals(
                "error: unknown mode 'nope'; expected one of two-stage, iterative, dynamic,"
                        + " posthoc, finetune, finetune+posthoc, head, head+posthoc, ensemble,"
                        + " ensemble+posthoc, minimax, uniform-again\n",
                unknown.err());

        Path out = dir.resolve("out");
        CliRun run =
                CliRun.with(
                        List.of(TOY),
                        cli.args(
                                "--mode",
                                "uniform-again",
                                "--strategies",
                                "mean-ratio:gamma=2",
                                "--out",
                                out.toString()));
        assertEquals(0, run.exitCode(), run.err());
        List<JsonObject> records = records(out);
        assertEquals(2, records.size());
        assertEquals(
                engine + "/1/uniform-again/uniform/0", records.get(0).get("key").getAsString());
        JsonObject again = records.get(1);
        assertEquals(
                engine + "/1/uniform-again/mean-ratio:gamma=2/1", again.get("key").getAsString());
        assertEquals("uniform-again", again.getAsJsonObject("arm").get("mode").getAsString());
        // same seed, same weights: the same model as the baseline, to the last count
        assertEquals(
                records.get(0).getAsJsonObject("scores").get("test"),
                again.getAsJsonObject("scores").get("test"));
        assertEquals(
                records.get(0).getAsJsonObject("scores").get("validation"),
                again.getAsJsonObject("scores").get("validation"));
        assertTrue(Files.exists(out.resolve("report.md")));
        assertEquals(
                "uniform-again",
                JsonParser.parseString(Files.readString(out.resolve("plan.json")))
                        .getAsJsonObject()
                        .get("mode")
                        .getAsString());
    }
}
