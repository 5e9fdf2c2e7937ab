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
    void declaredDefaultsAreTheValuesKeysLeaveOut() {
        assertEquals(Finetune.DEFAULT, Settings.defaults(FinetuneSettings.class).part());
        assertEquals("", Settings.defaults(FinetuneSettings.class).part().variant());
        assertEquals(HeadRetraining.DEFAULT, Settings.defaults(HeadSettings.class).retraining());
        assertEquals("", Settings.defaults(HeadSettings.class).retraining().variant());
        assertEquals(
                "finetune-epochs=3;finetune-lr=0.01",
                new FinetuneSettings(3, 0.01).part().variant());
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
