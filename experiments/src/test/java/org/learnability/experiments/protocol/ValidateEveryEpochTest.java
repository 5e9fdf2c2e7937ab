package org.learnability.experiments.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.learnability.experiments.testing.RunsJsonl.doubles;
import static org.learnability.experiments.testing.RunsJsonl.records;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learnability.experiments.testing.CliFixture;
import org.learnability.experiments.testing.CliRun;
import org.learnability.experiments.testing.EngineTest;

/**
 * {@code --no-validate-every-epoch} on small synthetic Fashion-MNIST files, on each engine: the
 * models train exactly as with every epoch scored (the same test scores and weights), their records
 * hold no per-epoch scores, and a dynamic arm, whose weights follow the epochs' scores, still has
 * them.
 */
@EngineTest
class ValidateEveryEpochTest {

    @TempDir Path dir;

    private final CliFixture cli = CliFixture.in(() -> dir);

    /** Runs two-stage and dynamic, with the switches given after the fixture's options. */
    private List<JsonObject> run(String name, String... switches) {
        Path out = dir.resolve(name);
        List<String> args =
                new ArrayList<>(
                        cli.args(
                                "--strategies",
                                "mean-ratio",
                                "--seeds",
                                "1",
                                "--mode",
                                "two-stage,dynamic",
                                "--epochs",
                                "2",
                                "--out",
                                out.toString()));
        args.addAll(List.of(switches));
        CliRun run = CliRun.of(args);
        assertEquals(0, run.exitCode(), run.err());
        try {
            return records(out);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void onlyTheModesThatNeedTheEpochsScoresScoreThem() {
        List<JsonObject> every = run("every");
        List<JsonObject> once = run("once", "--no-validate-every-epoch");
        assertEquals(arms(every), arms(once));
        assertEquals(3, every.size(), "a baseline, a two-stage and a dynamic model");
        assertEquals(1, arms(once).stream().filter(a -> a.startsWith("dynamic ")).count());
        for (int i = 0; i < every.size(); i++) {
            String mode = every.get(i).getAsJsonObject("arm").get("mode").getAsString();
            assertEquals(2, epochs(every.get(i)), mode + ", every epoch scored");
            assertEquals(
                    mode.equals("dynamic") ? 2 : 0,
                    epochs(once.get(i)),
                    mode + ", scored once unless its weights follow the epochs");
            assertArrayEquals(
                    tpr(every.get(i), "test"),
                    tpr(once.get(i), "test"),
                    0,
                    mode + ": the same training, so the same test scores");
            assertArrayEquals(
                    tpr(every.get(i), "validation"), tpr(once.get(i), "validation"), 0, mode);
            assertArrayEquals(
                    doubles(every.get(i).getAsJsonObject("arm").getAsJsonArray("weights")),
                    doubles(once.get(i).getAsJsonObject("arm").getAsJsonArray("weights")),
                    0,
                    mode + "'s weights");
        }
    }

    private static List<String> arms(List<JsonObject> records) {
        return records.stream()
                .map(r -> r.getAsJsonObject("arm"))
                .map(a -> a.get("mode").getAsString() + " " + a.get("strategy").getAsString())
                .toList();
    }

    private static int epochs(JsonObject record) {
        JsonArray epochs = record.getAsJsonObject("scores").getAsJsonArray("epochValidation");
        return epochs == null ? 0 : epochs.size();
    }

    private static double[] tpr(JsonObject record, String split) {
        return doubles(
                record.getAsJsonObject("scores").getAsJsonObject(split).getAsJsonArray("tpr"));
    }
}
