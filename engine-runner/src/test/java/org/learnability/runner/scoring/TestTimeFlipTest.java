package org.learnability.runner.scoring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.training.dataset.Batch;
import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.learnability.runner.engine.EngineSelection;
import org.learnability.runner.model.ImageShape;
import org.learnability.runner.model.InputKind;
import org.learnability.runner.model.ModelArchitecture;
import org.learnability.runner.registry.Registry;
import org.learnability.runner.testing.EngineTest;
import org.learnability.runner.training.BatchSource;
import org.learnability.runner.training.Models;
import org.learnability.runner.training.Scorer;
import org.learnability.runner.wiring.ModelModule;

/**
 * Scoring with test-time flip on every registered model, on each engine: the logits are the mean of
 * the model's logits on the images and on the images mirrored by hand (a Java loop over the pixel
 * array, not {@code NDArray.flip}); without it they are one forward pass, as before.
 */
@EngineTest
class TestTimeFlipTest {

    private static final Registry<ModelArchitecture> ARCHITECTURES =
            Guice.createInjector(new ModelModule())
                    .getInstance(Key.get(new TypeLiteral<Registry<ModelArchitecture>>() {}));
    private static final int N = 5;
    private static final int BATCH = 2; // batches of 2, 2 and 1
    private static final List<String> CLASSES =
            IntStream.range(0, 10).mapToObj(c -> "class" + c).toList();

    private EngineSelection engine;
    private NDManager manager;
    private float[] images;
    private float[] mirrored;
    private float[] labels;

    /** Every image model: test-time flips mirror images (a table's model refuses images). */
    static Stream<String> models() {
        return ARCHITECTURES.all().stream()
                .filter(m -> m.input() == InputKind.IMAGES)
                .map(ModelArchitecture::name);
    }

    @BeforeEach
    void setUp() {
        engine = EngineSelection.fromSystem();
        manager = engine.engine().newBaseManager(Device.cpu());
        Random random = new Random(11);
        int c = 3;
        int h = 32;
        int w = 32;
        images = new float[N * c * h * w];
        mirrored = new float[images.length];
        for (int i = 0; i < images.length; i++) {
            images[i] = (float) random.nextGaussian();
        }
        for (int row = 0; row < N * c * h; row++) { // every (image, channel, row) in turn
            for (int j = 0; j < w; j++) {
                mirrored[row * w + j] = images[row * w + (w - 1 - j)];
            }
        }
        labels = new float[N];
        for (int i = 0; i < N; i++) {
            labels[i] = random.nextInt(10);
        }
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    /** The images in their order, in batches of their own managers. */
    private BatchSource source(float[] pixels) {
        return new BatchSource() {
            @Override
            public long size() {
                return N;
            }

            @Override
            public Shape sampleShape() {
                return new Shape(3, 32, 32);
            }

            @Override
            public Iterable<Batch> batches(int batchSize, int epoch) {
                List<Batch> batches = new ArrayList<>();
                int per = 3 * 32 * 32;
                for (int start = 0; start < N; start += batchSize) {
                    int size = Math.min(batchSize, N - start);
                    float[] data = new float[size * per];
                    System.arraycopy(pixels, start * per, data, 0, data.length);
                    float[] y = new float[size];
                    System.arraycopy(labels, start, y, 0, size);
                    NDManager batchManager = manager.newSubManager();
                    batches.add(
                            new Batch(
                                    batchManager,
                                    new NDList(
                                            batchManager.create(data, new Shape(size, 3, 32, 32))),
                                    new NDList(batchManager.create(y)),
                                    size,
                                    null,
                                    null,
                                    start,
                                    N));
                }
                return batches;
            }
        };
    }

    private Model model(String name) {
        engine.engine().setRandomSeed(5);
        Model model =
                new Models()
                        .create(
                                ARCHITECTURES.get(name),
                                ImageShape.CIFAR10,
                                10,
                                Device.cpu(),
                                engine.name());
        model.getBlock()
                .initialize(model.getNDManager(), DataType.FLOAT32, new Shape(BATCH, 3, 32, 32));
        return model;
    }

    /**
     * The logits of a forward pass in inference mode, in the scorer's batches (a convolution may
     * sum in another order for another batch size).
     */
    private float[] forward(Model model, float[] pixels) {
        int per = 3 * 32 * 32;
        float[] logits = new float[N * 10];
        for (int start = 0; start < N; start += BATCH) {
            int size = Math.min(BATCH, N - start);
            float[] data = new float[size * per];
            System.arraycopy(pixels, start * per, data, 0, data.length);
            try (NDManager scratch = manager.newSubManager()) {
                NDArray x = scratch.create(data, new Shape(size, 3, 32, 32));
                float[] out =
                        model.getBlock()
                                .forward(new ParameterStore(scratch, false), new NDList(x), false)
                                .head()
                                .toFloatArray();
                System.arraycopy(out, 0, logits, start * 10, out.length);
            }
        }
        return logits;
    }

    private static float[] logits(Model model, Scorer scorer, BatchSource split) {
        try (Logits logits = scorer.logits(model, split, CLASSES)) {
            return logits.values().toFloatArray();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void flipAveragesTheLogitsOfTheImagesAndTheirMirrorImages(String name) {
        try (Model model = model(name)) {
            float[] plain = forward(model, images);
            float[] flipped = forward(model, mirrored);
            float[] expected = new float[plain.length];
            for (int i = 0; i < plain.length; i++) {
                expected[i] = (plain[i] + flipped[i]) / 2;
            }
            float[] scored =
                    logits(model, new Scorer(BATCH, TestTimeAugmentation.FLIP), source(images));
            assertArrayEquals(expected, scored, 1e-5f);
            // the mirror image of a mirror image is the image: flip scores both alike
            assertArrayEquals(
                    scored,
                    logits(model, new Scorer(BATCH, TestTimeAugmentation.FLIP), source(mirrored)),
                    1e-5f);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void withoutFlipScoringIsOneForwardPassAsBefore(String name) {
        try (Model model = model(name)) {
            float[] today = logits(model, new Scorer(BATCH), source(images));
            assertArrayEquals(
                    today,
                    logits(model, new Scorer(BATCH, TestTimeAugmentation.NONE), source(images)),
                    0f);
            assertArrayEquals(forward(model, images), today, 1e-5f);
            assertEquals(
                    new Scorer(BATCH).score(model, source(images), CLASSES),
                    new Scorer(BATCH, TestTimeAugmentation.NONE)
                            .score(model, source(images), CLASSES));
        }
    }

    @Test
    void flipScoresThePredictionsOfTheAveragedLogits() {
        try (Model model = model("resnet-peifer")) {
            Scorer flip = new Scorer(BATCH, TestTimeAugmentation.FLIP);
            try (Logits logits = flip.logits(model, source(images), CLASSES)) {
                assertEquals(
                        logits.score(new double[10]), flip.score(model, source(images), CLASSES));
            }
        }
    }

    @Test
    void namesParseAndPrint() {
        assertEquals(TestTimeAugmentation.FLIP, TestTimeAugmentation.parse(" Flip"));
        assertEquals("none", TestTimeAugmentation.NONE.toString());
        assertEquals(
                "unknown test-time augmentation 'crop'; expected one of none, flip",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> TestTimeAugmentation.parse("crop"))
                        .getMessage());
    }
}
