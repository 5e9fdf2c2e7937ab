package org.learnability.experiments.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.learnability.api.registry.StrategyInfo;
import org.learnability.api.registry.StrategyRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code learnability strategies}: every strategy found, built-in and from plugin jars. */
@Command(
        name = "strategies",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description =
                "Lists every weight strategy found (built-in and plugin jars) with its parameters and source.")
final class StrategiesCommand implements Callable<Integer> {

    @ParentCommand LearnabilityCommand parent;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        StrategyRegistry registry = parent.application().get(StrategyRegistry.class);
        PrintWriter out = spec.commandLine().getOut();
        for (StrategyInfo info : registry.strategies()) {
            ParameterListing.print(
                    out, info.name(), info.description(), info.parameters(), info.source());
        }
        out.flush();
        return 0;
    }
}
