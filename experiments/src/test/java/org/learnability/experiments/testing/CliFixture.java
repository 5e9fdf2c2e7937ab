package org.learnability.experiments.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * The command line as a test runs it in its directory: any command with an empty plugins directory
 * there, and the {@link SmallRun small run} on a data directory, by default the {@link
 * SyntheticFashion#in synthetic Fashion-MNIST set} written there when first asked for. A test holds
 * one in a field, {@code CliFixture.in(() -> dir)} beside its {@code @TempDir Path dir}, and says
 * only the options particular to it: those of all its runs once ({@link #with}), those of a run at
 * the call. An option given later replaces one given earlier; a null value leaves it out.
 */
public final class CliFixture {

    private final Supplier<Path> dir;

    /** The runs' data directory; null for the synthetic set in the test's directory. */
    private final Path data;

    /** The test's options of every run, before a run's own. */
    private final List<String> options;

    private CliFixture(Supplier<Path> dir, Path data, List<String> options) {
        this.dir = dir;
        this.data = data;
        this.options = options;
    }

    /**
     * The command line in a test's directory.
     *
     * @param dir the test's directory, read when a command runs (a {@code @TempDir} field is set
     *     after the test's fields are)
     * @return the fixture
     */
    public static CliFixture in(Supplier<Path> dir) {
        return new CliFixture(dir, null, List.of());
    }

    /**
     * The same, its runs on another data directory.
     *
     * @param data the data directory
     * @return the fixture
     */
    public CliFixture on(Path data) {
        return new CliFixture(dir, data, options);
    }

    /**
     * The same, every run with these options before its own.
     *
     * @param more option-value pairs
     * @return the fixture
     */
    public CliFixture with(String... more) {
        return new CliFixture(dir, data, concat(options, more));
    }

    /**
     * Returns the test's directory.
     *
     * @return the directory
     */
    public Path dir() {
        return dir.get();
    }

    /**
     * Returns the data directory of the runs, writing the synthetic set if it is theirs and not
     * there yet.
     *
     * @return the data directory
     */
    public Path data() {
        return data != null ? data : SyntheticFashion.in(dir());
    }

    /**
     * Runs a command with {@code --plugins} an empty directory, after its arguments.
     *
     * @param args the command and its arguments
     * @return the outcome
     */
    public CliRun command(String... args) {
        return CliRun.of(concat(Arrays.asList(args), "--plugins", CliRun.noPlugins(dir())));
    }

    /**
     * Returns the arguments of a small run.
     *
     * @param own the run's own option-value pairs
     * @return the arguments, starting with {@code run}
     */
    public List<String> args(String... own) {
        return SmallRun.args(data(), dir(), concat(options, own).toArray(String[]::new));
    }

    /**
     * Runs a small run.
     *
     * @param own the run's own option-value pairs
     * @return the outcome
     */
    public CliRun run(String... own) {
        return CliRun.of(args(own));
    }

    /**
     * Runs a small run into an experiment directory: its own options, then {@code --out}.
     *
     * @param out the experiment directory
     * @param own the run's own option-value pairs
     * @return the outcome
     */
    public CliRun run(Path out, String... own) {
        return run(concat(Arrays.asList(own), "--out", out.toString()).toArray(String[]::new));
    }

    /**
     * Runs a small run into an experiment directory, as {@link #run(Path, String...)}, and asserts
     * that it succeeds: exit code 0, else its standard error as the failure.
     *
     * @param out the experiment directory
     * @param own the run's own option-value pairs
     * @return the outcome
     */
    public CliRun succeeds(Path out, String... own) {
        CliRun run = run(out, own);
        assertEquals(0, run.exitCode(), run.err());
        return run;
    }

    /** The two lists one after the other; an option's value may be null. */
    private static List<String> concat(List<String> first, String... then) {
        List<String> all = new ArrayList<>(first);
        all.addAll(Arrays.asList(then));
        return Collections.unmodifiableList(all);
    }
}
