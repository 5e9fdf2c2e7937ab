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
import ai.djl.training.loss.Loss;
import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learnability.api.weights.ClassWeights;
import org.learnability.runner.engine.EngineSelection;
import org.learnability.runner.registry.Registry;
import org.learnability.runner.testing.EngineTest;
import org.learnability.runner.wiring.TrainingModule;

/**
 * The loss families on each engine, value and gradient against figures derived by hand (python, in
 * double precision, the gradients checked by central differences), on the batch of {@link
 * WeightedSoftmaxCrossEntropyLossTest}: logits {@code [[1,2,3],[1,1,1],[0.5,2,-1],[-2,0,4]]},
 * labels {@code [2,0,1,0]}, weights {@code [0.5,1,1.5]}.
 */
@EngineTest
class LossFamiliesTest {

    private static final float[][] LOGITS = {{1, 2, 3}, {1, 1, 1}, {0.5f, 2, -1}, {-2, 0, 4}};
    private static final float[] LABELS = {2, 0, 1, 0};
    private static final ClassWeights WEIGHTS = ClassWeights.of(0.5, 1.0, 1.5);

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

    private Evaluated evaluate(Loss loss) {
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

    private Evaluated evaluate(String spec, ClassWeights weights) {
        try (ClassWeightedLoss loss = LossChoice.parse(losses, spec).create(weights, manager)) {
            return evaluate(loss);
        }
    }

    @Test
    void focalLossValueAndGradientAreTheHandDerivedOnes() {
        // python: p = softmax(x_i)[y_i]; l_i = -(1-p)^2 log p; sum_i w[y_i] l_i / sum_i w[y_i]
        // gradient: w[y_i]/sum w * (g (1-p)^(g-1) p log p - (1-p)^g) * (onehot - softmax(x_i))
        Evaluated focal = evaluate("focal:gamma=2", WEIGHTS);
        assertEquals(0.9484098021887872, focal.value(), 1e-5);
        assertArrayEquals(
                new float[] {
                    0.011328711105727966f, 0.030794629538562504f, -0.042123340644290484f,
                    -0.08883014978489355f, 0.04441507489244677f, 0.04441507489244677f,
                    0.00637350089126077f, -0.007795621165833945f, 0.001422120274573176f,
                    -0.14597573176949885f, 0.0026255501609761655f, 0.1433501816085227f
                },
                focal.gradient(),
                1e-5f);
        Evaluated half = evaluate("focal:gamma=0.5", WEIGHTS);
        assertEquals(1.120179216879261, half.value(), 1e-5);
        assertArrayEquals(
                new float[] {
                    0.03136579787176486f, 0.08526107838993781f, -0.11662687626170272f,
                    -0.09911903574222856f, 0.049559517871114275f, 0.049559517871114275f,
                    0.03344257202480451f, -0.04090461847647453f, 0.00746204645167003f,
                    -0.14338010098189313f, 0.00257886460064622f, 0.14080123638124695f
                },
                half.gradient(),
                1e-5f);
    }

    @Test
    void focalWithGammaZeroIsCrossEntropy() {
        Evaluated focal = evaluate("focal:gamma=0", WEIGHTS);
        Evaluated ce = evaluate("ce", WEIGHTS);
        assertEquals(ce.value(), focal.value(), 1e-6);
        assertArrayEquals(ce.gradient(), focal.gradient(), 1e-6f);
        // and ce is the hand-computed weighted cross-entropy of WeightedSoftmaxCrossEntropyLossTest
        assertEquals(1.260661987751842, ce.value(), 1e-5);
    }

    @Test
    void marginLossValueAndGradientAreTheHandDerivedOnes() {
        // python: d_c = -tau ln w_c; mean_i -log softmax(x_i + d)[y_i]; gradient
        // (softmax(x_i + d) - onehot(y_i)) / N
        Evaluated margin = evaluate("margin:tau=1", WEIGHTS);
        assertEquals(1.6513358551200508, margin.value(), 1e-5);
        assertArrayEquals(
                new float[] {
                    0.05184399107834685f, 0.07046328943153155f, -0.12230728050987838f,
                    -0.11363636363636362f, 0.06818181818181818f, 0.045454545454545456f,
                    0.07540974817486873f, -0.08101847790387251f, 0.005608729729003739f,
                    -0.24820364607095635f, 0.006636679977618992f, 0.24156696609333736f
                },
                margin.gradient(),
                1e-5f);
        assertEquals(1.6513358551200508, evaluate("margin", WEIGHTS).value(), 1e-5);
    }

    @Test
    void marginWithUniformWeightsIsDjlsSoftmaxCrossEntropy() {
        Evaluated djl = evaluate(Loss.softmaxCrossEntropyLoss());
        Evaluated margin = evaluate("margin:tau=3", ClassWeights.uniform(3));
        assertEquals(djl.value(), margin.value(), 1e-6);
        assertArrayEquals(djl.gradient(), margin.gradient(), 1e-6f);
        Evaluated zeroTau = evaluate("margin:tau=0", WEIGHTS);
        assertEquals(djl.value(), zeroTau.value(), 1e-6);
    }

    @Test
    void weightsChangeBetweenBatches() {
        try (ClassWeightedLoss loss =
                LossChoice.parse(losses, "focal:gamma=2")
                        .create(ClassWeights.uniform(3), manager)) {
            float uniform = evaluate(loss).value();
            loss.setWeights(WEIGHTS);
            assertEquals(0.9484098021887872, evaluate(loss).value(), 1e-5);
            assertEquals(WEIGHTS, loss.weights());
            assertEquals(true, uniform != evaluate(loss).value());
        }
    }

    @Test
    void specsAreCheckedAgainstTheDeclaredParameters() {
        assertEquals(List.of("ce", "focal", "margin"), losses.names());
        assertEquals(
                "unknown loss 'hinge'; known losses: ce, focal, margin",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> LossChoice.parse(losses, "hinge"))
                        .getMessage());
        assertEquals(
                "loss focal has no parameter 'alpha'; its parameters: gamma",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> LossChoice.parse(losses, "focal:alpha=1"))
                        .getMessage());
        assertEquals(
                "loss margin: tau=11 is not valid; expected a number in [0, 10]",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> LossChoice.parse(losses, "margin:tau=11"))
                        .getMessage());
        assertEquals(
                "loss ce has no parameter 'gamma'; it takes none",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> LossChoice.parse(losses, "ce:gamma=1"))
                        .getMessage());
        assertEquals("focal:gamma=2", LossChoice.parse(losses, "focal:gamma=2").toString());
    }
}
