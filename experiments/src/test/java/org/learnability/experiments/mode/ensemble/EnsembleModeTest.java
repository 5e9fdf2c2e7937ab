package org.learnability.experiments.mode.ensemble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learnability.experiments.testing.CliFixture;
import org.learnability.experiments.testing.CliRun;
import org.learnability.experiments.testing.EngineTest;
import org.learnability.experiments.testing.RunsJsonl;

/**
 * The {@code ensemble} mode on both engines: an ensemble of one model scores exactly as that model
 * (with test-time flips, applied per member); an ensemble of two records its members, costs two
 * trainings, shares its weighted member with the {@code two-stage} arm, and its members are loaded
 * from their saved files when another arm needs them in a later run.
 */
@EngineTest
class EnsembleModeTest {

    @TempDir Path dir;

    /** Runs of one epoch. */
    private final CliFixture cli = CliFixture.in(() -> dir).with("--epochs", "1");

    private static String mode(JsonObject r) {
        return r.getAsJsonObject("arm").get("mode").getAsString();
    }

    private static List<JsonObject> of(Path out, String mode) throws IOException {
        return RunsJsonl.records(out).stream()
                .filter(r -> mode(r).equals(mode))
                .filter(r -> r.getAsJsonObject("arm").get("round").getAsInt() > 0)
                .toList();
    }

    private static long trainedImages(JsonObject r) {
        return r.getAsJsonObject("cost").get("trainedImages").getAsLong();
    }

    @Test
    void anEnsembleOfOneScoresExactlyAsItsModel() throws IOException {
        Path out = dir.resolve("one");
        cli.succeeds(
                out,
                "--mode",
                "ensemble,ensemble+posthoc",
                "--ensemble-size",
                "1",
                "--test-time",
                "flip",
                "--strategies",
                "mean-ratio:gamma=2");
        JsonObject baseline = RunsJsonl.records(out).get(0);
        List<JsonObject> ensembles = of(out, "ensemble");
        assertEquals(2, ensembles.size(), "the plain ensemble and mean-ratio's");
        for (JsonObject r : ensembles) {
            for (String split : List.of("validation", "test")) {
                JsonObject own = r.getAsJsonObject("scores").getAsJsonObject(split);
                JsonObject its = baseline.getAsJsonObject("scores").getAsJsonObject(split);
                for (String figure : List.of("confusionMatrix", "tpr", "accuracy")) {
                    assertEquals(its.get(figure), own.get(figure), r.get("key") + " " + split);
                }
            }
            assertEquals(trainedImages(baseline), trainedImages(r), "one training: the baseline");
            assertTrue(
                    r.get("key").getAsString().contains("[ensemble-size=1"),
                    r.get("key").toString());
        }
        assertEquals(
                5,
                RunsJsonl.records(out).size(),
                "the baseline, two ensembles and two with offsets: no member of their own");
    }

