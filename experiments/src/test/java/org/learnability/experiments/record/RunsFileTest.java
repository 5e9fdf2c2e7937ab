package org.learnability.experiments.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learnability.experiments.stats.SyntheticRuns;

class RunsFileTest {

    @TempDir Path dir;

    private Path appendAll(List<RunRecord> runs) {
        Path file = dir.resolve(RunsFile.NAME);
        runs.forEach(r -> RunsFile.append(file, r));
        return file;
    }

    @Test
    void appendedRecordsReadBackEqual() throws IOException {
        List<RunRecord> runs = SyntheticRuns.twoStage();
        Path file = appendAll(runs);
        assertEquals(runs, RunsFile.read(file));
        List<String> lines = Files.readAllLines(file);
        assertEquals(runs.size(), lines.size());
        assertTrue(
                lines.get(0).startsWith("{\"schema\":7,\"key\":\"PyTorch/1/two-stage/uniform/0\""),
                lines.get(0));
        assertTrue(Files.readString(file).endsWith("}\n"));
    }

    @Test
    void aTruncatedLastLineIsSkipped() throws IOException {
        List<RunRecord> runs = SyntheticRuns.twoStage();
        Path file = appendAll(runs.subList(0, 3));
        String torn = RunsFile.toJson(runs.get(3));
        Files.writeString(file, torn.substring(0, torn.length() / 2), StandardOpenOption.APPEND);
        assertEquals(runs.subList(0, 3), RunsFile.read(file));
    }

    @Test
    void appendRemovesATornTailSoNoBrokenLineEndsUpInTheMiddle() throws IOException {
        List<RunRecord> runs = SyntheticRuns.twoStage();
        Path file = appendAll(runs.subList(0, 2));
        String torn = RunsFile.toJson(runs.get(2));
        Files.writeString(file, torn.substring(0, 40), StandardOpenOption.APPEND);
        RunsFile.append(file, runs.get(2));
        RunsFile.append(file, runs.get(3));
        assertEquals(runs.subList(0, 4), RunsFile.read(file));
        assertEquals(4, Files.readAllLines(file).size());
    }

    @Test
    void aCompleteLastRecordWithoutItsNewlineIsKeptAndEnded() throws IOException {
        List<RunRecord> runs = SyntheticRuns.twoStage();
        Path file = appendAll(runs.subList(0, 1));
        Files.writeString(file, RunsFile.toJson(runs.get(1)), StandardOpenOption.APPEND);
        assertEquals(runs.subList(0, 2), RunsFile.read(file));
        RunsFile.append(file, runs.get(2));
        assertEquals(runs.subList(0, 3), RunsFile.read(file));
    }

    @Test
    void aBrokenLineInTheMiddleNamesFileAndLine() throws IOException {
        List<RunRecord> runs = SyntheticRuns.twoStage();
        Path file = dir.resolve(RunsFile.NAME);
        String good = RunsFile.toJson(runs.get(0)) + "\n";
        Files.writeString(
                file,
                good + good.substring(0, 50) + "\n" + RunsFile.toJson(runs.get(1)) + "\n",
                StandardCharsets.UTF_8);
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> RunsFile.read(file));
        assertTrue(e.getMessage().startsWith(file + " line 2: not valid JSON ("), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }

    @Test
    void aRecordOfSchemaOneReadsWithTheWeightingItWasTrainedWith() throws IOException {
        RunRecord now = SyntheticRuns.twoStage().get(1);
        JsonObject old = OldLines.flat(now);
        old.addProperty("schema", 1);
        for (String added :
                List.of(
                        "loss",
                        "apply",
                        "weightEma",
                        "uniformMix",
                        "warmupEpochs",
                        "posthoc",
                        "maxWeightRatio",
                        "collapse",
                        "weighting")) {
            old.remove(added);
        }
        Path file = dir.resolve(RunsFile.NAME);
        Files.writeString(file, old + "\n");
        RunRecord read = RunsFile.read(file).get(0);
        assertEquals("ce", read.arm().weighting().loss().toString());
        assertEquals("loss", read.arm().weighting().apply().toString());
        assertEquals(0.0, read.arm().weighting().weightEma());
        assertEquals(0.0, read.arm().weighting().uniformMix());
        assertEquals(1, read.arm().weighting().warmupEpochs());
        assertEquals(false, read.parts().has(Posthoc.PART));
        assertEquals("", read.arm().variant());
        assertEquals(0, read.arm().weighting().maxWeightRatio(), "no bound");
        assertEquals(null, read.scores().collapse(), "not marked");
        assertEquals(now.scores().test(), read.scores().test());
        assertEquals(now.key(), read.key());
    }

