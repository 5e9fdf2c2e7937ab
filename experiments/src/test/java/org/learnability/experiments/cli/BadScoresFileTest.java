package org.learnability.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learnability.experiments.testing.CliRun;

/**
 * A scores file is refused, in one line naming the file and the value, when it holds a class
 * without samples, counts that are not whole, do not fit a long or overflow their sums, or a key
 * twice.
 */
class BadScoresFileTest {

    @TempDir Path dir;

    private void assertRefused(String json, String problem) throws IOException {
        Path file = Files.writeString(dir.resolve("scores.json"), json);
        CliRun run =
                CliRun.of(
                        "weights",
                        "--strategy",
                        "mean-ratio",
                        "--scores",
                        file.toString(),
                        "--plugins",
                        CliRun.noPlugins(dir));
        assertEquals(1, run.exitCode(), run.err());
        assertEquals("", run.out());
        assertEquals("error: " + file + ": " + problem + "\n", run.err());
    }

    @Test
    void aClassWithoutSamplesIsRefusedByName() throws IOException {
        assertRefused(
                "{\"classes\": [\"cat\", \"dog\", \"bird\"],"
                        + " \"confusionMatrix\": [[5, 1, 0], [0, 0, 0], [1, 2, 7]]}",
                "class 1 ('dog') has no samples: row 1 of \"confusionMatrix\" is all zeros;"
                        + " every class needs at least one sample to have a TPR");
        assertRefused(
                "{\"confusionMatrix\": [[0, 0], [0, 0]]}",
                "class 0 ('0') has no samples: row 0 of \"confusionMatrix\" is all zeros;"
                        + " every class needs at least one sample to have a TPR");
    }

    @Test
    void countsMustBeWholeAndFitTheirSums() throws IOException {
        assertRefused(
                "{\"confusionMatrix\": [[1e300, 1], [1, 1]]}",
                "\"confusionMatrix\"[0][0] is 1e300; expected a whole count from 0 to"
                        + " 9223372036854775807");
        assertRefused(
                "{\"confusionMatrix\": [[2.5, 1], [1, 1]]}",
                "\"confusionMatrix\"[0][0] is 2.5; expected a whole count from 0 to"
                        + " 9223372036854775807");
        assertRefused(
                "{\"confusionMatrix\": [[1, -3], [1, 1]]}",
                "\"confusionMatrix\"[0][1] is -3; expected a whole count from 0 to"
                        + " 9223372036854775807");
        assertRefused(
                "{\"confusionMatrix\": [[9223372036854775807, 1], [1, 1]]}",
                "the counts of \"confusionMatrix\" sum beyond 9223372036854775807 from row 0 on;"
                        + " expected counts of samples");
        assertRefused(
                "{\"confusionMatrix\": [[9223372036854775806, 0], [1, 1]]}",
                "the counts of \"confusionMatrix\" sum beyond 9223372036854775807 from row 1 on;"
                        + " expected counts of samples");
    }

    @Test
    void aKeyGivenTwiceIsRefused() throws IOException {
        assertRefused(
                "{\"tpr\": [0.5, 0.9], \"tpr\": [0.9, 0.5]}",
                "key \"tpr\" appears twice; give each key once");
    }
}
