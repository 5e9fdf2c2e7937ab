package org.learnability.runner.pipeline;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.core.Linear;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.learnability.api.scores.ClassScores;
import org.learnability.api.weights.ClassWeights;
import org.learnability.runner.data.Augmentation;
import org.learnability.runner.data.DataSplits;
import org.learnability.runner.data.TestSource;
import org.learnability.runner.head.HeadFeatures;
import org.learnability.runner.head.HeadHook;
import org.learnability.runner.head.HeadParameters;
import org.learnability.runner.head.HeadSplit;
import org.learnability.runner.model.ImageShape;
import org.learnability.runner.model.ModelArchitecture;
import org.learnability.runner.scoring.Logits;
import org.learnability.runner.training.BatchSource;
import org.learnability.runner.training.EpochHook;
import org.learnability.runner.training.ModelTrainer;
import org.learnability.runner.training.Models;
import org.learnability.runner.training.Scorer;
import org.learnability.runner.training.SplitSource;
import org.learnability.runner.training.TrainingResult;
import org.learnability.runner.training.TrainingSettings;

/**
 * A data set loaded and split on an engine's device, and the models trained and scored on it: made
 * by {@link Pipeline#open}, closed by its user, which frees the data. Models made here live on the
 * session's first device and train on all its devices.
 */
public final class Session implements AutoCloseable {

    private final Engine engine;
    private final Device[] devices;
    private final NDManager manager;
    private final DataSplits splits;
    private final SessionSpec spec;
    private final Models models;
    private final ModelTrainer trainer;
    private final ModelTrainer headTrainer;
    private final Scorer scorer;

    Session(
            Engine engine,
            Device[] devices,
            NDManager manager,
            DataSplits splits,
            SessionSpec spec,
            Models models) {
        this.engine = engine;
        this.devices = devices.clone();
        this.manager = manager;
        this.splits = splits;
        this.spec = spec;
        this.models = models;
        this.trainer = new ModelTrainer(devices, spec.options().progress());
        this.headTrainer = new ModelTrainer(devices, false);
        this.scorer =
                new Scorer(
                        spec.options().scoringBatchSize(), spec.options().testTimeAugmentation());
    }

    /** Returns the engine. */
    public Engine engine() {
        return engine;
    }

    /** Returns the device models live on: the first of the session's devices. */
    public Device device() {
        return devices[0];
    }

    /** Returns the splits: training, validation and test. */
    public DataSplits splits() {
        return splits;
    }

    /** Returns where the test split comes from, with its size. */
    public TestSource testSource() {
        return splits.testSource();
    }

    /** Returns the class names, index = label. */
    public List<String> classNames() {
        return splits.classNames();
    }

    /** Returns what the session was opened with. */
    public SessionSpec spec() {
        return spec;
    }

    /**
     * Makes an untrained model for this session's data set.
     *
     * @param architecture the architecture
     * @return the model; the caller closes it
     */
    public Model newModel(ModelArchitecture architecture) {
        return models.create(
                architecture,
                ImageShape.of(splits.training().imageShape()),
                classNames().size(),
                device(),
                engine.getEngineName());
    }

    /**
     * Returns the training split's batches: shuffled by seed and epoch, augmented if asked and the
     * data set has an augmentation.
     *
     * @param seed the seed of the shuffle and the augmentation
     * @param augment whether to augment
     * @return the batches
     */
    public BatchSource trainingBatches(long seed, boolean augment) {
        Augmentation augmentation =
                augment
                        ? spec.dataset().augmentation().orElse(Augmentation.NONE)
                        : Augmentation.NONE;
        return SplitSource.training(splits.training(), seed, augmentation);
    }

    /**
     * Trains a model.
     *
     * @param model a model of this session whose block is not yet initialised
     * @param data the batches to train on
     * @param weights the class weights of the first epoch
     * @param settings optimizer, epochs, batch size, schedule and seed
     * @param hook called after every epoch; its result weights the next epoch
     * @return what the training did
     */
    public TrainingResult train(
            Model model,
            BatchSource data,
            ClassWeights weights,
            TrainingSettings settings,
            EpochHook hook) {
        return trainer.train(model, data, weights, settings, hook);
    }

    /**
     * Scores a model on batches in their own order.
     *
     * @param model the model
     * @param data the batches
     * @return the per-class scores with their confusion matrix
     */
    public ClassScores score(Model model, BatchSource data) {
        return scorer.score(model, data, classNames());
    }