    @Test
    void recordsOfSchemasOneToFourReadWithTheCostTheyTrainedAt() throws IOException {
        RunRecord trained = SyntheticRuns.twoStage().get(1);
        RunRecord derived =
                SyntheticRuns.with(
                        trained,
                        o -> {
                            o.getAsJsonObject("parts")
                                    .add(
                                            "posthoc",
                                            JsonParser.parseString(
                                                    "{\"temperature\": 0.5, \"offsets\": [0, 0,"
                                                            + " 0]}"));
                            o.getAsJsonObject("cost").remove("trainedImages");
                        });
        // one file per line: a runs.jsonl keeps one record per key (the last counts)
        List<RunRecord> read = new java.util.ArrayList<>();
        for (int schema = 1; schema <= 4; schema++) {
            for (RunRecord r : List.of(trained, derived)) {
                JsonObject old = OldLines.flat(r);
                old.addProperty("schema", schema);
                for (String added : List.of("finetune", "trainedImages", "savedModel")) {
                    old.remove(added);
                }
                Path file = dir.resolve("schema-" + schema + "-" + read.size() + ".jsonl");
                Files.writeString(file, old + "\n");
                read.addAll(RunsFile.read(file));
            }
        }
        assertEquals(8, read.size());
        for (int i = 0; i < read.size(); i += 2) {
            RunRecord t = read.get(i);
            assertEquals(
                    (long) t.training().epochs() * t.training().trainSize(),
                    t.trainedImages(),
                    "epochs x images");
            assertEquals(0L, read.get(i + 1).trainedImages(), "a derived model trains nothing");
            assertEquals(false, t.parts().has(Finetune.PART));
            assertEquals(null, t.savedModel());
            assertEquals(trained.key(), t.key());
            assertTrue(!t.recordsCost(), "schema " + t.schema() + " records no cost of its own");
        }
        Path current = dir.resolve("current.jsonl");
        RunsFile.append(current, trained);
        assertTrue(RunsFile.read(current).get(0).recordsCost());
    }

    @Test
    void aLineOfSchemaSixWrittenAgainIsOfSchemaSevenAndReadsBackEqual() throws IOException {
        RunRecord weighted = SyntheticRuns.twoStage().get(1);
        JsonObject six = OldLines.flat(weighted);
        String variant = "finetune-epochs=2;finetune-lr=0.001;schedule=cosine";
        six.addProperty(
                "key", "PyTorch/1/two-stage/" + weighted.arm().strategy() + "[" + variant + "]/1");
        six.add("finetune", JsonParser.parseString("{\"epochs\":2,\"learningRate\":0.001}"));
        six.add(
                "posthoc",
                JsonParser.parseString("{\"temperature\":0.5,\"offsets\":[0.1,0.0,-0.1]}"));
        six.add(
                "testSplit",
                JsonParser.parseString("{\"from\":\"cut\",\"path\":\"t.csv\",\"images\":300}"));
        six.add(
                "savedModel",
                JsonParser.parseString(
                        "{\"path\":\"models/m.params\",\"sha256\":\"" + "0".repeat(64) + "\"}"));
        six.addProperty("schedule", "cosine");
        six.addProperty("trainedImages", 300);
        Path file = dir.resolve(RunsFile.NAME);
        Files.writeString(file, six + "\n");
        RunRecord read = RunsFile.read(file).get(0);
        assertEquals(variant, read.arm().variant(), "computed as the key named it");
        assertEquals(read.key(), read.modelKey().toString());
        assertEquals("cosine", read.training().variant().schedule());
        assertEquals(300L, read.trainedImages());
        assertEquals(new Finetune(2, 0.001), read.parts().get(Finetune.PART, Finetune.class).get());

        Path again = dir.resolve("again.jsonl");
        RunsFile.append(again, read);
        String seven = Files.readString(again);
        JsonObject nested = JsonParser.parseString(seven).getAsJsonObject();
        assertEquals(7, nested.get("schema").getAsInt());
        assertEquals(
                List.of(
                        "schema",
                        "key",
                        "provenance",
                        "arm",
                        "training",
                        "cost",
                        "scores",
                        "parts",
                        "savedModel"),
                List.copyOf(nested.keySet()));
        assertEquals(variant, nested.getAsJsonObject("arm").get("variant").getAsString());
        assertEquals(
                List.of("finetune", "posthoc"),
                List.copyOf(nested.getAsJsonObject("parts").keySet()));
        assertEquals(List.of(read), RunsFile.read(again));
        assertEquals(seven, RunsFile.toJson(RunsFile.read(again).get(0)) + "\n");
    }

