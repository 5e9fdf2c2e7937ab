package org.learnability.experiments.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learnability.experiments.app.Application;
import org.learnability.runner.engine.ThreadRequest;

/**
 * The training size of a plan on a user's data set: all that the validation and test splits leave
 * (0) unless given, whatever the preset's; given, as given; recorded, as recorded; a built-in data
 * set keeps the preset's.
 */
class UserDataTrainSizeTest {

    @TempDir Path dir;

    private PlanCodec codec() throws IOException {
        Files.createDirectories(dir.resolve("plugins"));
        return Application.start(dir.resolve("plugins"), ThreadRequest.DEFAULTS, List.of())
                .get(PlanCodec.class);
    }

    private static PlanOptions options(String... pairs) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            String v = pairs[i + 1];
            values.put(
                    pairs[i],
                    v.matches("\\d+") ? Integer.valueOf(v) : v.equals("false") ? Boolean.FALSE : v);
        }
        return PlanOptions.of(values, "the command line");
    }

    /** Images, without the cpu preset's augmentation (for CIFAR-10 only). */
    private static final String[] IMAGES = {
        "dataset",
        "image-folder",
        "testSize",
        "6",
        "model",
        "cnn-small",
        "mode",
        "two-stage",
        "augment",
        "false"
    };

    /** A table, without the cpu preset's augmentation and test-time flip (for images only). */
    private static final String[] TABLE = {
        "dataset",
        "csv",
        "label",
        "kind",
        "testSize",
        "6",
        "model",
        "mlp",
        "mode",
        "two-stage",
        "augment",
        "false",
        "testTime",
        "none"
    };

    private static String[] and(String[] base, String... more) {
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    void aUserDataSetTrainsOnAllThatTheSplitsLeaveUnlessASizeIsGiven() throws IOException {
        PlanCodec codec = codec();
        for (Preset preset : Preset.values()) {
            for (String[] data : List.of(IMAGES, TABLE)) {
                assertEquals(
                        0,
                        codec.resolve(preset, options(data)).baseline().trainSize(),
                        preset + " " + data[1]);
                assertEquals(
                        300,
                        codec.resolve(preset, options(and(data, "trainSize", "300")))
                                .baseline()
                                .trainSize(),
                        "given");
            }
            assertEquals(
                    codec.resolve(preset, options("mode", "two-stage")).baseline().trainSize(),
                    preset.options().integer("trainSize"),
                    "a built-in data set keeps the preset's");
        }
    }

    @Test
    void aRecordedTrainSizeIsKeptOnResume() throws IOException {
        PlanCodec codec = codec();
        ExperimentPlan recorded =
                codec.resolve(Preset.QUICK, options(and(IMAGES, "trainSize", "30")));
        PlanOptions asRecorded = PlanOptions.of(codec.encode(recorded), "plan.json");
        assertEquals(
                30,
                codec.resolve(Preset.QUICK, Optional.of(asRecorded), options())
                        .baseline()
                        .trainSize());
        ExperimentPlan all = codec.resolve(Preset.QUICK, options(IMAGES));
        assertEquals(0, codec.encode(all).get("trainSize").getAsInt(), "plan.json records 0");
        assertEquals(
                all,
                codec.resolve(
                        Preset.QUICK,
                        Optional.of(PlanOptions.of(codec.encode(all), "plan.json")),
                        options()),
                "and resumes the same plan");
    }
}
