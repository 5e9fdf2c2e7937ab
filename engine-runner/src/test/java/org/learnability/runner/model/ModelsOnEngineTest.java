package org.learnability.runner.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.learnability.api.weights.ClassWeights;
import org.learnability.runner.engine.EngineSelection;
import org.learnability.runner.loss.WeightedSoftmaxCrossEntropyLoss;
import org.learnability.runner.registry.Registry;
import org.learnability.runner.testing.EngineTest;
import org.learnability.runner.wiring.ModelModule;

/**
 * Every model, on the engine the property names: logits of shape (N, classes), one Adam step with
 * the weighted loss, and its parameter count against one derived by hand.
 */
@EngineTest
class ModelsOnEngineTest {

    private static final Registry<ModelArchitecture> ARCHITECTURES =
            Guice.createInjector(new ModelModule())
                    .getInstance(Key.get(new TypeLiteral<Registry<ModelArchitecture>>() {}));

    private static final int BATCH = 2;

    /**
     * A model on an input, with its parameter counts derived by hand.
     *
     * @param model the model name
     * @param input the image shape
     * @param classes the number of classes
     * @param trainable weights, biases, BN gamma and beta: what PyTorch's {@code parameters()}
     *     counts
     * @param runningStats BN running mean and variance: DJL counts them among a block's parameters
     *     (types {@code RUNNING_MEAN}, {@code RUNNING_VAR}, no gradient); PyTorch keeps them as
     *     buffers
     */
    record Case(String model, ImageShape input, int classes, long trainable, long runningStats) {
        @Override
        public String toString() {
            return model + " on " + input + ", " + classes + " classes";
        }
    }

