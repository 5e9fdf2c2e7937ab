package org.learnability.runner.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.training.tracker.CosineTracker;
import ai.djl.training.tracker.Tracker;
import org.junit.jupiter.api.Test;

/**
 * The learning rate of chosen updates (DJL counts them from 1) against values computed by hand:
 * base rate 0.1, warm-up {@code lr t / k} for {@code t < k}, then the schedule over the {@code T -
 * k} updates that remain, {@code cosine: lr (1 + cos(pi s / S)) / 2}, {@code linear: lr (1 - s /
 * S)} at {@code s = t - k}, {@code S = T - k}.
 */
class LearningRateTest {

    private static Tracker tracker(TrainingSettings.Schedule schedule, double warmup, int updates) {
        TrainingSettings settings =
                TrainingSettings.defaults()
                        .withOptimizer(TrainingSettings.Optimizer.NESTEROV, 0.1, 0.9, 5e-4)
                        .withSchedule(schedule, new Warmup(warmup));
        return Optimizers.learningRate(settings, updates);
    }

    @Test
    void oneCycleWithCosineWarmsUpLinearlyThenDecaysToZero() {
        // T = 100, k = 20, S = 80
        Tracker lr = tracker(TrainingSettings.Schedule.COSINE, 0.2, 100);
        assertEquals(0.005, lr.getNewValue(1), 1e-7); // 0.1 * 1 / 20
        assertEquals(0.05, lr.getNewValue(10), 1e-7); // 0.1 * 10 / 20
        assertEquals(0.095, lr.getNewValue(19), 1e-7);
        assertEquals(0.1, lr.getNewValue(20), 1e-7); // s = 0: the peak
        assertEquals(0.0853553, lr.getNewValue(40), 1e-6); // 0.05 (1 + cos(pi / 4))
        assertEquals(0.05, lr.getNewValue(60), 1e-7); // s = S / 2
        assertEquals(0.0146447, lr.getNewValue(80), 1e-6); // 0.05 (1 + cos(3 pi / 4))
        assertEquals(0.0, lr.getNewValue(100), 1e-7); // the last update
    }

    @Test
    void oneCycleWithLinearDecayIsATriangle() {
        // T = 40, k = 10, S = 30
        Tracker lr = tracker(TrainingSettings.Schedule.LINEAR, 0.25, 40);
        assertEquals(0.01, lr.getNewValue(1), 1e-7);
        assertEquals(0.05, lr.getNewValue(5), 1e-7);
        assertEquals(0.1, lr.getNewValue(10), 1e-7);
        assertEquals(0.05, lr.getNewValue(25), 1e-7); // 0.1 (1 - 15 / 30)
        assertEquals(0.0033333, lr.getNewValue(39), 1e-6); // 0.1 (1 - 29 / 30)
        assertEquals(0.0, lr.getNewValue(40), 0.0);
        assertEquals(0.0, lr.getNewValue(41), 0.0); // never negative past the end
    }

    @Test
    void linearDecayWithoutWarmupStartsAtTheBaseRate() {
        Tracker lr = tracker(TrainingSettings.Schedule.LINEAR, 0, 50);
        assertEquals(0.098, lr.getNewValue(1), 1e-7); // 0.1 (1 - 1 / 50)
        assertEquals(0.05, lr.getNewValue(25), 1e-7);
        assertEquals(0.0, lr.getNewValue(50), 0.0);
    }

    @Test
    void warmupBeforeAConstantRate() {
        Tracker lr = tracker(TrainingSettings.Schedule.CONSTANT, 0.1, 30); // k = 3
        assertEquals(0.0333333, lr.getNewValue(1), 1e-6);
        assertEquals(0.0666667, lr.getNewValue(2), 1e-6);
        assertEquals(0.1, lr.getNewValue(3), 1e-7);
        assertEquals(0.1, lr.getNewValue(30), 1e-7);
    }

    @Test
    void withoutWarmupTheSchedulesAreTodaysExactly() {
        int updates = 351;
        Tracker ours = tracker(TrainingSettings.Schedule.COSINE, 0, updates);
        Tracker today =
                CosineTracker.builder()
                        .setBaseValue(0.1f)
                        .optFinalValue(0f)
                        .setMaxUpdates(updates)
                        .build();
        for (int t = 0; t <= updates + 1; t++) {
            assertEquals(today.getNewValue(t), ours.getNewValue(t), 0f);
        }
        Tracker constant = tracker(TrainingSettings.Schedule.CONSTANT, 0, updates);
        Tracker step = tracker(TrainingSettings.Schedule.STEP, 0, 100);
        for (int t = 1; t <= 100; t++) {
            assertEquals(0.1f, constant.getNewValue(t), 0f);
        }
        assertEquals(0.1f, step.getNewValue(49), 0f);
        assertEquals(0.01f, step.getNewValue(51), 1e-9f);
        assertEquals(0.001f, step.getNewValue(76), 1e-9f);
    }

    @Test
    void theWarmupTakesARoundedShareAndLeavesTheScheduleOneUpdate() {
        assertEquals(3, new Warmup(0.3).steps(10));
        assertEquals(2, new Warmup(0.15).steps(10)); // 1.5 rounds up
        assertEquals(0, new Warmup(0.3).steps(1));
        assertEquals(9, new Warmup(0.99).steps(10));
        assertEquals(0, Warmup.NONE.steps(1000));
    }
}
