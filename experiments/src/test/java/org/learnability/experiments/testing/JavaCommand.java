package org.learnability.experiments.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
}
