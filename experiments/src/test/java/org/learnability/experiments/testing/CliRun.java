package org.learnability.experiments.testing;

import com.google.inject.Module;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.learnability.experiments.cli.Main;
import picocli.CommandLine;

/**
 * One run of the command line as a user runs it, in this JVM: arguments in, exit code and the text
 * of standard output and standard error out.
 *
 * @param exitCode the exit code
 * @param out what went to standard output
 * @param err what went to standard error
 */
public record CliRun(int exitCode, String out, String err) {

    /**
     * Counts the models a {@code run} found recorded and did not train again: its lines on standard
     * output that end with {@code already in runs.jsonl, skipped}.
     *
     * @return the count
     */
    public long skipped() {
        return out.lines().filter(l -> l.endsWith("already in runs.jsonl, skipped")).count();
    }

    /**
     * Runs the command line.
     *
     * @param args the arguments
     * @return the outcome
     */
    public static CliRun of(String... args) {
        return with(List.of(), args);
    }

    /**
     * Makes an empty plugins directory in a test's directory, for {@code --plugins}: a run sees no
     * strategy but the built-in ones.
     *
     * @param dir the test's directory
     * @return the plugins directory, as a command-line argument
     */
    public static String noPlugins(Path dir) {
        try {
            return Files.createDirectories(dir.resolve("plugins")).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs the command line with extra Guice modules in its application.
     *
     * @param modules the modules, e.g. one registering a toy mode
     * @param args the arguments
     * @return the outcome
     */
    public static CliRun with(List<? extends Module> modules, List<String> args) {
        return with(modules, args.toArray(String[]::new));
    }

    /**
     * Runs the command line with extra Guice modules in its application.
     *
     * @param modules the modules, e.g. one registering a toy mode
     * @param args the arguments
     * @return the outcome
     */
    public static CliRun with(List<? extends Module> modules, String... args) {
        return on(Main.commandLine(modules, args), args);
    }

    /**
     * Runs a command line built elsewhere (with more commands, say), capturing its output.
     *
     * @param cli the command line
     * @param args the arguments
     * @return the outcome
     */
    public static CliRun on(CommandLine cli, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /**
     * Runs the command line.
     *
     * @param args the arguments
     * @return the outcome
     */
    public static CliRun of(List<String> args) {
        return of(args.toArray(String[]::new));
    }
}
