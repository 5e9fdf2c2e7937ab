package org.learnability.experiments.mode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.learnability.experiments.mode.finetune.FinetuneSettings;
import org.learnability.experiments.mode.head.HeadSettings;
import org.learnability.experiments.record.Finetune;
import org.learnability.experiments.record.HeadRetraining;
import org.learnability.experiments.setting.Settings;

/**
 * The built-in modes' own options: their declared defaults are the values a model's key leaves out,
 * and their checks name the option.
 */
class ModeSettingsTest {

    @Test
    void keysNameWhatDiffersFromTheDeclaredDefaults() {
        FinetuneSettings finetune = Settings.defaults(FinetuneSettings.class);
        assertEquals("", finetune.variant());
        assertEquals("finetune-epochs=3", new FinetuneSettings(3, finetune.finetuneLr()).variant());
        assertEquals("finetune-epochs=3;finetune-lr=0.01", new FinetuneSettings(3, 0.01).variant());
        HeadSettings head = Settings.defaults(HeadSettings.class);
        assertEquals("", head.variant());
        assertEquals(
                "head-data=train;head-lr=0.01",
                new HeadSettings(
                                HeadRetraining.Data.TRAIN, head.headInit(), head.headEpochs(), 0.01)
                        .variant());
        // the defaults older records were keyed against are today's: no variant
        assertEquals("", new Finetune(1, 1e-4).variant(finetune.part()));
    }

    @Test
    void checksNameTheOption() {
        assertEquals(
                "--finetune-epochs is -1; expected a whole number >= 0",
                assertThrows(IllegalArgumentException.class, () -> new FinetuneSettings(-1, 0.1))
                        .getMessage());
        assertEquals(
                "--head-lr is 0.0; expected a number > 0",
                assertThrows(
                                IllegalArgumentException.class,
                                () ->
                                        new HeadSettings(
                                                HeadRetraining.Data.HOLDOUT,
                                                HeadRetraining.Init.BASELINE,
                                                1,
                                                0))
                        .getMessage());
    }
}
