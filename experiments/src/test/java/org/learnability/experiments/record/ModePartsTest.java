package org.learnability.experiments.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.learnability.experiments.stats.SyntheticRuns;

class ModePartsTest {

    /** A part as a mode from a plugin jar would record it. */
    record Mixup(double alpha, List<String> pairs) {}

    @Test
    void aPartReadsBackAsItsModesType() {
        Mixup mixup = new Mixup(0.2, List.of("cat-dog"));
        ModeParts parts = ModeParts.NONE.with("mixup", mixup);
        assertEquals(Optional.of(mixup), parts.get("mixup", Mixup.class));
        assertEquals(Optional.empty(), parts.get("absent", Mixup.class));
        assertTrue(parts.has("mixup"));
        assertFalse(ModeParts.NONE.has("mixup"), "with returns a copy");
        assertEquals(Set.of("mixup"), parts.names());
        assertEquals(ModeParts.NONE, parts.with("mixup", null), "null removes the part");
    }

    @Test
    void partsAreWrittenSortedByNameAndReadBackWithoutTheirTypes() {
        RunRecord r = SyntheticRuns.twoStage().get(1);
        RunRecord withParts =
                new RunRecord(
                        r.schema(),
                        r.key(),
                        r.provenance(),
                        r.arm(),
                        r.training(),
                        r.cost(),
                        r.scores(),
                        r.parts()
                                .with("mixup", new Mixup(0.2, List.of("cat-dog")))
                                .with(Finetune.PART, new Finetune(1, 1e-4)),
                        null);
        String line = RunsFile.toJson(withParts);
        assertEquals(
                "{\"finetune\":{\"epochs\":1,\"learningRate\":1.0E-4},"
                        + "\"mixup\":{\"alpha\":0.2,\"pairs\":[\"cat-dog\"]}}",
                JsonParser.parseString(line).getAsJsonObject().get("parts").toString());
        RunRecord read = RunsFile.fromJson(line);
        assertEquals(withParts, read, "a part of an unknown mode reads back as JSON");
        assertEquals(withParts.hashCode(), read.hashCode());
        assertEquals(
                Optional.of(new Mixup(0.2, List.of("cat-dog"))),
                read.parts().get("mixup", Mixup.class));
    }
}
