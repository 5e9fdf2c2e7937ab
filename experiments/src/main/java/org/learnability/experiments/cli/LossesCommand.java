package org.learnability.experiments.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.learnability.runner.loss.LossFamily;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code learnability losses}: every loss family, with its parameters. */
@Command(
        name = "losses",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Lists every loss family that --loss accepts, with its parameters (default and valid"
                    + " values).",
            "A loss is named as name or name:key=value,..., e.g. focal:gamma=2."
        })
final class LossesCommand implements Callable<Integer> {

    @ParentCommand LearnabilityCommand parent;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (LossFamily family : parent.application().registry(LossFamily.class).all()) {
            ParameterListing.print(
                    out, family.name(), family.description(), family.parameters(), null);
        }
        out.flush();
        return 0;
    }
}
