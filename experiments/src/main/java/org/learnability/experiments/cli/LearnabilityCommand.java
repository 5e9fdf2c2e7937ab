package org.learnability.experiments.cli;

import com.google.inject.Guice;
import com.google.inject.Injector;
import java.nio.file.Path;
import org.learnability.runner.wiring.LearnabilityModule;
import org.learnability.runner.wiring.RunnerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code learnability} command: its subcommands, and the injector they share. */
@Command(
        name = "learnability",
        mixinStandardHelpOptions = true,
        version = "learnability 0.1.0",
        description = {
            "Finds and counteracts learnability imbalance: per-class loss weights from a first model's per-class scores.",
            "The engine is DJL's: -Dai.djl.default_engine=PyTorch (default) or MXNet."
        },
        subcommands = {
            RunCommand.class,
            ReportCommand.class,
            StrategiesCommand.class,
            WeightsCommand.class,
            BenchCommand.class
        })
public final class LearnabilityCommand {

    @Option(
            names = "--plugins",
            paramLabel = "DIR",
            scope = ScopeType.INHERIT,
            description =
                    "Directory whose jars hold plugin strategies (default: ${DEFAULT-VALUE}).")
    Path plugins = LearnabilityModule.DEFAULT_PLUGINS;

    private Injector injector;

    /**
     * Returns the injector with the default configuration, made on first use.
     *
     * @return the injector
     */
    Injector injector() {
        if (injector == null) {
            injector = injector(RunnerConfig.defaults());
        }
        return injector;
    }

    /**
     * Makes an injector for a configuration, with this command's plugins directory.
     *
     * @param config the configuration
     * @return a new injector
     */
    Injector injector(RunnerConfig config) {
        return Guice.createInjector(new LearnabilityModule(config.withPlugins(plugins)));
    }
}
