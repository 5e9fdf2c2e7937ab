package org.learnability.experiments.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learnability.experiments.app.Application;
import org.learnability.runner.engine.ThreadRequest;

/**
 * The seeds as a count, a range or a list: how each form reads and writes back, what is refused in
 * one line, the forms of {@code plan.json} and grid files, and a recorded plan extended by more
 * seeds.
 */
class SeedListTest {

    @TempDir Path dir;

    private Application application() throws IOException {
        Files.createDirectories(dir.resolve("plugins"));
        return Application.start(dir.resolve("plugins"), ThreadRequest.DEFAULTS, List.of());
    }

    @Test
    void aCountARangeAndAListRead() {
        assertEquals(List.of(1, 2, 3), SeedList.parse("3"));
        assertEquals(List.of(4, 5), SeedList.parse("4-5"));
        assertEquals(List.of(1, 3, 7), SeedList.parse("1,3,7"));
        assertEquals(List.of(1, 2, 3, 7), SeedList.parse("1-3, 7"));
        assertEquals(List.of(7, 1), SeedList.parse("7,1"), "in the order written");
        assertEquals(List.of(5), SeedList.parse("5-5"));
        assertEquals(List.of(1), SeedList.parse("1"));
    }

    @Test
    void seedsWriteBackInTheFormThatReadsThemAgain() {
        Map<List<Integer>, String> forms =
                Map.of(
                        List.of(1, 2, 3), "3",
                        List.of(4, 5), "4-5",
                        List.of(1, 3, 7), "1,3,7",
                        List.of(1, 2, 3, 7), "1-3,7",
                        List.of(7), "7-7",
                        List.of(1), "1",
                        List.of(2, 1), "2,1");
        forms.forEach(
                (seeds, text) -> {
                    assertEquals(text, SeedList.text(seeds));
                    assertEquals(seeds, SeedList.parse(text));
                });
    }

    @Test
    void badSeedsAreRefusedInOneLineNamingTheOption() {
        Map<String, String> refused =
                Map.of(
                        "5-4",
                        "--seeds is 5-4; a range goes from the lower seed to the higher, e.g. 4-5",
                        "0",
                        "--seeds is 0; expected a whole number from 1 to 1000 (each seed trains"
                                + " its own models, and the report's exact rank test grows with"
                                + " the cube of the seeds)",
                        "x",
                        "--seeds is x; expected N (seeds 1 to N), a range such as 4-5 or a list"
                                + " such as 1,3,7",
                        "1,,3",
                        "--seeds is 1,,3; expected N (seeds 1 to N), a range such as 4-5 or a"
                                + " list such as 1,3,7",
                        "-2",
                        "--seeds is -2; expected N (seeds 1 to N), a range such as 4-5 or a list"
                                + " such as 1,3,7",
                        "1,3,3",
                        "--seeds lists seed 3 twice; give each seed once",
                        "1-3,2",
                        "--seeds lists seed 2 twice; give each seed once",
                        "0-2",
                        "--seeds lists seed 0; a seed is a whole number from 1",
                        "1-2000",
                        "--seeds is 1-2000; expected at most 1000 seeds (each seed trains its own"
                                + " models, and the report's exact rank test grows with the cube"
                                + " of the seeds)");
        refused.forEach(
                (text, message) ->
                        assertEquals(
                                message,
                                assertThrows(
                                                IllegalArgumentException.class,
                                                () -> SeedList.parse(text),
                                                text)
                                        .getMessage()));
        // a range of a billion seeds is refused before it is made
        assertEquals(
                "--seeds is 1-999999999; expected at most 1000 seeds (each seed trains its own"
                        + " models, and the report's exact rank test grows with the cube of the"
                        + " seeds)",
                assertThrows(IllegalArgumentException.class, () -> SeedList.parse("1-999999999"))
                        .getMessage());
    }

    @Test
    void planJsonAndGridFilesTakeEveryForm() {
        for (Object seeds : List.of("4-5", 5, "1,3,7", List.of(4, 5))) {
            PlanOptions options = PlanOptions.of(Map.of("seeds", seeds), "grid.json");
            List<Integer> expected =
                    seeds.equals(5)
                            ? List.of(1, 2, 3, 4, 5)
                            : seeds.equals("1,3,7") ? List.of(1, 3, 7) : List.of(4, 5);
            assertEquals(expected, options.integers("seeds"), seeds.toString());
        }
    }

    @Test
    void aPlanListingASeedTwiceIsRefused() throws IOException {
        PlanCodec codec = application().get(PlanCodec.class);
        JsonObject json =
                JsonParser.parseString("{\"seeds\": [1, 2, 2], \"mode\": \"two-stage\"}")
                        .getAsJsonObject();
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                codec.resolve(
                                        Preset.QUICK, codec.schema().options(json, "plan.json")));
        assertEquals("--seeds lists seed 2 twice; give each seed once", e.getMessage());
    }

    /**
     * Seeds 4-5 run elsewhere under the same plan extend a directory that records seeds 1-3: a run
     * of seeds 1-5 there is accepted (and records them), a run of seeds 4-5 alone is another
     * experiment's.
     */
    @Test
    void moreSeedsExtendARecordedPlanAndOtherSeedsAreRefused() throws IOException {
        Application app = application();
        PlanCodec codec = app.get(PlanCodec.class);
        PlanFile file = app.get(PlanFile.class);
        Path out = dir.resolve("out");
        file.record(out, plan(codec, "3"));
        assertFalse(file.check(out, plan(codec, "1-5")), "an extension, to be recorded");
        assertEquals(
                out
                        + " holds another experiment: --seeds is [4, 5] but [1, 2, 3] was"
                        + " recorded; use another --out, or the recorded options to resume",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> file.check(out, plan(codec, "4-5")))
                        .getMessage());
        file.record(out, plan(codec, "1-5"));
        assertEquals(
                List.of(1, 2, 3, 4, 5),
                file.recorded(out).orElseThrow().integers("seeds"),
                "plan.json lists the seeds run");
        assertEquals(
                List.of(1, 2, 3, 4, 5),
                codec.resolve(Preset.QUICK, file.recorded(out), PlanOptions.of(Map.of(), "cli"))
                        .seeds(),
                "a resumed run keeps them");
    }

    private static ExperimentPlan plan(PlanCodec codec, String seeds) {
        return codec.resolve(
                Preset.QUICK,
                Optional.empty(),
                PlanOptions.of(Map.of("seeds", seeds, "mode", "two-stage"), "the command line"));
    }
}
