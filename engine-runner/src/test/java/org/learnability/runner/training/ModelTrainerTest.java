package org.learnability.runner.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.TrainingDivergedException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learnability.api.scores.ClassScores;
import org.learnability.api.strategy.ParameterSpec;
import org.learnability.api.strategy.StrategyParameters;
import org.learnability.api.strategy.StrategySpec;
import org.learnability.api.weights.ClassWeights;
import org.learnability.runner.data.Augmentation;
import org.learnability.runner.data.Cifar10Dataset;
import org.learnability.runner.data.DataCache;
import org.learnability.runner.data.DataSource;
import org.learnability.runner.data.DataSplits;
import org.learnability.runner.data.DatasetLoader;
import org.learnability.runner.data.SplitSpec;
import org.learnability.runner.engine.EngineSelection;
import org.learnability.runner.loss.ClassWeightedLoss;
import org.learnability.runner.loss.LabelSmoothing;
import org.learnability.runner.loss.LossChoice;
import org.learnability.runner.loss.LossFamily;
import org.learnability.runner.loss.WeightedSoftmaxCrossEntropyLoss;
import org.learnability.runner.model.CnnSmall;
import org.learnability.runner.model.ImageShape;
import org.learnability.runner.testing.EngineTest;

/** Training and scoring end to end on small synthetic CIFAR-format data, on each engine. */
@EngineTest
class ModelTrainerTest {

    private static final Device[] CPU = {Device.cpu()};

    @TempDir Path dir;

    private EngineSelection engine;
    private NDManager manager;
    private Models models;

