package org.learnability.runner.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.dataset.Batch;
import ai.djl.translate.Batchifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learnability.runner.engine.EngineSelection;
import org.learnability.runner.testing.EngineTest;

/**
 * Parameter averaging and the batch-norm statistics recomputed for it, on each engine, through
 * DJL's parameter arrays: EMA with decay 0 is the parameters, SWA of identical parameters is them,
 * both against values worked out by hand; after the recomputation a batch-norm layer holds the mean
 * and variance of its input over the whole split.
 */
@EngineTest
class AveragingTest {

    private EngineSelection engine;
    private NDManager manager;

    @BeforeEach
    void setUp() {
        engine = EngineSelection.fromSystem();
        manager = engine.engine().newBaseManager(Device.cpu());
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    private Model model(Block block, Shape input) {
        Model model = Model.newInstance("averaging", Device.cpu(), engine.name());
        model.setBlock(block);
        block.initialize(model.getNDManager(), DataType.FLOAT32, input);
        return model;
    }

    private static List<NDArray> trained(Block block) {
        List<NDArray> arrays = new ArrayList<>();
        block.getParameters().values().stream()
                .filter(Parameter::requiresGradient)
                .forEach(p -> arrays.add(p.getArray()));
        return arrays;
    }

    private static void shift(Block block, float by) {
        trained(block).forEach(p -> p.addi(by));
    }

    @Test
    void emaWithDecayZeroIsTheParametersAndOtherwiseTheirWeightedMean() {
        try (Model model = model(Linear.builder().setUnits(3).build(), new Shape(2, 4));
                ParameterAverage average = new ParameterAverage(model.getBlock())) {
            average.ema(0.9); // the first update copies
            shift(model.getBlock(), 1.5f);
            average.ema(0);
            List<NDArray> params = trained(model.getBlock());
            NDList averages = average.averages();
            assertEquals(2, averages.size(), "weight and bias");
            for (int i = 0; i < params.size(); i++) {
                assertArrayEquals(params.get(i).toFloatArray(), averages.get(i).toFloatArray());
            }
            // a = 0.5 a + 0.5 (a + 1) = a + 0.5: half a step behind the parameters
            shift(model.getBlock(), 1f);
            average.ema(0.5);
            for (int i = 0; i < params.size(); i++) {
                float[] p = params.get(i).toFloatArray();
                float[] a = averages.get(i).toFloatArray();
                for (int j = 0; j < p.length; j++) {
                    assertEquals(p[j] - 0.5f, a[j], 1e-6);
                }
            }
            assertEquals(3, average.updates());
            assertThrows(IllegalArgumentException.class, () -> average.ema(1));
        }
    }

    @Test
    void swaOfIdenticalParametersIsThemAndOtherwiseTheirMean() {
        try (Model model = model(Linear.builder().setUnits(3).build(), new Shape(2, 4));
                ParameterAverage average = new ParameterAverage(model.getBlock())) {
            List<float[]> before =
                    trained(model.getBlock()).stream().map(NDArray::toFloatArray).toList();
            average.swa();
            average.swa();
            average.swa();
            average.writeTo();
            List<NDArray> params = trained(model.getBlock());
            for (int i = 0; i < params.size(); i++) {
                assertArrayEquals(before.get(i), params.get(i).toFloatArray());
                assertArrayEquals(before.get(i), average.averages().get(i).toFloatArray());
            }
            // three updates at p, a fourth at p + 3: the mean is p + 3/4
            shift(model.getBlock(), 3f);
            average.swa();
            for (int i = 0; i < params.size(); i++) {
                float[] a = average.averages().get(i).toFloatArray();
                for (int j = 0; j < a.length; j++) {
                    assertEquals(before.get(i)[j] + 0.75f, a[j], 1e-6);
                }
            }
        }
    }

    /** 37 samples of 3 x 4 x 4 values, each channel with its own offset and scale. */
    private NDArray images() {
        NDArray noise = manager.randomNormal(0, 1, new Shape(37, 3, 4, 4), DataType.FLOAT32);
        NDArray scale = manager.create(new float[] {1f, 2f, 0.5f}).reshape(1, 3, 1, 1);
        NDArray offset = manager.create(new float[] {-1f, 3f, 0.25f}).reshape(1, 3, 1, 1);
        return noise.mul(scale).add(offset);
    }

    /** The images in batches of 8 (the last of 5), in order. */
    private BatchSource source(NDArray images) {
        return new BatchSource() {
            @Override
            public long size() {
                return images.getShape().get(0);
            }

            @Override
            public Shape sampleShape() {
                return images.getShape().slice(1);
            }

            @Override
            public Iterable<Batch> batches(int batchSize, int epoch) {
                List<Batch> batches = new ArrayList<>();
                for (long from = 0; from < size(); from += batchSize) {
                    long to = Math.min(size(), from + batchSize);
                    NDManager batchManager = manager.newSubManager();
                    NDArray data = images.get(new NDIndex(from + ":" + to));
                    data.attach(batchManager);
                    NDArray labels = batchManager.zeros(new Shape(to - from));
                    batches.add(
                            new Batch(
                                    batchManager,
                                    new NDList(data),
                                    new NDList(labels),
                                    (int) (to - from),
                                    Batchifier.STACK,
                                    Batchifier.STACK,
                                    from,
                                    size()));
                }
                return batches;
            }
        };
    }

    @Test
    void batchNormStatisticsBecomeThoseOfTheWholeSplit() {
        NDArray images = images();
        try (Model model = model(BatchNorm.builder().build(), new Shape(8, 3, 4, 4))) {
            BatchNormStatistics.recompute(model, source(images), 8);
            float[] mean = parameter(model, Parameter.Type.RUNNING_MEAN);
            float[] variance = parameter(model, Parameter.Type.RUNNING_VAR);
            float[] values = images.transpose(1, 0, 2, 3).reshape(3, -1).toFloatArray();
            int n = values.length / 3; // 37 x 16 values a channel
            for (int c = 0; c < 3; c++) {
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    sum += values[c * n + i];
                }
                double mu = sum / n;
                double squares = 0;
                for (int i = 0; i < n; i++) {
                    squares += (values[c * n + i] - mu) * (values[c * n + i] - mu);
                }
                // PyTorch keeps an unbiased running variance, MXNet the population's
                double expected = engine.name().equals("PyTorch") ? squares / (n - 1) : squares / n;
                assertEquals(mu, mean[c], 1e-5, "mean of channel " + c);
                assertEquals(expected, variance[c], 1e-5, "variance of channel " + c);
            }
        }
    }

