package org.learnability.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learnability.api.testing.PluginJars;
import org.learnability.experiments.testing.CliFixture;
import org.learnability.experiments.testing.CliRun;

/**
 * A plugin that fails, at whatever moment (naming itself, describing its parameters, creating a
 * strategy, weighting), is one {@code error:} line naming the strategy, its jar and the cause, in
 * every command, with no stack trace unless {@code --verbose}; {@code run} finds it before it
 * trains or writes anything.
 */
class PluginFailuresTest {

    @TempDir Path dir;

    private final CliFixture cli = CliFixture.in(() -> dir);
    private Path scores;

    @BeforeEach
    void writeScores() throws IOException {
        scores = Files.writeString(dir.resolve("scores.json"), "{\"tpr\": [0.5, 0.9]}");
    }

    /** A provider whose methods are given as Java statements; {@code weights} returns weights. */
    private static String provider(
            String className, String name, String parameters, String create, String weights) {
        return """
                package com.example;

                import java.util.List;
                import org.learnability.api.strategy.*;
                import org.learnability.api.weights.ClassWeights;

                public class %s implements WeightStrategyProvider {
                    public String name() { %s }
                    public String description() { return "a failing plugin"; }
                    public List<ParameterSpec> parameters() { %s }
                    public WeightStrategy create(StrategyParameters p) {
                        %s
                        return (scores, current) -> { %s };
                    }
                }
                """
                .formatted(className, name, parameters, create, weights);
    }

    /** Builds a plugins directory holding one jar with the provider. */
    private Path plugins(String className, String source) {
        Path directory = dir.resolve("plugins-" + className);
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        PluginJars.plugin(
                directory.resolve(className + ".jar"),
                Map.of("com.example." + className, source),
                "com.example." + className);
        return directory;
    }

    private static String jar(Path plugins, String className) {
        return "com.example." + className + " in " + plugins.resolve(className + ".jar");
    }

    private static void assertOneLine(CliRun run, String line) {
        assertEquals(1, run.exitCode(), run.err());
        assertEquals("", run.out(), "nothing on standard output");
        assertEquals("error: " + line + "\n", run.err());
    }

    /** {@code strategies}, {@code weights} and {@code run} all fail with the given line. */
    private void assertEveryCommandFails(Path plugins, String strategy, String line) {
        assertOneLine(CliRun.of("strategies", "--plugins", plugins.toString()), line);
        assertWeightsAndRunFail(plugins, strategy, line);
    }

    private void assertWeightsAndRunFail(Path plugins, String strategy, String line) {
        assertOneLine(
                CliRun.of(
                        "weights",
                        "--strategy",
                        strategy,
                        "--scores",
                        scores.toString(),
                        "--plugins",
                        plugins.toString()),
                line);
        Path out = dir.resolve("out-" + strategy);
        assertOneLine(
                cli.run(
                        "--strategies",
                        strategy,
                        "--plugins",
                        plugins.toString(),
                        "--out",
                        out.toString()),
                line);
        assertFalse(Files.exists(out), "run wrote nothing");
    }

    @Test
    void aProviderWhoseParametersThrow() {
        Path plugins =
                plugins(
                        "ParametersThrow",
                        provider(
                                "ParametersThrow",
                                "return \"parameters-throw\";",
                                "throw new IllegalStateException(\"no parameters today\");",
                                "",
                                "return current;"));
        assertEveryCommandFails(
                plugins,
                "parameters-throw",
                "strategy parameters-throw ("
                        + jar(plugins, "ParametersThrow")
                        + "): parameters() failed: IllegalStateException: no parameters today");
    }

    @Test
    void aProviderWhoseDefaultIsOutOfItsRange() {
        Path plugins =
                plugins(
                        "BadDefault",
                        provider(
                                "BadDefault",
                                "return \"bad-default\";",
                                "return List.of(ParameterSpec.number(\"gamma\", \"g\", 20,"
                                        + " Range.closed(0, 10)));",
                                "",
                                "return current;"));
        assertEveryCommandFails(
                plugins,
                "bad-default",
                "strategy bad-default ("
                        + jar(plugins, "BadDefault")
                        + "): parameters() failed: IllegalArgumentException: default of parameter"
                        + " gamma is '20'; it must be a number in [0, 10]");
    }

