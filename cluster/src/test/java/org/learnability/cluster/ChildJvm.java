package org.learnability.cluster;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A JVM of a test's own, started as a user starts one: this JVM's class path (as the distribution
 * has it) and options (the {@code --add-opens} Spark needs on Java 17), the engine under test,
 * offline, output to files.
 */
final class ChildJvm {

    private ChildJvm() {}

    /**
     * Starts a main class.
     *
     * @param main the main class
     * @param args its arguments
     * @param env environment variables to set in the child
     * @param out the file of its standard output
     * @param err the file of its standard error
     * @return the process
     * @throws IOException when it cannot start
     */
    static Process start(
            Class<?> main, List<String> args, Map<String, String> env, Path out, Path err)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(
                List.of(
                        "-cp",
                        classPath(),
                        "-Dai.djl.offline=true",
                        "-Djava.awt.headless=true",
                        "-Dai.djl.default_engine="
                                + System.getProperty("ai.djl.default_engine", "PyTorch"),
                        main.getName()));
        command.addAll(args);
        ProcessBuilder builder =
                new ProcessBuilder(command)
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile());
        builder.environment().putAll(env);
        return builder.start();
    }

    /**
     * This JVM's class path without slf4j-simple, which the tests' class path brings and the
     * distribution leaves out: the child logs through log4j 2 with the grid's configuration, as the
     * launcher's does.
     */
    private static String classPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.contains("slf4j-simple"))
                .collect(Collectors.joining(File.pathSeparator));
    }
}
