package org.learnability.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learnability.experiments.testing.CliFixture;
import org.learnability.experiments.testing.CliRun;

/**
 * Inputs that trained something other than what the user meant, or blamed an option the user never
 * gave, each refused in one {@code error:} line with nothing written (issue 33, item 12): one
 * strategy spelled two ways, one numeric class label spelled two ways, a preset's image-only
 * options on data they do not fit, and test-time flips of a table.
 */
class MisleadingInputsTest {

    @TempDir Path dir;

    private final CliFixture cli = CliFixture.in(() -> dir);
    private Path out;

    @BeforeEach
    void chooseOut() {
        out = dir.resolve("out");
    }

    private void assertRefused(CliFixture fixture, String message, String... options) {
        assertRefused(fixture, message, List.of(), options);
    }

    /** The same with flags (options without a value) after the options. */
    private void assertRefused(
            CliFixture fixture, String message, List<String> flags, String... options) {
        List<String> args = new ArrayList<>(fixture.args(options));
        args.addAll(List.of("--out", out.toString()));
        args.addAll(flags);
        CliRun run = CliRun.of(args);
        assertEquals("error: " + message + "\n", run.err());
        assertEquals(1, run.exitCode(), run.err());
        assertEquals("", run.out(), "nothing on standard output");
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void oneStrategyWithTheSameParametersTwiceIsRefusedNamingBothSpellings() {
        assertRefused(
                cli,
                "--strategies names mean-ratio:gamma=2 and mean-ratio:gamma=2.0, the same strategy"
                        + " with the same parameters, which would train the same arm twice; give"
                        + " it once",
                "--strategies",
                "mean-ratio:gamma=2,mean-ratio:gamma=2.0");
        assertRefused(
                cli,
                "--strategies names mean-ratio and mean-ratio:gamma=1, the same strategy with the"
                        + " same parameters, which would train the same arm twice; give it once",
                "--strategies",
                "mean-ratio,mean-ratio:gamma=1");
    }

    @Test
    void aNumericLabelWrittenTwoWaysIsRefusedNamingBothLines() throws IOException {
        StringBuilder csv = new StringBuilder("x,y,label\n");
        for (int r = 0; r < 20; r++) {
            csv.append(r).append(',').append(-r).append(',').append(r % 2 == 0 ? "1" : "2");
            csv.append('\n');
        }
        csv.append("3,4,1.0\n");
        Path table = Files.writeString(dir.resolve("table.csv"), csv);
        assertRefused(
                table(table),
                table
                        + ", line 22: the label 'label' is '1.0', the number written '1' on line 2;"
                        + " write each class one way (as written they are two classes)");
    }

    @Test
    void aPresetsAugmentationOnDataItDoesNotFitIsNamedAsThePresets() {
        assertRefused(
                cli,
                "--preset cpu turns on --augment (random crop and flip), which is for cifar10, not"
                        + " fashion-mnist; give --no-augment with it",
                "--preset",
                "cpu");
        assertRefused(
                cli,
                "--augment (random crop and flip) is for cifar10, not fashion-mnist",
                List.of("--augment"));
    }

    @Test
    void testTimeFlipsOfATableAreRefused() throws IOException {
        Path table =
                Files.writeString(
                        dir.resolve("flip.csv"), "x,label\n1,a\n2,b\n3,a\n4,b\n5,a\n6,b\n");
        assertRefused(
                table(table),
                "--test-time flip (the mean logits of an image and its mirror image) is for"
                        + " images, not csv, a table; give --test-time none",
                "--test-time",
                "flip");
        assertRefused(
                table(table),
                "--preset cpu sets --test-time flip (the mean logits of an image and its mirror"
                        + " image), which is for images, not csv, a table; give --test-time none"
                        + " with it",
                List.of("--no-augment"),
                "--preset",
                "cpu");
    }

    /** Runs on a table with {@code mlp}. */
    private CliFixture table(Path table) {
        return cli.on(table)
                .with(
                        "--dataset",
                        "csv",
                        "--label",
                        "label",
                        "--model",
                        "mlp",
                        "--val-size",
                        "2",
                        "--test-size",
                        "2",
                        "--train-size",
                        "0");
    }
}