    /*
     * Parameter counts. A conv k x k, in -> out with bias has out*in*k*k + out; a dense in -> out
     * has in*out + out; a BN over c channels has 2c trainable (gamma, beta) and 2c running stats.
     *
     * cnn-small, 1x28x28, 10 classes (5x5 convs, padding 2: 28 -> pool 14 -> pool 7):
     *   conv 1->32      32*1*25 + 32        =     832
     *   conv 32->64     64*32*25 + 64       =  51,264
     *   dense 3136->128 64*7*7*128 + 128    = 401,536
     *   dense 128->10   128*10 + 10         =   1,290
     *                                  total  454,922
     * cnn-small, 1x28x28, 3 classes: dense 128->3 is 387, so 454,922 - 1,290 + 387 = 454,019.
     * cnn-small, 3x32x32, 10 classes (32 -> 16 -> 8):
     *   conv 3->32 = 32*3*25 + 32 = 2,432; conv 32->64 = 51,264;
     *   dense 4096->128 = 64*8*8*128 + 128 = 524,416; dense 128->10 = 1,290; total 579,402.
     *
     * resnet-peifer, 3x32x32, 10 classes (3x3 convs with bias; 32 -> pool 16 -> pool 8 -> conv 6 -> pool 3):
     *   conv 3->32      32*3*9 + 32     =     896   BN 32:  64
     *   conv 32->32     32*32*9 + 32    =   9,248   BN 32:  64
     *   conv 32->64     64*32*9 + 64    =  18,496   BN 64: 128
     *   conv 64->64     64*64*9 + 64    =  36,928   BN 64: 128
     *   conv 64->128    128*64*9 + 128  =  73,856   BN 128: 256
     *   dense 1152->256 128*3*3*256 + 256 = 295,168
     *   dense 256->10   256*10 + 10     =   2,570
     *   convs 139,424 + BN 640 + dense 297,738 = 437,802 trainable; running stats 2 * 320 = 640.
     * resnet-peifer, 1x28x28, 10 classes (28 -> 14 -> 7 -> conv 5 -> pool 2):
     *   conv 1->32 = 32*9 + 32 = 320; the other convs 9,248 + 18,496 + 36,928 + 73,856 = 138,528;
     *   BN 640; dense 512->256 = 128*2*2*256 + 256 = 131,328; dense 256->10 = 2,570;
     *   320 + 138,528 + 640 + 131,328 + 2,570 = 273,386 trainable; running stats 640.
     *
     * resnet20 (DJL ResNetV1, CIFAR layout; convs without bias), 3x32x32, 10 classes:
     *   stem conv 3->16                    3*9*16                                      =     432
     *   stage 1, unit 1: 16->16 3x3 twice, 1x1 shortcut 16->16, 3 BN of 16
     *                    2*16*16*9 + 16*16 + 3*32                = 4,608 + 256 + 96  =   4,960
     *            units 2, 3: 2*(16*16*9) + 2*32 = 4,672 each                           =   9,344
     *   stage 2, unit 1: 16->32 3x3, 32->32 3x3, 1x1 16->32, 3 BN of 32
     *                    4,608 + 9,216 + 512 + 3*64                                    =  14,528
     *            units 2, 3: 2*9,216 + 2*64 = 18,560 each                              =  37,120
     *   stage 3, unit 1: 32->64 3x3, 64->64 3x3, 1x1 32->64, 3 BN of 64
     *                    18,432 + 36,864 + 2,048 + 3*128                               =  57,728
     *            units 2, 3: 2*36,864 + 2*128 = 73,984 each                            = 147,968
     *   dense 64->10                       64*10 + 10                                  =     650
     *                                                                            total  272,730
     *   running stats: 7 BN per stage over 16, 32, 64 channels: 2 * 7 * (16 + 32 + 64) = 1,568.
     * resnet20, 1x28x28: only the stem changes, 1*9*16 = 144: 272,730 - 432 + 144 = 272,442.
     */
    static Stream<Case> cases() {
        return Stream.of(
                new Case(CnnSmall.NAME, ImageShape.FASHION_MNIST, 10, 454_922, 0),
                new Case(CnnSmall.NAME, ImageShape.FASHION_MNIST, 3, 454_019, 0),
                new Case(CnnSmall.NAME, ImageShape.CIFAR10, 10, 579_402, 0),
                new Case(ResNetPeifer.NAME, ImageShape.CIFAR10, 10, 437_802, 640),
                new Case(ResNetPeifer.NAME, ImageShape.FASHION_MNIST, 10, 273_386, 640),
                // the same network, its input made channels-last: no parameter of its own
                new Case("resnet-peifer-nhwc", ImageShape.CIFAR10, 10, 437_802, 640),
                new Case(ResNet20.NAME, ImageShape.CIFAR10, 10, 272_730, 1_568),
                new Case(ResNet20.NAME, ImageShape.FASHION_MNIST, 10, 272_442, 1_568));
    }

    private static EngineSelection selection;
    private static Engine engine;

