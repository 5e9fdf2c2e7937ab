package org.learnability.experiments.cli;

import com.google.inject.Module;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ListResourceBundle;
import org.learnability.experiments.app.Application;
import org.learnability.experiments.bench.BenchRecipe;
import org.learnability.experiments.mode.ExperimentMode;
import org.learnability.experiments.plan.PlanCodec;
import org.learnability.runner.data.DatasetDefinition;
import org.learnability.runner.engine.ThreadRequest;
import org.learnability.runner.loss.LossFamily;
import org.learnability.runner.model.ModelArchitecture;
import org.learnability.runner.wiring.StrategyModule;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;

/**
 * The {@code learnability} command: its subcommands, and the one {@link Application} they share,
 * started once the command line is parsed and before the command runs.
 */
@Command(
        name = "learnability",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Finds and counteracts learnability imbalance: per-class loss weights from a first"
                    + " model's per-class scores.",
            "The engine is DJL's: -Dai.djl.default_engine=PyTorch (default) or MXNet."
        },
        subcommands = {
            RunCommand.class,
            ReportCommand.class,
            StrategiesCommand.class,
            LossesCommand.class,
            WeightsCommand.class,
            BenchCommand.class,
            ScoreCommand.class
        })
public final class LearnabilityCommand {

    /** A command whose engine threads must be asked for before the engine loads. */
    public interface EngineThreadsOption {
        /**
         * Returns the threads asked for.
         *
         * @return the thread counts
         */
        ThreadRequest threads();
    }

    @Option(
            names = "--plugins",
            paramLabel = "DIR",
            scope = ScopeType.INHERIT,
            description =
                    "Directory whose jars hold plugin strategies (default: ${DEFAULT-VALUE}).")
    Path plugins = StrategyModule.DEFAULT_PLUGINS;

    @Option(
            names = "--verbose",
            scope = ScopeType.INHERIT,
            description =
                    "Log what the engines and DJL say (INFO and up), and print the stack trace of"
                            + " an error after its one line.")
    boolean verbose;

    /** slf4j-simple's default level, WARN unless {@code --verbose} (simplelogger.properties). */
    static final String LOG_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";

    /** The level of log4j 2 where Spark brings it (the cluster module's log4j2.properties). */
    static final String LOG4J_LEVEL = "learnability.log.level";

    private final List<? extends Module> extraModules;
    private Application application;

    /**
     * Creates the command.
     *
     * @param extraModules modules added to the application's own, e.g. a test's toy mode
     */
    LearnabilityCommand(List<? extends Module> extraModules) {
        this.extraModules = List.copyOf(extraModules);
    }

    /**
     * Returns the plugins directory.
     *
     * @return {@code --plugins}
     */
    public Path plugins() {
        return plugins;
    }

    /**
     * Tells whether {@code --verbose} was given.
     *
     * @return whether to log more and print stack traces
     */
    public boolean verbose() {
        return verbose;
    }

    /**
     * Returns the application, started by {@link #execute}.
     *
     * @return the application
     */
    public Application application() {
        if (application == null) {
            throw new IllegalStateException("the application has not started");
        }
        return application;
    }

    /**
     * Picocli's execution strategy: starts the application with the options of the command line
     * (plugins, the threads a command asks for), makes the names of data sets, models and modes
     * available to help texts as {@code ${bundle:datasets}}, {@code ${bundle:models}}, {@code
     * ${bundle:modes}} and {@code ${bundle:losses}} (with bench's own training and what the modes
     * set plan options to), then runs the last subcommand (or prints the help asked for).
     *
     * @param parseResult the parsed command line
     * @return the exit code
     */
    int execute(ParseResult parseResult) {
        if (verbose) {
            // slf4j-simple (and log4j 2, where Spark brings it) read their level when the first
            // logger is made, which is after this
            System.setProperty(LOG_LEVEL, "info");
            System.setProperty(LOG4J_LEVEL, "info");
        }
        List<CommandLine> commands = parseResult.asCommandLineList();
        Object command = commands.get(commands.size() - 1).getCommand();
        ThreadRequest threads =
                command instanceof EngineThreadsOption option
                        ? option.threads()
                        : ThreadRequest.DEFAULTS;
        try {
            Main.undecodable(parseResult.originalArgs())
                    .ifPresent(
                            problem -> {
                                throw new IllegalArgumentException(problem);
                            });
            if (!plugins.equals(StrategyModule.DEFAULT_PLUGINS) && !Files.isDirectory(plugins)) {
                throw new IllegalArgumentException(
                        "--plugins "
                                + plugins
                                + ": no such directory; expected a directory of strategy jars");
            }
            application = Application.start(plugins, threads, extraModules);
        } catch (RuntimeException e) {
            throw new CommandLine.ExecutionException(
                    parseResult.commandSpec().commandLine(), e.getMessage(), e);
        }
        parseResult.commandSpec().commandLine().setResourceBundle(names(application));
        return new CommandLine.RunLast().execute(parseResult);
    }

    /**
     * The registries' names, bench's own training, and what modes set plan options to, as a
     * resource bundle for help texts.
     */
    private static ListResourceBundle names(Application application) {
        List<Object[]> contents = new ArrayList<>();
        contents.add(
                new Object[] {
                    "datasets", application.registry(DatasetDefinition.class).names(", ")
                });
        contents.add(
                new Object[] {"models", application.registry(ModelArchitecture.class).names(", ")});
        contents.add(
                new Object[] {"modes", application.registry(ExperimentMode.class).names(", ")});
        contents.add(new Object[] {"losses", application.registry(LossFamily.class).names(", ")});
        contents.add(new Object[] {"bench-training", BenchRecipe.defaults(false).toString()});
        HelpValues.modeDefaults(
                        application.registry(ExperimentMode.class).all(),
                        application.get(PlanCodec.class).schema())
                .forEach((key, text) -> contents.add(new Object[] {key, text}));
        Object[][] all = contents.toArray(Object[][]::new);
        return new ListResourceBundle() {
            @Override
            protected Object[][] getContents() {
                return all;
            }
        };
    }
}
