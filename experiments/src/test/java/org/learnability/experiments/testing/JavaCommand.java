package org.learnability.experiments.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The command that starts a main class in a JVM of a test's own: this JVM's {@code java} and class
 * path, offline, headless, on the engine under test ({@code ai.djl.default_engine}, else PyTorch).
 */
public final class JavaCommand {

    private JavaCommand() {}

    /**
     * Returns the command.
     *
     * @param main the main class
     * @param args its arguments
     * @return the command, a word per element
     */
    public static List<String> of(Class<?> main, List<String> args) {
        return of(List.of(), main, args);
    }

    /**
     * Returns the command with options for the JVM.
     *
     * @param jvmOptions the options, before the class path
     * @param main the main class
     * @param args its arguments
     * @return the command, a word per element
     */
    public static List<String> of(List<String> jvmOptions, Class<?> main, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(
                List.of(
                        "-cp",
                        System.getProperty("java.class.path"),
                        "-Dai.djl.offline=true",
                        "-Djava.awt.headless=true",
                        "-Dai.djl.default_engine="
                                + System.getProperty("ai.djl.default_engine", "PyTorch"),
                        main.getName()));
        command.addAll(args);
        return command;
    }

    /**
     * Runs a main class in a JVM of its own until it ends, within 5 minutes and with exit code 0,
     * and returns what it wrote on standard error.
     *
     * @param main the main class
     * @param args its arguments
     * @param dir where its standard output and error are written
     * @return its standard error
     * @throws IOException if the process cannot start or its output cannot be read
     * @throws InterruptedException if interrupted while waiting
     */
    public static String standardError(Class<?> main, List<String> args, Path dir)
            throws IOException, InterruptedException {
        Path err = dir.resolve("child.err");
        Process child =
                new ProcessBuilder(of(main, args))
                        .redirectOutput(dir.resolve("child.out").toFile())
                        .redirectError(err.toFile())
                        .start();
        assertTrue(child.waitFor(300, TimeUnit.SECONDS), "the child JVM ends");
        String text = Files.readString(err);
        assertEquals(0, child.exitValue(), text);
        return text;
    }
}
