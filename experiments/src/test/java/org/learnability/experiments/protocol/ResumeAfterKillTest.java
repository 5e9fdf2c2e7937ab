package org.learnability.experiments.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learnability.experiments.cli.Main;
import org.learnability.experiments.testing.CliRun;
import org.learnability.experiments.testing.JavaCommand;
import org.learnability.experiments.testing.OneEngineTest;
import org.learnability.experiments.testing.SyntheticFashion;

/**
 * A run killed with SIGKILL (kill -9) part-way, in a JVM of its own, and started again, finishes
 * with every model exactly once in runs.jsonl and no broken line.
 */
@OneEngineTest
class ResumeAfterKillTest {

    // per seed: the baseline, three two-stage models and three posthoc ones (the quick preset's
    // modes)
    private static final int MODELS = 3 * (1 + 3 + 3);

    @TempDir Path dir;

    private List<String> arguments(Path data, Path out) {
        return List.of(
                "run",
                "--dataset",
                "fashion-mnist",
                "--data-dir",
                data.toString(),
                "--model",
                "cnn-small",
                "--train-size",
                "200",
                "--val-size",
                "100",
                "--epochs",
                "1",
                "--batch-size",
                "32",
                "--seeds",
                "3",
                "--strategies",
                "mean-ratio:gamma=2,difficulty,shifted-power",
                "--devices",
                "cpu",
                "--no-progress",
                "--plugins",
                CliRun.noPlugins(dir),
                "--out",
                out.toString());
    }

    private static int completeLines(Path runs) throws IOException {
        if (!Files.exists(runs)) {
            return 0;
        }
        String text = Files.readString(runs);
        return (int) text.chars().filter(c -> c == '\n').count();
    }

    @Test
    void aRunKilledPartWayResumesWithEveryModelExactlyOnce() throws Exception {
        Path data = SyntheticFashion.in(dir);
        Path out = dir.resolve("out");
        Path runs = out.resolve("runs.jsonl");
        Process child =
                new ProcessBuilder(JavaCommand.of(Main.class, arguments(data, out)))
                        .redirectErrorStream(true)
                        .redirectOutput(dir.resolve("child.log").toFile())
                        .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (completeLines(runs) < 2 && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(
                child.isAlive(),
                "the child is still training when it is killed: "
                        + Files.readString(dir.resolve("child.log")));
        int before = completeLines(runs);
        child.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no flush
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        assertEquals(137, child.exitValue(), "killed by SIGKILL");
        assertTrue(
                before >= 2 && before < MODELS,
                "killed part-way, after " + before + " of " + MODELS + " models");

        StringWriter log = new StringWriter();
        var cli = Main.commandLine();
        cli.setOut(new PrintWriter(log, true));
        cli.setErr(new PrintWriter(log, true));
        assertEquals(0, cli.execute(arguments(data, out).toArray(String[]::new)), log.toString());

        List<String> lines = Files.readAllLines(runs);
        assertEquals(MODELS, lines.size(), String.join("\n", lines));
        Set<String> keys = new HashSet<>();
        for (String line : lines) {
            String key = JsonParser.parseString(line).getAsJsonObject().get("key").getAsString();
            assertTrue(keys.add(key), "model " + key + " recorded once");
        }
        assertTrue(log.toString().contains("already in runs.jsonl, skipped"), log.toString());
        assertTrue(Files.exists(out.resolve("report.md")));
    }
}