    @BeforeAll
    static void loadEngine() {
        selection = EngineSelection.fromSystem();
        engine = selection.engine();
        assertEquals(
                System.getProperty(EngineSelection.PROPERTY, EngineSelection.DEFAULT),
                engine.getEngineName());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void inferenceGivesOneRowOfLogitsPerImage(Case c) {
        engine.setRandomSeed(1);
        try (NDManager manager = engine.newBaseManager(Device.cpu());
                Model model = newModel(c);
                Trainer trainer = model.newTrainer(config(c, manager))) {
            trainer.initialize(c.input().batch(BATCH));
            NDArray images = manager.randomNormal(c.input().batch(BATCH));
            NDArray logits = trainer.evaluate(new NDList(images)).singletonOrThrow();
            assertEquals(new Shape(BATCH, c.classes()), logits.getShape());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void oneAdamStepWithTheWeightedLossChangesEveryWeight(Case c) {
        engine.setRandomSeed(2);
        try (NDManager manager = engine.newBaseManager(Device.cpu());
                Model model = newModel(c);
                Trainer trainer = model.newTrainer(config(c, manager))) {
            trainer.initialize(c.input().batch(BATCH));
            Map<String, float[]> before = trainableValues(model);
            NDArray images = manager.randomNormal(c.input().batch(BATCH));
            float[] classes = new float[BATCH];
            for (int i = 0; i < BATCH; i++) {
                classes[i] = (2 * i + 1) % c.classes();
            }
            NDArray labels = manager.create(classes);

            float loss;
            try (GradientCollector collector = trainer.newGradientCollector()) {
                NDArray logits = trainer.forward(new NDList(images)).singletonOrThrow();
                assertEquals(
                        new Shape(BATCH, c.classes()),
                        logits.getShape(),
                        "logits in training mode");
                NDArray value = trainer.getLoss().evaluate(new NDList(labels), new NDList(logits));
                loss = value.getFloat();
                collector.backward(value);
            }
            trainer.step();

            assertTrue(Float.isFinite(loss), "loss " + loss);
            assertTrue(loss > 0, "loss " + loss);
            Map<String, float[]> after = trainableValues(model);
            List<String> unchangedWeights = new ArrayList<>();
            double change = 0;
            for (Pair<String, Parameter> p : model.getBlock().getParameters()) {
                if (!p.getValue().requiresGradient()) {
                    continue;
                }
                float[] old = before.get(p.getKey());
                float[] now = after.get(p.getKey());
                double diff = 0;
                for (int i = 0; i < old.length; i++) {
                    assertTrue(Float.isFinite(now[i]), p.getKey() + " is not finite");
                    diff += Math.abs(now[i] - old[i]);
                }
                change += diff;
                // A conv bias right before BN gets no gradient in theory, so only weights must
                // move.
                if (p.getValue().getType() == Parameter.Type.WEIGHT && diff == 0) {
                    unchangedWeights.add(p.getKey());
                }
            }
            assertTrue(
                    unchangedWeights.isEmpty(),
                    "weights unchanged by the step: " + unchangedWeights);
            assertTrue(change > 0);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void parameterCountMatchesTheHandDerivation(Case c) {
        try (NDManager manager = engine.newBaseManager(Device.cpu());
                Model model = newModel(c)) {
            model.getBlock().initialize(manager, DataType.FLOAT32, c.input().batch(1));
            long trainable = 0;
            long running = 0;
            for (Pair<String, Parameter> p : model.getBlock().getParameters()) {
                long size = p.getValue().getArray().size();
                Parameter.Type type = p.getValue().getType();
                if (p.getValue().requiresGradient()) {
                    trainable += size;
                    assertFalse(
                            type == Parameter.Type.RUNNING_MEAN
                                    || type == Parameter.Type.RUNNING_VAR,
                            p.getKey());
                } else {
                    running += size;
                    assertTrue(
                            type == Parameter.Type.RUNNING_MEAN
                                    || type == Parameter.Type.RUNNING_VAR,
                            p.getKey());
                }
            }
            assertEquals(c.trainable(), trainable, "trainable parameters");
            assertEquals(c.runningStats(), running, "BN running statistics");
        }
    }

    private static Model newModel(Case c) {
        Model model = Model.newInstance(c.model(), Device.cpu(), selection.name());
        model.setBlock(ARCHITECTURES.get(c.model()).build(c.input(), c.classes()));
        return model;
    }

    private static DefaultTrainingConfig config(Case c, NDManager manager) {
        double[] raw = new double[c.classes()];
        for (int k = 0; k < raw.length; k++) {
            raw[k] = 1 + k;
        }
        WeightedSoftmaxCrossEntropyLoss loss =
                new WeightedSoftmaxCrossEntropyLoss("weighted", ClassWeights.of(raw), manager);
        return new DefaultTrainingConfig(loss)
                .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(1e-3f)).build())
                .optDevices(new Device[] {Device.cpu()});
    }

    private static Map<String, float[]> trainableValues(Model model) {
        Map<String, float[]> values = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : model.getBlock().getParameters()) {
            if (p.getValue().requiresGradient()) {
                values.put(p.getKey(), p.getValue().getArray().toFloatArray());
            }
        }
        return values;
    }
}
