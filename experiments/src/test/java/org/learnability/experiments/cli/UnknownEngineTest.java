package org.learnability.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An unknown {@code -Dai.djl.default_engine} is one line and exit code 1, in a JVM of its own since
 * the property is read when DJL's Engine class loads.
 */
class UnknownEngineTest {

    @TempDir Path dir;

    @Test
    void anUnknownEngineIsOneClearLineAndNothingIsWritten() throws Exception {
        Path out = dir.resolve("out");
        Process child =
                new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-cp",
                                System.getProperty("java.class.path"),
                                "-Dai.djl.offline=true",
                                "-Dai.djl.default_engine=TensorFlow",
                                Main.class.getName(),
                                "run",
                                "--dataset",
                                "fashion-mnist",
                                "--data-dir",
                                dir.toString(),
                                "--out",
                                out.toString())
                        .redirectError(dir.resolve("err.txt").toFile())
                        .redirectOutput(dir.resolve("out.txt").toFile())
                        .start();
        assertTrue(child.waitFor(60, TimeUnit.SECONDS));
        assertEquals(1, child.exitValue());
        List<String> err = Files.readAllLines(dir.resolve("err.txt"));
        assertEquals(1, err.size(), err.toString());
        assertTrue(
                err.get(0)
                        .startsWith(
                                "error: unknown engine 'TensorFlow' (from -Dai.djl.default_engine); available engines: MXNet, PyTorch"),
                err.get(0));
        assertFalse(Files.exists(out), "nothing written");
    }
}
