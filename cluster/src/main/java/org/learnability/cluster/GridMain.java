package org.learnability.cluster;

import com.google.inject.Module;
import java.util.List;
import org.learnability.experiments.cli.Main;
import picocli.CommandLine;

/**
 * Entry point of the command line with the {@code grid} command: every command of {@code
 * learnability}, and {@code grid}. The main class of the cluster distribution and of the jar for
 * {@code spark-submit}.
 */
public final class GridMain {

    private GridMain() {}

    /**
     * Runs the command line and exits with its code.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        System.exit(commandLine(List.of()).execute(args));
    }

    /**
     * Builds the command line with {@code grid}, and extra Guice modules in its application.
     *
     * @param extraModules the modules, e.g. a test's toy mode
     * @return the command line
     */
    public static CommandLine commandLine(List<? extends Module> extraModules) {
        CommandLine cli = Main.commandLine(extraModules);
        cli.addSubcommand(new GridCommand());
        return cli;
    }
}
