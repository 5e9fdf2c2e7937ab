package org.learnability.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learnability.experiments.testing.CliRun;
import org.learnability.experiments.testing.OneEngineTest;
import org.learnability.experiments.testing.SyntheticFashion;

/**
 * What {@code grid} refuses, in one {@code error:} line with nothing written: an empty {@code
 * --out}; a master Spark cannot use ({@code yarn} without a cluster, an unknown scheme, a malformed
 * {@code local[...]}); an address that accepts connections but is no Spark master, given up within
 * a bounded time; a value out of range, named by file, experiment and key; and an experiment
 * directory another process writes.
 */
@OneEngineTest
class GridRefusalsTest {

    @TempDir Path dir;

    private Path data;
    private Path out;

    @BeforeEach
    void writeData() throws IOException {
        data = SyntheticFashion.in(dir);
        Files.createDirectories(dir.resolve("plugins"));
        out = dir.resolve("grid");
    }

    private Path gridFile(String vary) throws IOException {
        return Files.writeString(
                dir.resolve("grid.json"),
                """
                {
                  "fixed": {"dataset": "fashion-mnist", "dataDir": "%s", "model": "cnn-small",
                            "trainSize": 200, "valSize": 100, "epochs": 1, "batchSize": 32,
                            "seeds": 1, "mode": "two-stage",
                            "strategies": ["mean-ratio:gamma=2"]},
                  "vary": %s
                }
                """
                        .formatted(data.toString().replace("\\", "\\\\"), vary));
    }

