package org.learnability.runner.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learnability.api.weights.ClassWeights;
import org.learnability.runner.engine.EngineSelection;
import org.learnability.runner.registry.Registry;
import org.learnability.runner.testing.EngineTest;
import org.learnability.runner.wiring.TrainingModule;

/**
 * Label smoothing in the loss families on each engine, against figures derived by hand (python, in
 * double precision) on the batch of {@link WeightedSoftmaxCrossEntropyLossTest}: logits {@code
 * [[1,2,3],[1,1,1],[0.5,2,-1],[-2,0,4]]}, labels {@code [2,0,1,0]}, weights {@code [0.5,1,1.5]}, so
 * {@code w[y_i] = [1.5,0.5,1,0.5]}, and {@code eps = 0.1} over {@code C = 3} classes: targets
 * {@code q_i = 0.9 onehot(y_i) + 0.1 / 3}, {@code l_i = -sum_c q_ic log softmax(x_i)_c}.
 */
@EngineTest
class LabelSmoothingTest {

    private static final float[][] LOGITS = {{1, 2, 3}, {1, 1, 1}, {0.5f, 2, -1}, {-2, 0, 4}};
    private static final float[] LABELS = {2, 0, 1, 0};
    private static final ClassWeights WEIGHTS = ClassWeights.of(0.5, 1.0, 1.5);
    private static final LabelSmoothing EPS = new LabelSmoothing(0.1);

    private final Registry<LossFamily> losses =
            Guice.createInjector(new TrainingModule())
                    .getInstance(Key.get(new TypeLiteral<Registry<LossFamily>>() {}));

    private Engine engine;
    private NDManager manager;

    @BeforeEach
    void setUp() {
        engine = EngineSelection.fromSystem().engine();
        manager = engine.newBaseManager(Device.cpu());
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    /** The loss's value and its gradient with respect to the logits. */
    private record Evaluated(float value, float[] gradient) {}

    private Evaluated evaluate(String spec, ClassWeights weights, LabelSmoothing smoothing) {
        try (ClassWeightedLoss loss =
                LossChoice.parse(losses, spec).create(weights, manager, smoothing)) {
            return evaluate(loss);
        }
    }

    private Evaluated evaluate(ClassWeightedLoss loss) {
        NDArray logits = manager.create(LOGITS);
        logits.setRequiresGradient(true);
        float value;
        try (GradientCollector collector = engine.newGradientCollector()) {
            NDArray result = loss.evaluate(new NDList(manager.create(LABELS)), new NDList(logits));
            value = result.getFloat();
            collector.backward(result);
        }
        return new Evaluated(value, logits.getGradient().toFloatArray());
    }

    @Test
    void weightedCrossEntropyWithSmoothingIsTheHandDerivedValue() {
        // sum_i w[y_i] l_i / sum_i w[y_i] with the smoothed l_i above
        assertEquals(1.3082810353708898, evaluate("ce", WEIGHTS, EPS).value(), 1e-5);
        // every weight 1: the mean of l_i, also PyTorch's CrossEntropyLoss(label_smoothing=0.1)
        assertEquals(
                1.9378610055125776, evaluate("ce", ClassWeights.uniform(3), EPS).value(), 1e-5);
    }

    @Test
    void gradientIsSoftmaxMinusSmoothedTargetTimesWeightOverWeightSum() {
        // (softmax(x_i) - q_i) * w[y_i] / sum_j w[y_j], sum_j w[y_j] = 3.5
        float[] expected = {
            0.024298817073020184f, 0.09059791616634184f, -0.1148967332393621f,
            -0.08571428571428573f, 0.04285714285714286f, 0.04285714285714286f,
            0.040559159659058104f, -0.042210371069730704f, 0.0016512114106726047f,
            -0.132986439329106f, -0.002198685504286305f, 0.13518512483339232f
        };
        assertArrayEquals(expected, evaluate("ce", WEIGHTS, EPS).gradient(), 1e-5f);
    }

    @Test
    void noSmoothingIsTodaysLossExactly() {
        Evaluated today;
        try (ClassWeightedLoss loss =
                new WeightedSoftmaxCrossEntropyLoss("weighted", WEIGHTS, manager)) {
            today = evaluate(loss);
        }
        for (LabelSmoothing none :
                new LabelSmoothing[] {LabelSmoothing.NONE, LabelSmoothing.parse("0")}) {
            Evaluated smoothed = evaluate("ce", WEIGHTS, none);
            assertEquals(today.value(), smoothed.value(), 0f);
            assertArrayEquals(today.gradient(), smoothed.gradient(), 0f);
            try (ClassWeightedLoss loss =
                    new WeightedSoftmaxCrossEntropyLoss("weighted", WEIGHTS, manager, none)) {
                Evaluated direct = evaluate(loss);
                assertEquals(today.value(), direct.value(), 0f);
                assertArrayEquals(today.gradient(), direct.gradient(), 0f);
            }
        }
        assertEquals(1.260661987751842, today.value(), 1e-5);
    }

    @Test
    void theMarginLossTakesSmoothedTargetsToo() {
        // margin:tau=1: d_c = -ln w_c, mean_i -sum_c q_ic log softmax(x_i + d)_c
        assertEquals(1.662100517363618, evaluate("margin", WEIGHTS, EPS).value(), 1e-5);
        Evaluated none = evaluate("margin", WEIGHTS, LabelSmoothing.NONE);
        try (ClassWeightedLoss loss = LossChoice.parse(losses, "margin").create(WEIGHTS, manager)) {
            assertEquals(evaluate(loss).value(), none.value(), 0f);
        }
    }

    @Test
    void theFocalLossRefusesSmoothingClearly() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> evaluate("focal:gamma=2", WEIGHTS, EPS));
        assertEquals(
                "loss 'focal' does not take label smoothing (asked 0.1); use 0, or a loss that"
                        + " does (ce, margin)",
                e.getMessage());
        // none is still fine
        evaluate("focal:gamma=2", WEIGHTS, LabelSmoothing.NONE);
    }
}
