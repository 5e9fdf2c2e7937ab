package org.learnability.experiments.cli;

import com.google.inject.Guice;
import com.google.inject.Injector;
import java.nio.file.Path;
import org.learnability.runner.wiring.LearnabilityModule;
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
        subcommands = {StrategiesCommand.class, WeightsCommand.class, ReportCommand.class})
public final class LearnabilityCommand {

    @Option(
            names = "--plugins",
            paramLabel = "DIR",
            scope = ScopeType.INHERIT,
            description = "Directory whose jars hold plugin strategies (default: ${DEFAULT-VALUE}).")
    Path plugins = LearnabilityModule.DEFAULT_PLUGINS;

    private Injector injector;

    /**
     * Returns the injector, made on first use from the options given.
     *
     * @return the injector
     */
    Injector injector() {
        if (injector == null) {
            injector = Guice.createInjector(new LearnabilityModule(plugins));
        }
        return injector;
    }
}
