package org.learnability.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import com.google.inject.AbstractModule;
import com.google.inject.Module;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learnability.experiments.app.ModeModule;
import org.learnability.experiments.testing.CliRun;
import org.learnability.experiments.testing.OneEngineTest;
import org.learnability.experiments.testing.SyntheticFashion;

/**
 * The grid on the real Spark, embedded in {@code local[2,2]} (two tasks at once, a failed attempt
 * retried once): every model exactly once though an attempt fails, nothing trained the second time,
 * and bad input refused in one line before anything trains.
 */
@OneEngineTest
class GridTest {

    private static final Module FAIL_ONCE =
            new AbstractModule() {
                @Override
                protected void configure() {
                    ModeModule.modes(binder()).addBinding(FailOnceMode.NAME).to(FailOnceMode.class);
                }
            };

    @TempDir Path dir;

    private Path data;
    private final String engine = System.getProperty("ai.djl.default_engine", "PyTorch");

    @BeforeEach
    void writeData() throws IOException {
        data = SyntheticFashion.in(dir);
        Files.createDirectories(dir.resolve("plugins"));
    }

    private Path gridFile(String vary) throws IOException {
        return Files.writeString(
                dir.resolve("grid.json"),
                """
                {
                  "fixed": {"dataset": "fashion-mnist", "dataDir": "%s", "model": "cnn-small",
                            "trainSize": 200, "valSize": 100, "epochs": 1, "batchSize": 32,
                            "seeds": 2, "strategies": ["mean-ratio:gamma=2"],
                            "maxWeightRatio": 0},
                  "vary": %s
                }
                """
                        .formatted(data.toString().replace("\\", "\\\\"), vary));
    }

    private CliRun grid(Path file, Path out) {
        return grid(file, out, "local[2,2]");
    }

    private CliRun grid(Path file, Path out, String master) {
        List<String> args =
                new java.util.ArrayList<>(
                        List.of(
                                "grid",
                                "--grid",
                                file.toString(),
                                "--out",
                                out.toString(),
                                "--master",
                                master,
                                "--plugins",
                                dir.resolve("plugins").toString()));
        return CliRun.on(GridMain.commandLine(List.of(FAIL_ONCE)), args.toArray(String[]::new));
    }

    private static List<String> keys(Path runs) throws IOException {
        return Files.readAllLines(runs).stream()
                .map(l -> JsonParser.parseString(l).getAsJsonObject().get("key").getAsString())
                .toList();
    }

    @Test
    void everyModelOnceThoughAnAttemptFailsAndASecondRunTrainsNothing() throws IOException {
        Path file = gridFile("{\"mode\": [\"two-stage\", \"fail-once\"]}");
        Path out = dir.resolve("grid");
        int failuresBefore = FailOnceMode.FAILURES.get();
        CliRun first = grid(file, out);
        assertEquals(0, first.exitCode(), first.err() + first.out());
        assertEquals(1, FailOnceMode.FAILURES.get() - failuresBefore, "one attempt failed");
        assertTrue(
                first.out()
                        .contains(
                                "2 experiments, 8 models on ["
                                        + engine
                                        + "], 6 tasks to run (2 baselines, then 4 arms)"),
                first.out());

        List<String> twoStage = keys(out.resolve("mode-two-stage/runs.jsonl"));
        List<String> failOnce = keys(out.resolve("mode-fail-once/runs.jsonl"));
        assertEquals(
                Set.of(
                        engine + "/1/two-stage/uniform/0",
                        engine + "/1/two-stage/mean-ratio:gamma=2/1",
                        engine + "/2/two-stage/uniform/0",
                        engine + "/2/two-stage/mean-ratio:gamma=2/1"),
                new TreeSet<>(twoStage));
        assertEquals(4, twoStage.size(), "each model once: " + twoStage);
        assertEquals(
                Set.of(
                        engine + "/1/two-stage/uniform/0",
                        engine + "/1/fail-once/mean-ratio:gamma=2/1",
                        engine + "/2/two-stage/uniform/0",
                        engine + "/2/fail-once/mean-ratio:gamma=2/1"),
                new TreeSet<>(failOnce),
                "the baseline of a seed trains once and serves both experiments");
        assertEquals(4, failOnce.size(), "each model once: " + failOnce);
        for (String report :
                List.of("mode-two-stage/report.md", "mode-fail-once/report.md", "report.md")) {
            assertTrue(Files.exists(out.resolve(report)), report);
        }
        assertTrue(
                Files.readString(out.resolve("report.md")).contains("fail-once"),
                "the grid's report holds every experiment");

        String before = Files.readString(out.resolve("mode-fail-once/runs.jsonl"));
        CliRun second = grid(file, out);
        assertEquals(0, second.exitCode(), second.err());
        assertTrue(second.out().contains("0 tasks to run"), second.out());
        assertEquals(before, Files.readString(out.resolve("mode-fail-once/runs.jsonl")));
    }