    private ClassScores scoreValidation(Model model) {
        return score(model, SplitSource.inOrder(splits.validation().requireUsableForWeights()));
    }

    private ClassScores scoreTest(Model model) {
        return score(model, SplitSource.inOrder(splits.test()));
    }

    /**
     * Returns a model's parameters in DJL's own format ({@code Block.saveParameters}, what {@code
     * Model.save} writes into a {@code .params} file), to send or keep.
     *
     * @param model the model
     * @return the parameters
     */
    public byte[] parameters(Model model) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            model.getBlock().saveParameters(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the parameters of " + model.getName(), e);
        }
        return bytes.toByteArray();
    }

    /**
     * Makes a model of an architecture with parameters written by {@link #parameters}.
     *
     * @param architecture the architecture they were written from
     * @param parameters the parameters
     * @return the model; the caller closes it
     * @throws IllegalArgumentException if they are not parameters of the architecture on this data
     */
    public Model load(ModelArchitecture architecture, byte[] parameters) {
        Model model = newModel(architecture);
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(parameters))) {
            // initialised first, so that the block knows its inputs' names and Model.save works
            model.getBlock()
                    .initialize(
                            model.getNDManager(),
                            DataType.FLOAT32,
                            ImageShape.of(splits.training().imageShape()).batch(1));
            model.getBlock().loadParameters(model.getNDManager(), in);
            return model;
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            throw new IllegalArgumentException(
                    "not parameters of " + architecture.name() + " here: " + e.getMessage(), e);
        }
    }

    /**
     * Saves a model in DJL's own format ({@code Model.save}): {@code
     * dir/<architecture>-NNNN.params}, which plain DJL loads into a model of the same architecture.
     *
     * @param model the model
     * @param dir the directory, made if missing; it should hold no other model of the name
     * @throws UncheckedIOException naming the directory when it cannot be written
     */
    public void save(Model model, Path dir) {
        models.save(model, dir);
    }

    /**
     * Makes a model of an architecture with parameters saved by {@link #save}.
     *
     * @param architecture the architecture it was saved from
     * @param dir the directory it was saved to
     * @return the model; the caller closes it
     * @throws IllegalArgumentException if the directory holds no such model
     */
    public Model load(ModelArchitecture architecture, Path dir) {
        return models.load(
                architecture,
                ImageShape.of(splits.training().imageShape()),
                classNames().size(),
                device(),
                engine.getEngineName(),
                dir);
    }

    /**
     * Returns a model's logits on the validation and the test split.
     *
     * @param model the model
     * @return the logits; the caller closes them
     */
    public SplitLogits logits(Model model) {
        Logits validation =
                scorer.logits(
                        model,
                        SplitSource.inOrder(splits.validation().requireUsableForWeights()),
                        classNames());
        try {
            return new SplitLogits(
                    validation,
                    scorer.logits(model, SplitSource.inOrder(splits.test()), classNames()));
        } catch (RuntimeException e) {
            validation.close();
            throw e;
        }
    }

    /**
     * Computes a model's features (the layers before its head) on the validation and the test
     * split, and on the training split if asked, once, to re-train its head on.
     *
     * @param model a model of the architecture
     * @param architecture its architecture
     * @param training whether to compute them on the training split too (not augmented)
     * @return the features; the caller closes them
     */
    public HeadFeatures headFeatures(
            Model model, ModelArchitecture architecture, boolean training) {
        Map<HeadFeatures.Part, BatchSource> sources = new EnumMap<>(HeadFeatures.Part.class);
        if (training) {
            sources.put(HeadFeatures.Part.TRAINING, SplitSource.inOrder(splits.training()));
        }
        sources.put(
                HeadFeatures.Part.VALIDATION,
                SplitSource.inOrder(splits.validation().requireUsableForWeights()));
        sources.put(HeadFeatures.Part.TEST, SplitSource.inOrder(splits.test()));
        return HeadFeatures.compute(
                model,
                HeadSplit.of(model.getBlock(), architecture.name()),
                sources,
                spec.options().scoringBatchSize(),
                spec.options().testTimeAugmentation(),
                classNames());
    }

    /**
     * Trains a head, a dense layer on kept features, with the weighted loss (classifier
     * re-training), quietly.
     *
     * @param start the head's parameters before the first epoch
     * @param rows the features and labels it trains on
     * @param weights the class weights
     * @param settings how to train it: optimizer, rate, weight decay (its L2), epochs, batch size,
     *     seed, loss and weight application
     * @param hook called after every epoch with the head as it stands
     * @return what the training did
     */
    public TrainingResult trainHead(
            HeadParameters start,
            BatchSource rows,
            ClassWeights weights,
            TrainingSettings settings,
            HeadHook hook) {
        try (Model model = Model.newInstance("head", device(), engine.getEngineName())) {
            Linear head = Linear.builder().setUnits(start.classes()).build();
            start.startFrom(head);
            model.setBlock(head);
            return headTrainer.train(
                    model,
                    rows,
                    weights,
                    settings,
                    (epoch, trained, current) -> {
                        hook.afterEpoch(epoch, HeadParameters.of(head));
                        return current;
                    });
        }
    }

    /**
     * Trains a new model of an architecture on the training split and keeps it open. The validation
     * split is scored once after every epoch (the model as it stands, averaged if the settings
     * average); the hook gets those scores, and they are in the result.
     *
     * @param architecture the architecture
     * @param weights the class weights of the first epoch
     * @param settings how to train; its seed also shuffles, samples and augments
     * @param augment whether to augment the training images
     * @param hook called after every epoch with its validation scores; its result weights the next
     *     epoch
     * @return the model and what its training did; the caller closes it
     */
    public Fitted fit(
            ModelArchitecture architecture,
            ClassWeights weights,
            TrainingSettings settings,
            boolean augment,
            ValidationHook hook) {
        return fit(newModel(architecture), weights, settings, augment, 0, hook);
    }

    /**
     * Trains a model further from parameters written by {@link #parameters} (a fine-tune: the
     * optimizer starts afresh), on the training split's batches of the epochs that follow {@code
     * firstEpoch}, and keeps it open; as {@link #fit(ModelArchitecture, ClassWeights,
     * TrainingSettings, boolean, ValidationHook)} otherwise.
     *
     * @param architecture the architecture the parameters were written from
     * @param parameters the parameters to start from
     * @param weights the class weights of the first epoch
     * @param settings how to train: its epochs are the epochs trained here
     * @param augment whether to augment the training images
     * @param firstEpoch the epoch whose batch order the first epoch here takes (the epochs the
     *     parameters were trained for, so that the batches follow on)
     * @param hook called after every epoch with its validation scores
     * @return the model and what its training did; the caller closes it
     */
    public Fitted fit(
            ModelArchitecture architecture,
            byte[] parameters,
            ClassWeights weights,
            TrainingSettings settings,
            boolean augment,
            int firstEpoch,
            ValidationHook hook) {
        return fit(load(architecture, parameters), weights, settings, augment, firstEpoch, hook);
    }

    private Fitted fit(
            Model model,
            ClassWeights weights,
            TrainingSettings settings,
            boolean augment,
            int firstEpoch,
            ValidationHook hook) {
        try {
            List<ClassScores> epochValidation = new ArrayList<>();
            EpochHook scoring =
                    (epoch, trained, current) -> {
                        ClassScores scores = scoreValidation(trained);
                        epochValidation.add(scores);
                        return hook.afterEpoch(epoch, scores, current);
                    };
            TrainingResult result =
                    train(
                            model,
                            trainingBatches(settings.seed(), augment).from(firstEpoch),
                            weights,
                            settings,
                            scoring);
            return new Fitted(model, result.withEpochValidation(epochValidation));
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /**
     * Scores a fitted model on the validation and the test split.
     *
     * @param fitted the model
     * @return its training and scores
     */
    public TrainedModel score(Fitted fitted) {
        return new TrainedModel(
                fitted.result(), scoreValidation(fitted.model()), scoreTest(fitted.model()));
    }

    /**
     * A trained model, open, with what its training did.
     *
     * @param model the model
     * @param result losses, weights, time and throughput
     */
    public record Fitted(Model model, TrainingResult result) implements AutoCloseable {

        /** Closes the model. */
        @Override
        public void close() {
            model.close();
        }
    }

    /** Frees the data and every array made under the session. */
    @Override
    public void close() {
        try {
            splits.close();
        } finally {
            manager.close();
        }
    }
}
