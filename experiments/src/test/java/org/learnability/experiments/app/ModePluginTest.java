package org.learnability.experiments.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learnability.api.testing.PluginJars;
import org.learnability.experiments.mode.ExperimentMode;
import org.learnability.experiments.testing.CliRun;
import org.learnability.experiments.testing.OneEngineTest;
import org.learnability.experiments.testing.SmallRun;
import org.learnability.experiments.testing.SyntheticFashion;

/**
 * A mode from a plugin jar, as a third party ships one: a class compiled against the application's
 * jars, listed in the jar's {@code META-INF/services/org.learnability.experiments.mode.
 * ExperimentMode}, found in the plugins directory and run by name, with no rebuild; its own option,
 * declared once, is a command-line option, a {@code plan.json} key and part of its models' keys.
 */
@OneEngineTest
class ModePluginTest {

    private static final String MODE = "org.example.modes.TwiceMode";

    private static final String SETTINGS = "org.example.modes.TwiceSettings";

    /** The mode's own option, declared once, as a built-in mode declares its own. */
    private static final String SETTINGS_SOURCE =
            """
            package org.example.modes;

            import org.learnability.experiments.setting.Setting;

            public record TwiceSettings(
                    @Setting(order = 100, identity = false, label = "X", since = "1",
                            help = "The twice mode's scale of the weights' log.")
                    double twiceScale) {}
            """;

    /** Trains each strategy's weighted model from scratch, once: two-stage under another name. */
    private static final String SOURCE =
            """
            package org.example.modes;

            import java.util.List;
            import java.util.Optional;
            import org.learnability.api.weights.ClassWeights;
            import org.learnability.experiments.mode.ExperimentMode;
            import org.learnability.experiments.mode.RunId;
            import org.learnability.experiments.mode.SeedModels;
            import org.learnability.experiments.mode.PlanView;
            import org.learnability.runner.pipeline.ValidationHook;

            public final class TwiceMode implements ExperimentMode {
                public String name() { return "twice"; }
                public String description() { return "a plugin's mode"; }
                public Optional<Class<? extends Record>> settings() {
                    return Optional.of(TwiceSettings.class);
                }
                public String variant(PlanView plan) {
                    double scale = plan.settings(TwiceSettings.class).twiceScale();
                    return scale == 1 ? "" : "twice-scale=" + scale;
                }
                public List<RunId> weightedRuns(List<String> strategies, int rounds) {
                    return strategies.stream().map(s -> new RunId(name(), s, 1)).toList();
                }
                public void run(SeedModels seed) {
                    var baseline = seed.baseline();
                    var uniform = ClassWeights.uniform(seed.classNames().size());
                    seed.strategies().forEach((spec, strategy) -> seed.model(
                            new RunId(name(), spec, 1),
                            seed.weighting().weights(uniform,
                                    strategy.weights(baseline.validationScores(seed.weighting()),
                                            uniform)),
                            ValidationHook.NONE));
                }
            }
            """;

    @TempDir Path dir;

    @Test
    void aModeInAPluginJarIsFoundByNameAndRuns() throws IOException {
        Path plugins = Files.createDirectories(dir.resolve("mode-plugins"));
        PluginJars.jar(
                plugins.resolve("twice.jar"),
                PluginJars.compile(
                        Map.of(MODE, SOURCE, SETTINGS, SETTINGS_SOURCE),
                        System.getProperty("java.class.path")),
                List.of(MODE, SETTINGS),
                "META-INF/services/" + ExperimentMode.class.getName(),
                List.of(MODE));
        CliRun help = CliRun.of("run", "--help", "--plugins", plugins.toString());
        assertTrue(
                help.out().replaceAll("\\s+", " ").contains("--twice-scale=X The twice mode's"),
                help.out());
        Path data = SyntheticFashion.write(dir.resolve("fashion"), 40, 10);
        Path out = dir.resolve("out");
        CliRun run =
                CliRun.of(
                        SmallRun.args(
                                        data,
                                        dir,
                                        "--plugins",
                                        plugins.toString(),
                                        "--mode",
                                        "twice",
                                        "--strategies",
                                        "mean-ratio:gamma=2",
                                        "--twice-scale",
                                        "0.5",
                                        "--out",
                                        out.toString())
                                .toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(
                Files.readString(out.resolve("plan.json")).contains("\"twiceScale\": 0.5"),
                Files.readString(out.resolve("plan.json")));
        List<JsonObject> records =
                Files.readAllLines(out.resolve("runs.jsonl")).stream()
                        .map(l -> JsonParser.parseString(l).getAsJsonObject())
                        .toList();
        assertEquals(2, records.size());
        assertTrue(
                records.get(1)
                        .get("key")
                        .getAsString()
                        .endsWith("/1/twice/mean-ratio:gamma=2[twice-scale=0.5]/1"),
                records.get(1).toString());

        CliRun unknown =
                CliRun.of(
                        SmallRun.args(
                                        data,
                                        dir,
                                        "--mode",
                                        "twice",
                                        "--out",
                                        dir.resolve("other").toString())
                                .toArray(String[]::new));
        assertEquals(
                "error: unknown mode 'twice'; expected one of two-stage, iterative, dynamic,"
                        + " posthoc, finetune, finetune+posthoc, head, head+posthoc, ensemble,"
                        + " ensemble+posthoc, minimax\n",
                unknown.err());
    }
}