    @Test
    void finetuneAndPosthocOnItShareATaskAndTheDriverSavesTheBaselines() throws IOException {
        Path file = gridFile("{\"mode\": [\"finetune,finetune+posthoc\"]}");
        Files.writeString(file, Files.readString(file).replace("\"seeds\": 2", "\"seeds\": 1"));
        Path out = dir.resolve("finetune");
        CliRun first = grid(file, out);
        assertEquals(0, first.exitCode(), first.err() + first.out());
        assertTrue(
                first.out().contains("1 experiments, 5 models on [" + engine + "], 2 tasks to run"),
                first.out());
        Path experiment;
        try (var dirs = Files.list(out)) {
            experiment =
                    dirs.filter(d -> Files.exists(d.resolve("runs.jsonl")))
                            .findFirst()
                            .orElseThrow();
        }
        List<String> keys = keys(experiment.resolve("runs.jsonl"));
        assertEquals(
                Set.of(
                        engine + "/1/finetune/uniform/0",
                        engine + "/1/finetune/uniform/1",
                        engine + "/1/finetune/mean-ratio:gamma=2/1",
                        engine + "/1/finetune+posthoc/uniform/1",
                        engine + "/1/finetune+posthoc/mean-ratio:gamma=2/1"),
                new TreeSet<>(keys));
        var baseline =
                JsonParser.parseString(Files.readAllLines(experiment.resolve("runs.jsonl")).get(0))
                        .getAsJsonObject();
        var saved = baseline.getAsJsonObject("savedModel");
        Path params = experiment.resolve(saved.get("path").getAsString());
        assertTrue(Files.isRegularFile(params), params.toString());
        assertEquals(
                org.learnability.experiments.protocol.ModelStore.sha256(params),
                saved.get("sha256").getAsString());

        // extended by a strategy: no baseline task, the arm fed the saved baseline
        Files.writeString(
                file,
                Files.readString(file)
                        .replace(
                                "[\"mean-ratio:gamma=2\"]",
                                "[\"mean-ratio:gamma=2\", \"difficulty\"]"));
        CliRun second = grid(file, out);
        assertEquals(0, second.exitCode(), second.err());
        assertTrue(
                second.out().contains("1 tasks to run (0 baselines, then 1 arms)"), second.out());
        assertFalse(second.err().contains("saved model"), second.err());
        assertEquals(7, keys(experiment.resolve("runs.jsonl")).size());
    }

    @Test
    void badGridsAndMastersAreOneLineBeforeAnythingTrains() throws IOException {
        Path out = dir.resolve("bad");
        Path malformed = Files.writeString(dir.resolve("malformed.json"), "{\"fixed\": [");
        CliRun run = grid(malformed, out);
        assertEquals(1, run.exitCode());
        assertTrue(run.err().startsWith("error: " + malformed + ": not valid JSON ("), run.err());
        assertEquals(1, run.err().lines().count(), run.err());

        Path unknown = gridFile("{\"learningRates\": [0.1, 0.01]}");
        CliRun unknownOption = grid(unknown, out);
        assertEquals(1, unknownOption.exitCode());
        assertTrue(
                unknownOption
                        .err()
                        .startsWith(
                                "error: "
                                        + unknown
                                        + " (learningRates=0.1): unknown option 'learningRates';"
                                        + " known options: preset, dataset,"),
                unknownOption.err());
        assertEquals(1, unknownOption.err().lines().count());

        Path badPreset = Files.writeString(dir.resolve("preset.json"), "{\"preset\": \"turbo\"}");
        CliRun unknownPreset = grid(badPreset, out);
        assertEquals(1, unknownPreset.exitCode());
        assertEquals(
                "error: "
                        + badPreset
                        + ": unknown preset 'turbo'; expected quick, paper, cpu or fast\n",
                unknownPreset.err());

        CliRun unreachable = grid(gridFile("{}"), out, "spark://127.0.0.1:1");
        assertEquals(1, unreachable.exitCode());
        assertTrue(
                unreachable
                        .err()
                        .startsWith(
                                "error: --master spark://127.0.0.1:1: cannot connect to 127.0.0.1:1"),
                unreachable.err());
        assertTrue(
                unreachable.err().endsWith("; is the Spark master running there?\n"),
                unreachable.err());
        assertFalse(Files.exists(out), "nothing written");
    }
}
