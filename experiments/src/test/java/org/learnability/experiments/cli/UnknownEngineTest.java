package org.learnability.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An engine that is unknown, empty, or listed by DJL but unable to train is one line naming where
 * the name came from, exit code 1, and nothing written; each in a JVM of its own, since DJL reads
 * the engine's name when its Engine class loads.
 */
class UnknownEngineTest {

    @TempDir Path dir;

    /** Runs {@code run} in a child JVM and returns its standard error, a line per element. */
    private List<String> runChild(Map<String, String> env, String... jvmOptions)
            throws IOException, InterruptedException {
        List<String> command =
                new ArrayList<>(
                        List.of(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-cp",
                                System.getProperty("java.class.path"),
                                "-Dai.djl.offline=true"));
        command.addAll(List.of(jvmOptions));
        command.addAll(
                List.of(
                        Main.class.getName(),
                        "run",
                        "--dataset",
                        "fashion-mnist",
                        "--data-dir",
                        dir.toString(),
                        "--out",
                        dir.resolve("out").toString()));
        ProcessBuilder builder =
                new ProcessBuilder(command)
                        .redirectError(dir.resolve("err.txt").toFile())
                        .redirectOutput(dir.resolve("out.txt").toFile());
        builder.environment().remove("DJL_DEFAULT_ENGINE");
        builder.environment().putAll(env);
        Process child = builder.start();
        assertTrue(child.waitFor(60, TimeUnit.SECONDS));
        assertEquals(1, child.exitValue());
        assertEquals("", Files.readString(dir.resolve("out.txt")));
        assertFalse(Files.exists(dir.resolve("out")), "nothing written");
        return Files.readAllLines(dir.resolve("err.txt"));
    }

    @Test
    void anUnknownEngineIsOneClearLineAndNothingIsWritten() throws Exception {
        List<String> err = runChild(Map.of(), "-Dai.djl.default_engine=TensorFlow");
        assertEquals(1, err.size(), err.toString());
        assertTrue(
                err.get(0)
                        .startsWith(
                                "error: unknown engine 'TensorFlow' (from -Dai.djl.default_engine);"
                                        + " available engines: MXNet, PyTorch"),
                err.get(0));
    }

    @Test
    void anEngineFromTheEnvironmentIsBlamedOnTheEnvironment() throws Exception {
        List<String> err = runChild(Map.of("DJL_DEFAULT_ENGINE", "Bar"));
        assertEquals(1, err.size(), err.toString());
        assertTrue(
                err.get(0)
                        .startsWith(
                                "error: unknown engine 'Bar' (from $DJL_DEFAULT_ENGINE); available"
                                        + " engines: MXNet, PyTorch"),
                err.get(0));
    }

    @Test
    void anEmptyEngineNameIsRefused() throws Exception {
        assertEquals(
                List.of(
                        "error: -Dai.djl.default_engine is empty; use"
                                + " -Dai.djl.default_engine=MXNet or PyTorch, or leave it unset for"
                                + " PyTorch"),
                runChild(Map.of(), "-Dai.djl.default_engine="));
    }

    @Test
    void anEngineDjlListsButCannotTrainWithIsRefusedBeforeAnythingLoads() throws Exception {
        assertEquals(
                List.of(
                        "error: engine RPC cannot train on cpu() (UnsupportedOperationException:"
                                + " This NDArray implementation does not currently support this"
                                + " operation); use -Dai.djl.default_engine=MXNet or PyTorch"),
                runChild(Map.of(), "-Dai.djl.default_engine=RPC"));
    }
}