    @Test
    void aLineOfAnotherSchemaOrWithoutFieldsIsRejected() throws IOException {
        Path file = dir.resolve(RunsFile.NAME);
        Files.writeString(file, "{\"schema\": 8}\n");
        assertEquals(
                file + " line 1: record schema 8; this version reads schemas 1 to 7",
                assertThrows(IllegalArgumentException.class, () -> RunsFile.read(file))
                        .getMessage());
        Files.writeString(
                file,
                "\n{\"schema\": 1, \"classNames\": [], \"weights\": [], \"epochWeights\": []}\n");
        assertEquals(
                file + " line 2: field \"key\" is missing",
                assertThrows(IllegalArgumentException.class, () -> RunsFile.read(file))
                        .getMessage());
    }

    @Test
    void aBadSavedModelIsTheRecordChecksOwnLineNamingFileAndLine() throws IOException {
        List<RunRecord> runs = SyntheticRuns.twoStage();
        String sha = "0123456789abcdef".repeat(4);
        // in the middle, and as the last line without its newline (not a torn line: it is whole)
        for (boolean last : List.of(false, true)) {
            for (String[] bad :
                    new String[][] {
                        {
                            "{\"path\":\"models/a/cnn-small-0001.params\",\"sha256\":\"xyz\"}",
                            "savedModel.sha256 is xyz; expected 64 hexadecimal digits"
                        },
                        {
                            "{\"path\":\"models/../../x.params\",\"sha256\":\"" + sha + "\"}",
                            "savedModel.path is models/../../x.params; expected a path inside the"
                                    + " experiment"
                        }
                    }) {
                JsonObject line =
                        JsonParser.parseString(RunsFile.toJson(runs.get(1))).getAsJsonObject();
                line.add("savedModel", JsonParser.parseString(bad[0]));
                Path file = dir.resolve(RunsFile.NAME);
                Files.writeString(
                        file,
                        RunsFile.toJson(runs.get(0))
                                + "\n"
                                + line
                                + (last ? "" : "\n" + RunsFile.toJson(runs.get(2)) + "\n"));
                assertEquals(
                        file + " line 2: " + bad[1],
                        assertThrows(IllegalArgumentException.class, () -> RunsFile.read(file))
                                .getMessage());
            }
        }
    }

    @Test
    void aMissingFileIsOneClearLine() {
        Path file = dir.resolve("absent.jsonl");
        assertEquals(
                file + ": no such file",
                assertThrows(IllegalArgumentException.class, () -> RunsFile.read(file))
                        .getMessage());
    }

    @Test
    void anEmptyFileHasNoRecords() throws IOException {
        Path file = Files.writeString(dir.resolve(RunsFile.NAME), "");
        assertEquals(List.of(), RunsFile.read(file));
    }
}
