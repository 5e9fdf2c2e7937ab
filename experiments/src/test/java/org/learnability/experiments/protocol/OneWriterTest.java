package org.learnability.experiments.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learnability.experiments.cli.Main;
import org.learnability.experiments.io.DirectoryLock;
import org.learnability.experiments.testing.CliFixture;
import org.learnability.experiments.testing.CliRun;
import org.learnability.experiments.testing.EngineTest;
import org.learnability.experiments.testing.JavaCommand;
import org.learnability.experiments.testing.RunsJsonl;

/**
 * Two real processes started together on one experiment directory: exactly one trains, the other
 * says in one line which process holds the directory and exits with 1 having written nothing, and
 * {@code runs.jsonl} holds every model once; the directory is free again afterwards.
 */
@EngineTest
class OneWriterTest {

    // per seed: the baseline and one two-stage model
    private static final int SEEDS = 3;
    private static final int MODELS = SEEDS * 2;

    @TempDir Path dir;

    private final CliFixture cli = CliFixture.in(() -> dir);

    private Process start(List<String> args, String name) throws IOException {
        return new ProcessBuilder(JavaCommand.of(Main.class, args))
                .redirectOutput(dir.resolve(name + ".out").toFile())
                .redirectError(dir.resolve(name + ".err").toFile())
                .start();
    }

    @Test
    void twoProcessesOnOneDirectoryTrainEachModelOnce() throws Exception {
        Path out = dir.resolve("out");
        List<String> args =
                cli.args(
                        "--seeds",
                        Integer.toString(SEEDS),
                        "--strategies",
                        "mean-ratio:gamma=2",
                        "--out",
                        out.toString());
        Process a = start(args, "a");
        Process b = start(args, "b");
        assertTrue(a.waitFor(300, TimeUnit.SECONDS), "a ends");
        assertTrue(b.waitFor(300, TimeUnit.SECONDS), "b ends");

        boolean aTrained = a.exitValue() == 0;
        Process winner = aTrained ? a : b;
        String loser = aTrained ? "b" : "a";
        String winnerName = aTrained ? "a" : "b";
        assertEquals(
                0,
                winner.exitValue(),
                Files.readString(dir.resolve(winnerName + ".err"))
                        + Files.readString(dir.resolve(loser + ".err")));
        assertEquals(
                1,
                (aTrained ? b : a).exitValue(),
                "exactly one trains: " + Files.readString(dir.resolve(loser + ".out")));
        assertEquals(
                "error: "
                        + out
                        + " is in use by process "
                        + winner.pid()
                        + " (a run or grid writing there holds it until it ends; wait for it, or"
                        + " use another --out)\n",
                Files.readString(dir.resolve(loser + ".err")));
        assertEquals("", Files.readString(dir.resolve(loser + ".out")), "the other trains nothing");

        List<String> keys = RunsJsonl.keys(out);
        assertEquals(MODELS, keys.size(), "every model once: " + keys);
        assertEquals(MODELS, new TreeSet<>(keys).size(), "every model once: " + keys);
        assertFalse(Files.exists(out.resolve(DirectoryLock.NAME)), "the lock is released");

        CliRun again = CliRun.of(args);
        assertEquals(0, again.exitCode(), again.err());
        assertEquals(MODELS, again.skipped(), again.out());
    }
}