    @Test
    void aProviderWhoseNameThrows() {
        Path plugins =
                plugins(
                        "NameThrows",
                        provider(
                                "NameThrows",
                                "throw new UnsupportedOperationException(\"nameless\");",
                                "return List.of();",
                                "",
                                "return current;"));
        assertOneLine(
                CliRun.of("strategies", "--plugins", plugins.toString()),
                jar(plugins, "NameThrows")
                        + ": name() failed: UnsupportedOperationException: nameless");
    }

    @Test
    void aProviderWhoseCreateReturnsNullOrThrows() {
        Path nulls =
                plugins(
                        "NullCreate",
                        provider(
                                "NullCreate",
                                "return \"null-create\";",
                                "return List.of();",
                                "if (p != null) { return null; }",
                                "return current;"));
        assertEquals(0, CliRun.of("strategies", "--plugins", nulls.toString()).exitCode());
        assertWeightsAndRunFail(
                nulls,
                "null-create",
                "strategy null-create (" + jar(nulls, "NullCreate") + "): create() returned null");
        Path throwing =
                plugins(
                        "CreateThrows",
                        provider(
                                "CreateThrows",
                                "return \"create-throws\";",
                                "return List.of();",
                                "if (p != null) { throw new IllegalStateException(\"boom\"); }",
                                "return current;"));
        assertWeightsAndRunFail(
                throwing,
                "create-throws",
                "strategy create-throws ("
                        + jar(throwing, "CreateThrows")
                        + "): create() failed: IllegalStateException: boom");
    }

    @Test
    void aStrategyThatThrowsOrReturnsNaNIsFoundBeforeAnythingTrains() {
        Path npe =
                plugins(
                        "WeightsNpe",
                        provider(
                                "WeightsNpe",
                                "return \"weights-npe\";",
                                "return List.of();",
                                "",
                                "java.util.Objects.requireNonNull(null, \"no scores today\");"
                                        + " return current;"));
        assertWeightsAndRunFail(
                npe,
                "weights-npe",
                "strategy weights-npe ("
                        + jar(npe, "WeightsNpe")
                        + "): weights() failed: NullPointerException: no scores today");
        Path nan =
                plugins(
                        "WeightsNaN",
                        provider(
                                "WeightsNaN",
                                "return \"weights-nan\";",
                                "return List.of();",
                                "",
                                "double[] w = new double[scores.numClasses()];"
                                        + " java.util.Arrays.fill(w, Double.NaN);"
                                        + " return ClassWeights.of(w);"));
        assertWeightsAndRunFail(
                nan,
                "weights-nan",
                "strategy weights-nan ("
                        + jar(nan, "WeightsNaN")
                        + "): weights() failed: IllegalArgumentException: weight of class 0 is NaN;"
                        + " class weights must be finite and > 0");
    }

    @Test
    void verbosePrintsTheStackTraceAfterTheLine() {
        Path plugins =
                plugins(
                        "VerboseThrow",
                        provider(
                                "VerboseThrow",
                                "return \"verbose-throw\";",
                                "throw new IllegalStateException(\"no parameters today\");",
                                "",
                                "return current;"));
        CliRun run = CliRun.of("strategies", "--verbose", "--plugins", plugins.toString());
        assertEquals(1, run.exitCode());
        List<String> lines = run.err().lines().toList();
        assertTrue(lines.get(0).startsWith("error: strategy verbose-throw ("), lines.get(0));
        assertTrue(lines.size() > 3, "a stack trace follows: " + run.err());
        assertTrue(run.err().contains("com.example.VerboseThrow.parameters("), run.err());
    }

    @Test
    void aMissingPluginsDirectoryOtherThanTheDefaultIsAnError() {
        Path missing = dir.resolve("no-such-plugins");
        assertOneLine(
                CliRun.of("strategies", "--plugins", missing.toString()),
                "--plugins "
                        + missing
                        + ": no such directory; expected a directory of strategy jars");
    }
}
