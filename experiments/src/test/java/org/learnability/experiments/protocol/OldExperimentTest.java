package org.learnability.experiments.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learnability.experiments.record.OldLines;
import org.learnability.experiments.testing.CliFixture;
import org.learnability.experiments.testing.CliRun;
import org.learnability.experiments.testing.OneEngineTest;

/**
 * An experiment directory written before the interventions (a {@code plan.json} of the first
 * format, records of schema 1) resumes with the same command: nothing is trained again, and the
 * recorded plan keeps the behaviour it had.
 */
@OneEngineTest
class OldExperimentTest {

    private static final List<String> NEW_PLAN_KEYS =
            List.of(
                    "loss",
                    "apply",
                    "weightEma",
                    "uniformMix",
                    "warmupEpochs",
                    "maxAccuracyDrop",
                    "maxWeightRatio",
                    "collapseThreshold");

    private static final List<String> NEW_RECORD_KEYS =
            List.of(
                    "loss",
                    "apply",
                    "weightEma",
                    "uniformMix",
                    "warmupEpochs",
                    "posthoc",
                    "maxWeightRatio",
                    "collapse");

    @TempDir Path dir;

    private final CliFixture cli = CliFixture.in(() -> dir);

    @Test
    void anExperimentOfTheFirstFormatResumesAndKeepsItsPlan() throws IOException {
        Path out = dir.resolve("old");
        List<String> args = cli.args("--seeds", "2", "--out", out.toString());
        assertEquals(0, CliRun.of(args).exitCode());

        // back to the first format: plan.json without the options added since, records of schema 1
        JsonObject plan =
                JsonParser.parseString(Files.readString(out.resolve("plan.json")))
                        .getAsJsonObject();
        NEW_PLAN_KEYS.forEach(plan::remove);
        Files.writeString(out.resolve("plan.json"), plan.toString().replace("=", "\\u003d") + "\n");
        String runs =
                Files.readAllLines(out.resolve("runs.jsonl")).stream()
                        .map(
                                line -> {
                                    JsonObject r =
                                            OldLines.flat(
                                                    JsonParser.parseString(line).getAsJsonObject());
                                    NEW_RECORD_KEYS.forEach(r::remove);
                                    r.addProperty("schema", 1);
                                    return r.toString();
                                })
                        .collect(Collectors.joining("\n", "", "\n"));
        Files.writeString(out.resolve("runs.jsonl"), runs);

        CliRun again = CliRun.of(args);
        assertEquals(0, again.exitCode(), again.err());
        assertEquals(4, again.skipped(), again.out());
        assertEquals(runs, Files.readString(out.resolve("runs.jsonl")), "nothing trained again");
        assertTrue(Files.readString(out.resolve("report.md")).contains("| `mean-ratio:gamma=2` |"));

        // a changed option is still named, against the old plan's values
        CliRun changed = cli.run("--seeds", "2", "--loss", "focal", "--out", out.toString());
        assertEquals(
                "error: "
                        + out
                        + " holds another experiment: --loss is focal but ce was recorded; use"
                        + " another --out, or the recorded options to resume\n",
                changed.err());
    }
}
