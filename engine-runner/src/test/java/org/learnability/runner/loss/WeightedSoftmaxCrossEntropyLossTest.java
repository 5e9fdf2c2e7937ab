package org.learnability.runner.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.loss.Loss;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learnability.api.weights.ClassWeights;
import org.learnability.runner.engine.EngineSelection;
import org.learnability.runner.testing.EngineTest;

@EngineTest
class WeightedSoftmaxCrossEntropyLossTest {

    // A fixed batch: 4 samples, 3 classes.
    private static final float[][] LOGITS = {{1, 2, 3}, {1, 1, 1}, {0.5f, 2, -1}, {-2, 0, 4}};
    private static final float[] LABELS = {2, 0, 1, 0};
    // Already mean 1, so normalisation keeps them.
    private static final double[] WEIGHTS = {0.5, 1.0, 1.5};

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

    private NDArray logits() {
        return manager.create(LOGITS);
    }

    private float loss(ClassWeights weights, NDArray logits, NDArray labels) {
        try (WeightedSoftmaxCrossEntropyLoss loss =
                new WeightedSoftmaxCrossEntropyLoss("weighted", weights, manager)) {
            return loss.evaluate(new NDList(labels), new NDList(logits)).getFloat();
        }
    }

    @Test
    void withEveryWeightOneItEqualsDjlSoftmaxCrossEntropy() {
        NDArray labels = manager.create(LABELS);
        float djl =
                Loss.softmaxCrossEntropyLoss()
                        .evaluate(new NDList(labels), new NDList(logits()))
                        .getFloat();
        float ours = loss(ClassWeights.uniform(3), logits(), labels);
        assertEquals(djl, ours, 1e-5);
        // By hand: mean of -log softmax(x_i)[y_i] over the 4 samples.
        assertEquals(1.9420276721792442, ours, 1e-5);
    }

    @Test
    void unequalWeightsGiveTheHandComputedValue() {
        // python: l_i = -log softmax(x_i)[y_i]; w_y = [1.5, 0.5, 1.0, 0.5];
        // sum(w_y * l) / sum(w_y) = 1.260661987751842
        float value = loss(ClassWeights.of(WEIGHTS), logits(), manager.create(LABELS));
        assertEquals(1.260661987751842, value, 1e-5);
    }

    @Test
    void labelsOfShapeNBy1GiveTheSameValue() {
        float flat = loss(ClassWeights.of(WEIGHTS), logits(), manager.create(LABELS));
        float column =
                loss(ClassWeights.of(WEIGHTS), logits(), manager.create(LABELS, new Shape(4, 1)));
        assertEquals(flat, column, 1e-7);
    }

    @Test
    void gradientIsSoftmaxMinusOneHotTimesWeightOverWeightSum() {
        // python: (softmax(x_i) - onehot(y_i)) * w[y_i] / sum_j w[y_j], sum_j w[y_j] = 3.5
        float[] expected = {
            0.038584531358734485f, 0.10488363045205613f, -0.14346816181079067f,
            -0.09523809523809525f, 0.047619047619047616f, 0.047619047619047616f,
            0.05008296918286763f, -0.061257990117349746f, 0.01117502093448213f,
            -0.14251024885291552f, 0.0025632192576184563f, 0.1399470295952971f
        };
        NDArray logits = logits();
        logits.setRequiresGradient(true);
        try (WeightedSoftmaxCrossEntropyLoss loss =
                        new WeightedSoftmaxCrossEntropyLoss(
                                "weighted", ClassWeights.of(WEIGHTS), manager);
                GradientCollector collector = engine.newGradientCollector()) {
            NDArray value = loss.evaluate(new NDList(manager.create(LABELS)), new NDList(logits));
            collector.backward(value);
        }
        assertArrayEquals(expected, logits.getGradient().toFloatArray(), 1e-4f);
    }

    @Test
    void weightVectorOfTheWrongLengthFailsClearly() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> loss(ClassWeights.of(1, 2), logits(), manager.create(LABELS)));
        assertEquals("2 class weights given for predictions over 3 classes", e.getMessage());
    }

    @Test
    void labelsOfAnotherShapeFailClearly() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                loss(
                                        ClassWeights.of(WEIGHTS),
                                        logits(),
                                        manager.create(new float[8], new Shape(4, 2))));
        assertTrue(e.getMessage().contains("expected (4) or (4, 1)"), e.getMessage());
    }

    @Test
    void theWeightArrayIsMadeOncePerDevice() {
        try (WeightedSoftmaxCrossEntropyLoss loss =
                new WeightedSoftmaxCrossEntropyLoss(
                        "weighted", ClassWeights.of(WEIGHTS), manager)) {
            NDList labels = new NDList(manager.create(LABELS));
            float first = loss.evaluate(labels, new NDList(logits())).getFloat();
            float second = loss.evaluate(labels, new NDList(logits())).getFloat();
            assertEquals(first, second, 0f);
            assertEquals(1, loss.weightArrayCount());
        }
    }
}