    @Test
    void anEnsembleOfTwoRecordsAndSharesItsMembers() throws IOException {
        Path out = dir.resolve("two");
        cli.succeeds(out, "--mode", "ensemble", "--strategies", "mean-ratio:gamma=2");
        JsonObject baseline = RunsJsonl.records(out).get(0);
        JsonObject member = of(out, EnsembleMembers.MEMBER).get(0);
        JsonObject secondStage = of(out, "two-stage").get(0);
        assertEquals("uniform", member.getAsJsonObject("arm").get("strategy").getAsString());
        int seed = baseline.getAsJsonObject("provenance").get("seed").getAsInt();
        int trainingSeed =
                member.getAsJsonObject("parts")
                        .getAsJsonObject(EnsembleMembers.PART)
                        .get("trainingSeed")
                        .getAsInt();
        assertNotEquals(seed, trainingSeed, "another initialisation");
        assertEquals(EnsembleMembers.trainingSeed(seed, 1), trainingSeed);
        assertTrue(
                member.has("savedModel") && !member.get("savedModel").isJsonNull(),
                "saved as a baseline is");
        for (JsonObject r : of(out, "ensemble")) {
            JsonObject part = r.getAsJsonObject("parts").getAsJsonObject("ensemble");
            assertEquals(2, part.get("size").getAsInt());
            String second =
                    r.getAsJsonObject("arm").get("strategy").getAsString().equals("uniform")
                            ? member.get("key").getAsString()
                            : secondStage.get("key").getAsString();
            assertEquals(
                    List.of(baseline.get("key").getAsString(), second),
                    part.getAsJsonArray("members").asList().stream()
                            .map(e -> e.getAsString())
                            .toList());
            assertEquals(2 * trainedImages(baseline), trainedImages(r), "two trainings");
            assertFalse(
                    r.has("savedModel") && !r.get("savedModel").isJsonNull(),
                    "no model of its own");
        }

        long baselineImages = trainedImages(baseline);
        assertEquals(
                2 * baselineImages,
                secondStage.getAsJsonObject("cost").get("totalImages").getAsLong(),
                "the two-stage model the ensemble made costs its training and the baseline's");
        assertEquals(
                baselineImages,
                member.getAsJsonObject("cost").get("totalImages").getAsLong(),
                "a uniform member trains from scratch, without the baseline");
        String summary = Files.readString(out.resolve("summary.csv"));
        assertFalse(summary.contains(EnsembleMembers.MEMBER), "a member is no arm: " + summary);
        assertTrue(summary.contains(",ensemble,mean-ratio:gamma=2,"), summary);
        assertTrue(summary.contains(",ensemble,uniform,"), summary);

        // the two-stage arm finds its model recorded; ensemble+posthoc loads the members
        int before = RunsJsonl.records(out).size();
        CliRun again =
                cli.succeeds(
                        out,
                        "--mode",
                        "two-stage,ensemble,ensemble+posthoc",
                        "--strategies",
                        "mean-ratio:gamma=2");
        assertEquals(before + 2, RunsJsonl.records(out).size(), again.out());
        assertEquals(2, of(out, "ensemble+posthoc").size());
        assertTrue(
                again.out()
                        .contains(
                                member.get("key").getAsString()
                                        + ": already in runs.jsonl,"
                                        + " its model loaded from"),
                again.out());
        for (JsonObject r : of(out, "ensemble+posthoc")) {
            assertEquals(2 * trainedImages(baseline), trainedImages(r), "the ensemble's cost");
            assertTrue(r.getAsJsonObject("parts").has("posthoc"));
        }
    }

    @Test
    void twoStageListedBeforeTheEnsembleIsTrainedOnce() throws IOException {
        // the ensemble runs first and records the second-stage model; two-stage then finds it
        Path out = dir.resolve("both");
        CliRun run =
                cli.succeeds(
                        out, "--mode", "two-stage,ensemble", "--strategies", "mean-ratio:gamma=2");
        JsonObject secondStage = of(out, "two-stage").get(0);
        String key = secondStage.get("key").getAsString();
        assertEquals(
                1,
                run.out().lines().filter(l -> l.contains(key + ": training")).count(),
                run.out());
        assertEquals(
                3,
                run.out().lines().filter(l -> l.contains(": training ")).count(),
                "the baseline, the second stage and the uniform member: " + run.out());
        assertEquals(1, of(out, "two-stage").size());
        // every model's line counts up to the models of the plan: the baseline, the two
        // ensembles, their two added members, and two-stage's own (found recorded)
        List<String> counts =
                run.out()
                        .lines()
                        .filter(l -> l.startsWith("["))
                        .map(l -> l.substring(0, l.indexOf(']') + 1))
                        .toList();
        assertEquals(List.of("[1/6]", "[2/6]", "[3/6]", "[4/6]", "[5/6]", "[6/6]"), counts);
    }
}
