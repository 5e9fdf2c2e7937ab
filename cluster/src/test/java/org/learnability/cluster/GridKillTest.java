package org.learnability.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learnability.experiments.testing.CliRun;
import org.learnability.experiments.testing.JavaCommand;
import org.learnability.experiments.testing.OneEngineTest;
import org.learnability.experiments.testing.RunsJsonl;
import org.learnability.experiments.testing.SyntheticFashion;

/**
 * A grid killed with SIGKILL part-way, in a JVM of its own with its embedded Spark, and started
 * again finishes with every model of every experiment exactly once and no broken line.
 */
@OneEngineTest
class GridKillTest {

    // two experiments (two data-set sizes) x 3 seeds x (baseline + 2 strategies)
    private static final int MODELS_PER_EXPERIMENT = 3 * (1 + 2);

    @TempDir Path dir;

    private final String engine = System.getProperty("ai.djl.default_engine", "PyTorch");

    private List<String> arguments(Path grid, Path out, String master) {
        return List.of(
                "grid",
                "--grid",
                grid.toString(),
                "--out",
                out.toString(),
                "--master",
                master,
                "--plugins",
                CliRun.noPlugins(dir));
    }

    /** Starts the grid in a JVM of its own, its output in {@code child.log}. */
    private Process child(List<String> arguments) throws IOException {
        // the same --add-opens Spark needs on Java 17 as this JVM was started with
        List<String> jvmOptions = ManagementFactory.getRuntimeMXBean().getInputArguments();
        return new ProcessBuilder(JavaCommand.of(jvmOptions, GridMain.class, arguments))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile())
                .start();
    }

    private static int completeLines(Path out) throws IOException {
        if (!Files.isDirectory(out)) {
            return 0;
        }
        int lines = 0;
        try (var files = Files.walk(out)) {
            for (Path runs : files.filter(p -> p.endsWith("runs.jsonl")).toList()) {
                lines += (int) Files.readString(runs).chars().filter(c -> c == '\n').count();
            }
        }
        return lines;
    }

    @Test
    void aGridKilledPartWayFinishesWithEveryModelExactlyOnce() throws Exception {
        Path data = SyntheticFashion.in(dir);
        Path grid =
                Files.writeString(
                        dir.resolve("grid.json"),
                        """
                        {
                          "fixed": {"dataset": "fashion-mnist", "dataDir": "%s",
                                    "model": "cnn-small", "valSize": 100, "epochs": 1,
                                    "batchSize": 32, "seeds": 3, "mode": "two-stage",
                                    "strategies": ["mean-ratio:gamma=2", "difficulty"],
                                    "maxWeightRatio": 0},
                          "vary": {"trainSize": [200, 240]}
                        }
                        """
                                .formatted(data.toString().replace("\\", "\\\\")));
        Path out = dir.resolve("out");
        Process child = child(arguments(grid, out, "local[2]"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (completeLines(out) < 2 && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(
                child.isAlive(),
                "the child is still training when it is killed: "
                        + Files.readString(dir.resolve("child.log")));
        int before = completeLines(out);
        child.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no flush
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        assertEquals(137, child.exitValue(), "killed by SIGKILL");
        assertTrue(
                before >= 2 && before < 2 * MODELS_PER_EXPERIMENT,
                "killed part-way, after " + before + " models");

        CliRun rerun =
                CliRun.on(
                        GridMain.commandLine(List.of()),
                        arguments(grid, out, "local[2]").toArray(String[]::new));
        assertEquals(0, rerun.exitCode(), rerun.err() + rerun.out());

        for (String experiment : List.of("trainsize-200", "trainsize-240")) {
            List<String> keys = RunsJsonl.keys(out.resolve(experiment));
            assertEquals(MODELS_PER_EXPERIMENT, keys.size(), experiment + ": " + keys);
            assertEquals(keys.size(), new TreeSet<>(keys).size(), "each model once: " + keys);
            assertTrue(keys.contains(engine + "/3/two-stage/difficulty/1"), keys.toString());
            assertTrue(Files.exists(out.resolve(experiment).resolve("report.md")), experiment);
        }
        assertTrue(Files.exists(out.resolve("report.md")), "the grid's report");
    }

    @Test
    void aGridKilledAfterAnArmTrainsNeitherThatArmNorItsBaselineAgain() throws Exception {
        Path data = SyntheticFashion.in(dir);
        Path grid =
                Files.writeString(
                        dir.resolve("grid.json"),
                        """
                        {
                          "fixed": {"dataset": "fashion-mnist", "dataDir": "%s",
                                    "model": "cnn-small", "trainSize": 300, "valSize": 100,
                                    "epochs": 3, "batchSize": 16, "seeds": 1,
                                    "mode": "two-stage",
                                    "strategies": ["mean-ratio:gamma=2", "difficulty"],
                                    "maxWeightRatio": 0},
                          "vary": {}
                        }
                        """
                                .formatted(data.toString().replace("\\", "\\\\")));
        Path out = dir.resolve("out");
        Path runs = out.resolve("experiment").resolve("runs.jsonl");
        // one task at a time: the baseline, then one arm after the other
        Process child = child(arguments(grid, out, "local[1]"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (completeLines(out) < 2 && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertTrue(
                child.isAlive(),
                "the child is still training when it is killed: "
                        + Files.readString(dir.resolve("child.log")));
        child.destroyForcibly();
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        List<String> before = Files.readAllLines(runs);
        assertEquals(2, before.size(), "the baseline and one arm: " + before);

        CliRun rerun =
                CliRun.on(
                        GridMain.commandLine(List.of()),
                        arguments(grid, out, "local[1]").toArray(String[]::new));
        assertEquals(0, rerun.exitCode(), rerun.err() + rerun.out());
        assertTrue(rerun.out().contains("1 tasks to run (0 baselines, then 1 arms)"), rerun.out());
        List<String> after = Files.readAllLines(runs);
        assertEquals(3, after.size(), after.toString());
        assertEquals(before, after.subList(0, 2), "neither the baseline nor the arm again");
        assertEquals(
                3,
                after.stream()
                        .map(l -> JsonParser.parseString(l).getAsJsonObject().get("key"))
                        .distinct()
                        .count());
    }
}
