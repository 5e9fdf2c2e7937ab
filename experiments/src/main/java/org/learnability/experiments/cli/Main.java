package org.learnability.experiments.cli;

import com.google.inject.CreationException;
import com.google.inject.Module;
import com.google.inject.ProvisionException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.learnability.experiments.app.ModeDiscovery;
import org.learnability.experiments.plan.PlanSchema;
import org.learnability.runner.data.NativeNames;
import picocli.CommandLine;

/** Entry point of the command line. */
public final class Main {

    private Main() {}

    /**
     * Runs the command line and exits with its code.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        System.exit(commandLine(List.of(), args).execute(args));
    }

    /**
     * Builds the command line with Learnability's error handling: a bad input is one line on
     * standard error and a non-zero exit code, not a stack trace.
     *
     * @return the command line
     */
    public static CommandLine commandLine() {
        return commandLine(List.of());
    }

    /**
     * Builds the command line with extra Guice modules in its application, for example one that
     * registers another mode, data set or model.
     *
     * @param extraModules the modules
     * @return the command line
     */
    public static CommandLine commandLine(List<? extends Module> extraModules) {
        return commandLine(extraModules, new String[0]);
    }

    /**
     * Builds the command line for some arguments: the plan options of the modes of the plugins
     * directory they name ({@code --plugins}) are options too.
     *
     * @param extraModules further modules, e.g. one registering another mode
     * @param args the arguments it will be run with
     * @return the command line
     */
    public static CommandLine commandLine(List<? extends Module> extraModules, String... args) {
        LearnabilityCommand root = new LearnabilityCommand(extraModules);
        CommandLine cli = new CommandLine(root);
        PlanSchema schema = ModeDiscovery.schema(args, extraModules);
        for (CommandLine command : cli.getSubcommands().values()) {
            if (command.getCommand() instanceof PlanFlags.Taker taker) {
                taker.addPlanOptions(command.getCommandSpec(), schema);
            }
        }
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionStrategy(root::execute);
        cli.setParameterExceptionHandler(
                (e, given) -> {
                    CommandLine failed = e.getCommandLine();
                    PrintWriter err = failed.getErr();
                    Optional<String> undecodable = undecodable(Arrays.asList(given));
                    if (undecodable.isPresent()) {
                        // the parser's InvalidPathException says nothing of the cause
                        err.println("error: " + undecodable.get());
                        err.flush();
                        return 1;
                    }
                    err.println(
                            "error: "
                                    + e.getMessage()
                                    + " (see: "
                                    + failed.getCommandSpec().qualifiedName()
                                    + " --help)");
                    err.flush();
                    return failed.getCommandSpec().exitCodeOnInvalidInput();
                });
        cli.setExecutionExceptionHandler(
                (thrown, failed, parseResult) -> {
                    Exception e = unwrap(thrown);
                    PrintWriter err = failed.getErr();
                    err.println("error: " + message(e));
                    if (root.verbose()) {
                        e.printStackTrace(err);
                    }
                    err.flush();
                    return 1;
                });
        return cli;
    }

    /**
     * Names the first argument that holds characters the JVM could not decode ({@link
     * NativeNames}): it could name no file and no key.
     *
     * @param args the arguments
     * @return the problem, if there is one
     */
    static Optional<String> undecodable(List<String> args) {
        return args.stream()
                .filter(NativeNames::undecodable)
                .findFirst()
                .map(arg -> "the argument '" + arg + "' has " + NativeNames.cause());
    }

    /**
     * The one line an error prints: the first line of its message (Gson adds a second with a web
     * address). A failure that is not one of the expected kinds of bad input (a bug, or a library
     * failing) is named by its type, with a pointer to {@code --verbose}.
     */
    static String message(Exception e) {
        String first =
                e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("").trim();
        boolean expected =
                e instanceof IllegalArgumentException
                        || e instanceof IllegalStateException
                        || e instanceof UncheckedIOException;
        if (expected && !first.isEmpty()) {
            return first;
        }
        return e.getClass().getSimpleName()
                + (first.isEmpty() ? "" : ": " + first)
                + " (--verbose prints the stack trace)";
    }

    /** The cause of a failure inside Guice's provisioning: what the user needs to read. */
    private static Exception unwrap(Exception e) {
        if ((e instanceof ProvisionException || e instanceof CreationException)
                && e.getCause() instanceof Exception cause) {
            return unwrap(cause);
        }
        return e;
    }
}
