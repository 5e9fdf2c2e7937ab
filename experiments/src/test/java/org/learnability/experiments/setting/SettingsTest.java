package org.learnability.experiments.setting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonPrimitive;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.learnability.experiments.app.ModeDiscovery;
import org.learnability.experiments.plan.PlanOptions;
import org.learnability.experiments.plan.PlanSchema;

/** Options declared once on record components, bound and written through {@link Settings}. */
class SettingsTest {

    /** A throwaway group: what adding an option to a plan's group looks like. */
    record Inner(
            @Setting(order = 3, label = "K", since = "7", help = "A new option (default: 7).")
                    int newOption,
            @Setting(order = 1, label = "X", help = "A ratio.") double ratio) {
        Inner {
            if (newOption < 1) {
                throw new IllegalArgumentException(
                        "--new-option is " + newOption + "; expected a whole number >= 1");
            }
        }
    }

    /** A throwaway plan with a group inside. */
    record Outer(
            @Setting(order = 0, label = "NAME", option = "--n", help = "A name.") String name,
            Inner inner,
            @Setting(order = 2, flag = false, help = "Files only.") boolean fileOnly) {}

    @Test
    void declarationsFollowTheirOrderAcrossGroups() {
        List<Settings.Declaration> all = Settings.declarations(Outer.class);
        assertEquals(
                List.of("name", "ratio", "fileOnly", "newOption"),
                all.stream().map(Settings.Declaration::key).toList());
        assertEquals(
                List.of("--n", "--ratio", "--file-only", "--new-option"),
                all.stream().map(Settings.Declaration::option).toList());
        assertEquals(Optional.of(new JsonPrimitive(7)), all.get(3).since());
        assertEquals(Optional.empty(), all.get(0).since());
        assertEquals(
                Optional.of("newOption"),
                Settings.byOption(Outer.class, "--new-option").map(Settings.Declaration::key));
    }

    @Test
    void bindMakesEachRecordThroughItsConstructorAndWriteGivesTheValuesBack() {
        Map<String, Object> values =
                Map.of("name", "a", "ratio", 0.5, "fileOnly", true, "newOption", 3);
        Outer outer = Settings.bind(Outer.class, d -> values.get(d.key()));
        assertEquals(new Outer("a", new Inner(3, 0.5), true), outer);

        Map<String, Object> written = new LinkedHashMap<>();
        Settings.write(outer, (d, v) -> written.put(d.key(), v));
        assertEquals(Map.of("name", "a", "ratio", 0.5, "fileOnly", true, "newOption", 3), written);
        assertEquals(
                List.of("name", "newOption", "ratio", "fileOnly"), List.copyOf(written.keySet()));

        Map<String, Object> bad = new LinkedHashMap<>(values);
        bad.put("newOption", 0);
        assertEquals(
                "--new-option is 0; expected a whole number >= 1",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> Settings.bind(Outer.class, d -> bad.get(d.key())))
                        .getMessage());
    }

    @Test
    void thePlanDeclaresEveryKeyOnceInThePlanJsonOrder() {
        // the plan's own options, the validation's, the built-in modes' (finetune's, head's,
        // ensemble's, minimax's) and the controls', as
        // plan.json lists them
        PlanSchema schema = ModeDiscovery.schema(new String[0], List.of());
        assertEquals(
                List.of(
                        "preset",
                        "dataset",
                        "dataDir",
                        "imageSize",
                        "testSize",
                        "label",
                        "model",
                        "hiddenSizes",
                        "strategies",
                        "seeds",
                        "epochs",
                        "batchSize",
                        "optimizer",
                        "learningRate",
                        "momentum",
                        "weightDecay",
                        "schedule",
                        "trainSize",
                        "valSize",
                        "mode",
                        "rounds",
                        "augment",
                        "loss",
                        "apply",
                        "weightEma",
                        "uniformMix",
                        "warmupEpochs",
                        "maxAccuracyDrop",
                        "maxWeightRatio",
                        "collapseThreshold",
                        "averaging",
                        "scoreEpochs",
                        "warmup",
                        "labelSmoothing",
                        "testTime",
                        "validateEveryEpoch",
                        "finetuneEpochs",
                        "finetuneLr",
                        "headData",
                        "headInit",
                        "headEpochs",
                        "headLr",
                        "ensembleSize",
                        "minimaxEta",
                        "minimaxMix",
                        "minimaxInterval",
                        "minimaxHoldout",
                        "controls"),
                schema.keys());
        assertEquals("--finetune-lr", schema.option("finetuneLr"));
        assertEquals("--head-data", schema.option("headData"));
        assertEquals("--lr", schema.option("learningRate"));
        assertEquals(
                "{\"imageSize\":0,\"testSize\":0,\"label\":\"\",\"hiddenSizes\":\"128\","
                        + "\"loss\":\"ce\",\"apply\":\"loss\",\"weightEma\":0,\"uniformMix\":0,"
                        + "\"warmupEpochs\":1,\"maxAccuracyDrop\":0.005,\"maxWeightRatio\":0,"
                        + "\"collapseThreshold\":0.05,\"averaging\":\"none\",\"scoreEpochs\":1,"
                        + "\"warmup\":0,\"labelSmoothing\":0,\"testTime\":\"none\","
                        + "\"validateEveryEpoch\":true,"
                        + "\"finetuneEpochs\":1,\"finetuneLr\":0.0001,\"headData\":\"holdout\","
                        + "\"headInit\":\"baseline\",\"headEpochs\":10,\"headLr\":0.001,"
                        + "\"ensembleSize\":2,\"minimaxEta\":1,\"minimaxMix\":0.5,"
                        + "\"minimaxInterval\":1,\"minimaxHoldout\":0.1,\"controls\":false}",
                schema.defaults().toJson().toString());
        assertEquals(48, schema.declarations().size());
        assertEquals(PlanOptions.KEYS, schema.keys().subList(0, PlanOptions.KEYS.size()));
    }
}