    private List<String> args(Path file, Path out, String... more) {
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "grid",
                                "--grid",
                                file.toString(),
                                "--out",
                                out.toString(),
                                "--plugins",
                                dir.resolve("plugins").toString()));
        args.addAll(List.of(more));
        return args;
    }

    private CliRun grid(Path file, Path out, String... more) {
        return CliRun.on(
                GridMain.commandLine(List.of()), args(file, out, more).toArray(String[]::new));
    }

    private static void assertOneLine(CliRun run, String message) {
        assertEquals("error: " + message + "\n", run.err());
        assertEquals(1, run.exitCode(), run.err());
        assertEquals("", run.out(), "nothing on standard output");
    }

    @Test
    void anEmptyOutIsRefused() throws IOException {
        assertOneLine(
                grid(gridFile("{}"), Path.of("")),
                "--out is empty; expected the grid's directory, e.g. --out results/grid");
        assertFalse(Files.exists(Path.of("report.md")), "nothing in the working directory");
        assertFalse(Files.exists(Path.of("experiment")), "nothing in the working directory");
    }

    @Test
    void unusableMastersAreOneLineAndLeaveNothing() throws IOException {
        Path file = gridFile("{\"loss\": [\"ce\", \"focal:gamma=2\"]}");
        assertOneLine(
                grid(file, out, "--master", "yarn"),
                "--master yarn: no cluster manager of this Spark takes it; expected local[N],"
                        + " spark://host:port, or yarn or k8s://... through spark-submit of a Spark"
                        + " installation with that cluster manager");
        assertOneLine(
                grid(file, out, "--master", "bogus://x"),
                "--master bogus://x: no cluster manager of this Spark takes it; expected"
                        + " local[N], spark://host:port, or yarn or k8s://... through spark-submit"
                        + " of a Spark installation with that cluster manager");
        assertOneLine(
                grid(file, out, "--master", "local[abc]"),
                "--master local[abc]: not a local master; expected local, local[N], local[*] or"
                        + " local[N,F] (N threads, F attempts per task, each a whole number >= 1)");
        assertOneLine(
                grid(file, out, "--master", "local[0]"),
                "--master local[0]: not a local master; expected local, local[N], local[*] or"
                        + " local[N,F] (N threads, F attempts per task, each a whole number >= 1)");
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void threadsFarAboveTheCoresAreRefused() throws IOException {
        int cores = Runtime.getRuntime().availableProcessors();
        assertOneLine(
                grid(gridFile("{}"), out, "--threads-per-task", "999"),
                "--threads-per-task is 999; expected at most "
                        + 4 * cores
                        + " (4 per core; this machine has "
                        + cores
                        + (cores == 1 ? " core" : " cores")
                        + "): more threads only take turns on the cores");
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void aValueOutOfRangeNamesTheFileTheExperimentAndTheKey() throws IOException {
        Path file = gridFile("{\"weightEma\": [0, 1.5]}");
        assertOneLine(
                grid(file, out, "--master", "local[1]"),
                file
                        + ": experiment \"weightEma=1.5\": weightEma is 1.5; expected a number in"
                        + " [0, 1)");
        Path lr = gridFile("{\"learningRate\": [-1]}");
        assertOneLine(
                grid(lr, out, "--master", "local[1]"),
                lr
                        + ": experiment \"learningRate=-1\": learningRate is -1.0; expected a"
                        + " number > 0");
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void anExperimentAnotherProcessWritesIsRefusedBeforeAnythingIsWritten() throws Exception {
        Path file = gridFile("{\"loss\": [\"ce\", \"focal:gamma=2\"]}");
        Path held = out.resolve("loss-focal-gamma-2");
        Process holder =
                ChildJvm.start(
                        LockHolder.class,
                        List.of(held.toString()),
                        Map.of(),
                        dir.resolve("holder.out"),
                        dir.resolve("holder.err"));
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.readString(dir.resolve("holder.out")).contains("locked")
                    && holder.isAlive()
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(holder.isAlive(), Files.readString(dir.resolve("holder.err")));
            assertOneLine(
                    grid(file, out, "--master", "local[1]"),
                    held
                            + " is in use by process "
                            + holder.pid()
                            + " (a run or grid writing there holds it until it ends; wait for it,"
                            + " or use another --out)");
            try (Stream<Path> files = Files.walk(out)) {
                assertEquals(
                        List.of(out, held, held.resolve(".lock")),
                        files.sorted().toList(),
                        "the grid wrote nothing: no plan, no lock left");
            }
        } finally {
            holder.getOutputStream().close();
            assertTrue(holder.waitFor(30, TimeUnit.SECONDS));
        }
    }

    @Test
    void anAddressThatIsNoSparkMasterIsGivenUpWithinBoundedTime() throws Exception {
        Path file = gridFile("{\"loss\": [\"ce\"]}");
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> accepted = java.util.Collections.synchronizedList(new ArrayList<>());
            Thread acceptor =
                    new Thread(
                            () -> {
                                try {
                                    while (true) {
                                        accepted.add(silent.accept()); // and never answer
                                    }
                                } catch (IOException closed) {
                                    // the test is over
                                }
                            });
            acceptor.setDaemon(true);
            acceptor.start();
            String master = "spark://127.0.0.1:" + silent.getLocalPort();
            long start = System.nanoTime();
            Process grid =
                    ChildJvm.start(
                            GridMain.class,
                            args(file, out, "--master", master),
                            Map.of(),
                            dir.resolve("grid.out"),
                            dir.resolve("grid.err"));
            assertTrue(grid.waitFor(90, TimeUnit.SECONDS), "gives up");
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
            String err = Files.readString(dir.resolve("grid.err"), StandardCharsets.UTF_8);
            assertEquals(1, grid.exitValue(), err);
            assertEquals(
                    "error: --master "
                            + master
                            + ": no Spark master took the application within 15 s; the address"
                            + " accepts connections, but is it a Spark master's (port 7077 by"
                            + " default)?\n",
                    err);
            assertEquals("", Files.readString(dir.resolve("grid.out")));
            assertTrue(seconds < 60, "within bounded time: " + seconds + " s");
            assertFalse(Files.exists(out), "nothing written");
            synchronized (accepted) {
                for (Socket s : accepted) {
                    s.close();
                }
            }
        }
    }
}
