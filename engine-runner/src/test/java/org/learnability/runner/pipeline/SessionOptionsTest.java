package org.learnability.runner.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.learnability.runner.engine.DeviceSelection;
import org.learnability.runner.scoring.TestTimeAugmentation;

class SessionOptionsTest {

    @Test
    void scoringHasNoTestTimeAugmentationUnlessAsked() {
        assertEquals(TestTimeAugmentation.NONE, SessionOptions.defaults().testTimeAugmentation());
        assertEquals(
                TestTimeAugmentation.NONE,
                new SessionOptions(DeviceSelection.auto(), false, 64).testTimeAugmentation());
    }

    @Test
    void theWithMethodsKeepTheTestTimeAugmentation() {
        SessionOptions flip =
                SessionOptions.defaults().withTestTimeAugmentation(TestTimeAugmentation.FLIP);
        assertEquals(TestTimeAugmentation.FLIP, flip.testTimeAugmentation());
        assertEquals(
                flip,
                flip.withProgress(false)
                        .withScoringBatchSize(256)
                        .withDevices(DeviceSelection.auto())
                        .withProgress(true)
                        .withScoringBatchSize(SessionOptions.DEFAULT_SCORING_BATCH));
    }
}
