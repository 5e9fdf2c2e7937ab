package org.learnability.runner.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.util.Pair;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.learnability.runner.engine.EngineSelection;
import org.learnability.runner.head.HeadSplit;
import org.learnability.runner.testing.EngineTest;

/**
 * {@code resnet-peifer-nhwc} is {@code resnet-peifer}: with the same parameters it gives the same
 * logits, in inference and in training mode, on each engine; its head is the same dense layer.
 */
@EngineTest
class ChannelsLastInputTest {

    private static final ImageShape INPUT = ImageShape.CIFAR10;

    @Test
    void theSameParametersGiveTheSameLogitsAsTheNetworkItWraps() {
        Engine engine = EngineSelection.fromSystem().engine();
        try (NDManager manager = engine.newBaseManager()) {
            Block plain = initialised(new ResNetPeifer(), manager, engine);
            Block nhwc = initialised(new ChannelsLastInput(new ResNetPeifer()), manager, engine);
            List<Pair<String, Parameter>> a = plain.getParameters().stream().toList();
            List<Pair<String, Parameter>> b = nhwc.getParameters().stream().toList();
            assertEquals(a.size(), b.size(), "the conversion adds no parameter");
            for (int i = 0; i < a.size(); i++) {
                assertArrayEquals(
                        a.get(i).getValue().getArray().toFloatArray(),
                        b.get(i).getValue().getArray().toFloatArray(),
                        "parameter " + a.get(i).getKey() + " initialised alike from one seed");
            }
            engine.setRandomSeed(7);
            NDArray images = manager.randomNormal(INPUT.batch(4));
            for (boolean training : new boolean[] {false, true}) {
                // dropout draws from the engine's generator: the same seed before each forward
                engine.setRandomSeed(11);
                float[] expected = logits(plain, images, manager, training);
                engine.setRandomSeed(11);
                float[] actual = logits(nhwc, images, manager, training);
                assertEquals(4 * 10, actual.length);
                for (int i = 0; i < expected.length; i++) {
                    assertEquals(
                            expected[i],
                            actual[i],
                            1e-4 * Math.max(1, Math.abs(expected[i])),
                            "logit " + i + (training ? " in training mode" : ""));
                }
            }
        }
    }

    @Test
    void itsHeadIsTheWrappedNetworksLastDenseLayer() {
        Block nhwc = new ChannelsLastInput(new ResNetPeifer()).build(INPUT, 10);
        HeadSplit split = HeadSplit.of(nhwc, "resnet-peifer-nhwc");
        Block last = nhwc.getChildren().values().get(nhwc.getChildren().size() - 1);
        assertSame(last, split.head());
        assertEquals(true, last instanceof Linear);
        assertEquals("resnet-peifer-nhwc", new ChannelsLastInput(new ResNetPeifer()).name());
    }

    private static Block initialised(ModelArchitecture architecture, NDManager manager, Engine e) {
        Block block = architecture.build(INPUT, 10);
        block.setInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
        e.setRandomSeed(3);
        block.initialize(manager, DataType.FLOAT32, INPUT.batch(4));
        return block;
    }

    private static float[] logits(
            Block block, NDArray images, NDManager manager, boolean training) {
        if (!training) {
            return block.forward(new ParameterStore(manager, false), new NDList(images), false)
                    .singletonOrThrow()
                    .toFloatArray();
        }
        // MXNet's batch norm trains only inside a gradient collector
        try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
            return block.forward(new ParameterStore(manager, false), new NDList(images), true)
                    .singletonOrThrow()
                    .toFloatArray();
        }
    }
}