    @BeforeEach
    void setUp() {
        engine = EngineSelection.fromSystem();
        manager = engine.engine().newBaseManager(Device.cpu());
        models = new Models();
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    private DataSplits splits(IntUnaryOperator place, int trainPerClass, int seed)
            throws IOException {
        Path data = SyntheticImages.write(dir.resolve("data"), trainPerClass + 10, 20, place);
        DatasetLoader loader = new DatasetLoader(new DataCache(dir.resolve("cache")));
        return DataSplits.create(
                loader.load(new Cifar10Dataset(), DataSource.local(data), manager),
                new SplitSpec(100, 10 * trainPerClass, seed));
    }

    private static TrainingSettings settings(int epochs, int seed) {
        return TrainingSettings.defaults().withEpochs(epochs).withSeed(seed);
    }

    /** Trains cnn-small and returns its test scores. */
    private ClassScores trainAndScore(
            DataSplits splits, ClassWeights weights, TrainingSettings settings) {
        try (Model model =
                models.create(
                        new CnnSmall(), ImageShape.CIFAR10, 10, Device.cpu(), engine.name())) {
            new ModelTrainer(CPU, false)
                    .train(
                            model,
                            SplitSource.training(
                                    splits.training(), settings.seed(), Augmentation.NONE),
                            weights,
                            settings,
                            EpochHook.NONE);
            return new Scorer(64)
                    .score(model, SplitSource.inOrder(splits.test()), splits.classNames());
        }
    }

    @Test
    void anEasyTaskIsLearnedAndTheSameSeedGivesTheSameConfusionMatrix() throws IOException {
        try (DataSplits splits = splits(c -> c, 40, 1)) {
            TrainingSettings settings =
                    TrainingSettings.builder()
                            .optimizer(TrainingSettings.Optimizer.ADAM)
                            .learningRate(1e-3)
                            .momentum(0.9)
                            .weightDecay(0)
                            .epochs(4)
                            .batchSize(32)
                            .schedule(TrainingSettings.Schedule.CONSTANT)
                            .seed(5)
                            .loss(LossChoice.CROSS_ENTROPY)
                            .apply(WeightApplication.LOSS)
                            .averaging(Averaging.NONE)
                            .build();
            ClassScores trainScores;
            ClassScores first;
            try (Model model =
                    models.create(
                            new CnnSmall(), ImageShape.CIFAR10, 10, Device.cpu(), engine.name())) {
                TrainingResult result =
                        new ModelTrainer(CPU, false)
                                .train(
                                        model,
                                        SplitSource.training(
                                                splits.training(), 5, Augmentation.NONE),
                                        ClassWeights.uniform(10),
                                        settings,
                                        EpochHook.NONE);
                assertEquals(4, result.epochLosses().size());
                assertTrue(
                        result.epochLosses().get(3) < result.epochLosses().get(0),
                        "loss falls: " + result.epochLosses());
                assertTrue(result.imagesPerSecond() > 0);
                trainScores =
                        new Scorer(64)
                                .score(
                                        model,
                                        SplitSource.inOrder(splits.training()),
                                        splits.classNames());
                first =
                        new Scorer(64)
                                .score(
                                        model,
                                        SplitSource.inOrder(splits.test()),
                                        splits.classNames());
            }
            assertTrue(trainScores.accuracy() > 0.9, "training accuracy " + trainScores.accuracy());
            assertEquals(400, trainScores.confusionMatrix().orElseThrow().total());
            ClassScores second = trainAndScore(splits, ClassWeights.uniform(10), settings);
            assertEquals(
                    first.confusionMatrix(),
                    second.confusionMatrix(),
                    "same seed, same confusion matrix");
        }
    }

    @Test
    void theRecipesPartsTrainAnEasyTask() throws IOException {
        // Nesterov or AdamW, a one-cycle schedule per step, smoothed targets: each learns
        try (DataSplits splits = splits(c -> c, 40, 1)) {
            TrainingSettings oneCycle =
                    settings(4, 5)
                            .withBatchSize(32)
                            .withSchedule(TrainingSettings.Schedule.COSINE, new Warmup(0.25))
                            .withLabelSmoothing(new LabelSmoothing(0.1));
            for (TrainingSettings recipe :
                    List.of(
                            oneCycle.withOptimizer(
                                    TrainingSettings.Optimizer.NESTEROV, 0.02, 0.9, 5e-4),
                            oneCycle.withOptimizer(TrainingSettings.Optimizer.ADAMW, 2e-3, 0, 0.05)
                                    .withSchedule(
                                            TrainingSettings.Schedule.LINEAR, new Warmup(0.25)))) {
                ClassScores scores = trainAndScore(splits, ClassWeights.uniform(10), recipe);
                assertTrue(
                        scores.accuracy() > 0.9,
                        recipe.optimizer() + ": test accuracy " + scores.accuracy());
            }
        }
    }

    @Test
    void upWeightingOneOfTwoOverlappingClassesRaisesItsTpr() throws IOException {
        // Classes 0 and 1 share one place: they are the same distribution. Weighting class 0 four
        // times as much as the rest must pull the ambiguous images towards class 0.
        try (DataSplits splits = splits(c -> c == 1 ? 0 : c, 30, 2)) {
            TrainingSettings settings = settings(3, 3);
            ClassScores unweighted = trainAndScore(splits, ClassWeights.uniform(10), settings);
            double[] raw = {4, 1, 1, 1, 1, 1, 1, 1, 1, 1};
            ClassScores weighted = trainAndScore(splits, ClassWeights.of(raw), settings);
            assertTrue(
                    weighted.tpr().get(0) > unweighted.tpr().get(0),
                    "TPR of class 0: unweighted "
                            + unweighted.tpr().get(0)
                            + ", weighted "
                            + weighted.tpr().get(0));
            assertTrue(
                    weighted.tpr().get(0) >= 0.9,
                    "weighted TPR of class 0 " + weighted.tpr().get(0));
        }
    }

    @Test
    void theEpochHookSeesEveryEpochAndItsWeightsTrainTheNext() throws IOException {
        try (DataSplits splits = splits(c -> c, 10, 4);
                Model model =
                        models.create(
                                new CnnSmall(),
                                ImageShape.CIFAR10,
                                10,
                                Device.cpu(),
                                engine.name())) {
            List<Integer> epochs = new ArrayList<>();
            ClassWeights second = ClassWeights.of(2, 1, 1, 1, 1, 1, 1, 1, 1, 1);
            EpochHook hook =
                    (epoch, m, current) -> {
                        epochs.add(epoch);
                        assertTrue(m == model);
                        return second;
                    };
            TrainingResult result =
                    new ModelTrainer(CPU, false)
                            .train(
                                    model,
                                    SplitSource.training(splits.training(), 1, Augmentation.NONE),
                                    ClassWeights.uniform(10),
                                    settings(3, 1),
                                    hook);
            assertEquals(List.of(0, 1, 2), epochs);
            assertEquals(List.of(ClassWeights.uniform(10), second, second), result.epochWeights());
        }
    }

    /** The trained parameters of a model, as floats. */
    private static List<float[]> parameters(Model model) {
        List<float[]> values = new ArrayList<>();
        model.getBlock().getParameters().values().stream()
                .filter(ai.djl.nn.Parameter::requiresGradient)
                .forEach(p -> values.add(p.getArray().toFloatArray()));
        return values;
    }

    @Test
    void swaLeavesTheMeanOfTheAveragedEpochsInTheModelAndTrainsAsWithout() throws IOException {
        try (DataSplits splits = splits(c -> c, 10, 6)) {
            List<List<float[]>> raw = new ArrayList<>();
            List<float[]> rawFinal;
            try (Model model =
                    models.create(
                            new CnnSmall(), ImageShape.CIFAR10, 10, Device.cpu(), engine.name())) {
                new ModelTrainer(CPU, false)
                        .train(
                                model,
                                SplitSource.training(splits.training(), 2, Augmentation.NONE),
                                ClassWeights.uniform(10),
                                settings(3, 2),
                                (epoch, m, current) -> {
                                    raw.add(parameters(m));
                                    return current;
                                });
                rawFinal = parameters(model);
            }
            List<List<float[]>> seen = new ArrayList<>();
            List<float[]> averaged;
            try (Model model =
                    models.create(
                            new CnnSmall(), ImageShape.CIFAR10, 10, Device.cpu(), engine.name())) {
                new ModelTrainer(CPU, false)
                        .train(
                                model,
                                SplitSource.training(splits.training(), 2, Augmentation.NONE),
                                ClassWeights.uniform(10),
                                settings(3, 2).withAveraging(Averaging.parse("swa:start=2")),
                                (epoch, m, current) -> {
                                    seen.add(parameters(m));
                                    return current;
                                });
                averaged = parameters(model);
            }
            // epoch 1 is before the average starts: the raw parameters; after epoch 2 the average
            // of one epoch is that epoch's; after epoch 3 (kept in the model) the mean of 2 and 3
            for (int i = 0; i < rawFinal.size(); i++) {
                assertArrayEquals(raw.get(0).get(i), seen.get(0).get(i), 0f);
                assertArrayEquals(raw.get(1).get(i), seen.get(1).get(i), 0f);
                float[] mean = new float[rawFinal.get(i).length];
                for (int j = 0; j < mean.length; j++) {
                    mean[j] = (raw.get(1).get(i)[j] + rawFinal.get(i)[j]) / 2;
                }
                assertArrayEquals(mean, averaged.get(i), 1e-6f);
                assertArrayEquals(averaged.get(i), seen.get(2).get(i), 0f, "the hook saw it");
            }
        }
    }

    @Test
    void aNanLossStopsTrainingNamingEpochAndBatch() throws IOException {
        // 100 training images in batches of 32: batches of 32, 32, 32 and 4. The loss turns NaN on
        // the short fourth batch, so training must stop in epoch 1, batch 4.
        LossFamily nanOnShortBatch =
                new LossFamily() {
                    @Override
                    public String name() {
                        return "nan-on-short";
                    }

                    @Override
                    public String description() {
                        return "cross-entropy, NaN on a batch under 32";
                    }

                    @Override
                    public List<ParameterSpec> parameters() {
                        return List.of();
                    }

                    @Override
                    public ClassWeightedLoss create(
                            StrategyParameters p, ClassWeights weights, NDManager m) {
                        return new WeightedSoftmaxCrossEntropyLoss("loss", weights, m) {
                            @Override
                            public NDArray evaluate(NDList labels, NDList predictions) {
                                NDArray value = super.evaluate(labels, predictions);
                                return predictions.head().getShape().get(0) < 32
                                        ? value.mul(Float.NaN)
                                        : value;
                            }
                        };
                    }
                };
        try (DataSplits splits = splits(c -> c, 10, 1);
                Model model =
                        models.create(
                                new CnnSmall(),
                                ImageShape.CIFAR10,
                                10,
                                Device.cpu(),
                                engine.name())) {
            TrainingSettings settings =
                    TrainingSettings.builder()
                            .optimizer(TrainingSettings.Optimizer.SGD)
                            .learningRate(0.01)
                            .momentum(0.9)
                            .weightDecay(1e-4)
                            .epochs(2)
                            .batchSize(32)
                            .schedule(TrainingSettings.Schedule.COSINE)
                            .seed(1)
                            .loss(
                                    new LossChoice(
                                            StrategySpec.parse("nan-on-short"),
                                            nanOnShortBatch,
                                            new StrategyParameters(Map.of())))
                            .apply(WeightApplication.LOSS)
                            .averaging(Averaging.NONE)
                            .build();
            TrainingDivergedException e =
                    assertThrows(
                            TrainingDivergedException.class,
                            () ->
                                    new ModelTrainer(CPU, false)
                                            .train(
                                                    model,
                                                    SplitSource.training(
                                                            splits.training(),
                                                            1,
                                                            Augmentation.NONE),
                                                    ClassWeights.uniform(10),
                                                    settings,
                                                    EpochHook.NONE));
            assertEquals(
                    "training loss became NaN in epoch 1, batch 4; lower the learning rate or check the data",
                    e.getMessage());
        }
    }

    @Test
    void savedParametersLoadToTheSameScores() throws IOException {
        try (DataSplits splits = splits(c -> c, 10, 1)) {
            ClassScores before;
            try (Model model =
                    models.create(
                            new CnnSmall(), ImageShape.CIFAR10, 10, Device.cpu(), engine.name())) {
                new ModelTrainer(CPU, false)
                        .train(
                                model,
                                SplitSource.training(splits.training(), 1, Augmentation.NONE),
                                ClassWeights.uniform(10),
                                settings(1, 1),
                                EpochHook.NONE);
                before =
                        new Scorer(64)
                                .score(
                                        model,
                                        SplitSource.inOrder(splits.test()),
                                        splits.classNames());
                models.save(model, dir.resolve("saved"));
            }
            try (Model loaded =
                    models.load(
                            new CnnSmall(),
                            ImageShape.CIFAR10,
                            10,
                            Device.cpu(),
                            engine.name(),
                            dir.resolve("saved"))) {
                ClassScores after =
                        new Scorer(64)
                                .score(
                                        loaded,
                                        SplitSource.inOrder(splits.test()),
                                        splits.classNames());
                assertEquals(before.confusionMatrix(), after.confusionMatrix());
            }
            IllegalArgumentException e =
                    assertThrows(
                            IllegalArgumentException.class,
                            () ->
                                    models.load(
                                            new CnnSmall(),
                                            ImageShape.CIFAR10,
                                            10,
                                            Device.cpu(),
                                            engine.name(),
                                            dir.resolve("nothing-here")));
            assertTrue(
                    e.getMessage().startsWith("cannot load model cnn-small from "), e.getMessage());
        }
    }

    @Test
    void aSavedModelOfOtherDataOrTruncatedIsRefusedNamingWhy() throws IOException {
        Path threeClasses = saveUntrained(ImageShape.CIFAR10, 3, "three-classes");
        Path grey = saveUntrained(ImageShape.FASHION_MNIST, 10, "grey");
        Path truncated = saveUntrained(ImageShape.CIFAR10, 10, "truncated");
        try (Stream<Path> files = Files.list(truncated)) {
            Path file = files.filter(f -> f.toString().endsWith(".params")).findFirst().get();
            byte[] bytes = Files.readAllBytes(file);
            Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
        }
        assertEquals(
                "cannot load model cnn-small from "
                        + threeClasses
                        + ": its parameters give 3 scores per input, not one for each of the 10"
                        + " classes (a model of other data?)",
                loadError(threeClasses));
        assertTrue(
                loadError(grey)
                        .startsWith(
                                "cannot load model cnn-small from "
                                        + grey
                                        + ": its parameters do not fit 3x32x32 inputs (a model of"
                                        + " other data?): "),
                loadError(grey));
        assertEquals(
                "cannot load model cnn-small from "
                        + truncated
                        + ": its file ends early (truncated)",
                loadError(truncated));
    }

    /** Saves a cnn-small of fresh parameters for images of a shape and some classes. */
    private Path saveUntrained(ImageShape input, int classes, String name) {
        try (Model model =
                models.create(new CnnSmall(), input, classes, Device.cpu(), engine.name())) {
            model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32, input.batch(1));
            models.save(model, dir.resolve(name));
        }
        return dir.resolve(name);
    }

    /** Loads a saved cnn-small as one for CIFAR-10's images and classes; returns the error. */
    private String loadError(Path saved) {
        return assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                models.load(
                                        new CnnSmall(),
                                        ImageShape.CIFAR10,
                                        10,
                                        Device.cpu(),
                                        engine.name(),
                                        saved))
                .getMessage();
    }

    @Test
    void differentSeedsGiveDifferentModels() throws IOException {
        try (DataSplits splits = splits(c -> c == 1 ? 0 : c, 10, 1)) {
            ClassScores a = trainAndScore(splits, ClassWeights.uniform(10), settings(1, 1));
            ClassScores b = trainAndScore(splits, ClassWeights.uniform(10), settings(1, 2));
            assertNotEquals(a.confusionMatrix(), b.confusionMatrix());
        }
    }
}