    private static float[] parameter(Model model, Parameter.Type type) {
        return model.getBlock().getParameters().values().stream()
                .filter(p -> p.getType() == type)
                .findFirst()
                .orElseThrow()
                .getArray()
                .toFloatArray();
    }

    @Test
    void averagingSpecsParseAndBadOnesAreNamed() {
        assertEquals(Averaging.NONE, Averaging.parse("none"));
        assertEquals("ema:decay=0.999", Averaging.parse("ema").toString());
        assertEquals("ema:decay=0.99", Averaging.parse("ema:decay=0.99").toString());
        assertEquals("swa", Averaging.parse("swa").toString());
        assertEquals(6, Averaging.parse("swa").firstEpoch(10), "the second half of 10 epochs");
        assertEquals(3, Averaging.parse("swa:start=3").firstEpoch(10));
        assertEquals(
                "--averaging ema:decay=1.0; expected a decay in (0, 1)",
                assertThrows(IllegalArgumentException.class, () -> Averaging.parse("ema:decay=1"))
                        .getMessage());
        assertEquals(
                "--averaging swa:start=10; expected a first epoch below --epochs (10)",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> Averaging.parse("swa:start=10").check(10))
                        .getMessage());
        assertEquals(
                "--averaging 'mean': unknown averaging 'mean'; expected none, ema[:decay=D] or"
                        + " swa[:start=E]",
                assertThrows(IllegalArgumentException.class, () -> Averaging.parse("mean"))
                        .getMessage());
        // the warm-up of the decay: min(D, (1 + t) / (10 + t))
        assertEquals(0.1, ModelTrainer.emaDecay(0.999, 0), 1e-12);
        assertEquals(101.0 / 110, ModelTrainer.emaDecay(0.999, 100), 1e-12);
        assertEquals(0.999, ModelTrainer.emaDecay(0.999, 100_000), 1e-12);
    }
}
