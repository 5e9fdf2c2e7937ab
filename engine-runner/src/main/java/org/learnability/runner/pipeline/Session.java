package org.learnability.runner.pipeline;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.learnability.api.scores.ClassScores;
import org.learnability.api.weights.ClassWeights;
import org.learnability.runner.data.DataSplits;
import org.learnability.runner.data.Split;
import org.learnability.runner.data.TestSource;
import org.learnability.runner.head.HeadFeatures;
import org.learnability.runner.head.HeadHook;
import org.learnability.runner.head.HeadParameters;
import org.learnability.runner.model.ModelArchitecture;
import org.learnability.runner.training.BatchSource;
import org.learnability.runner.training.EpochHook;
import org.learnability.runner.training.Models;
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
    private final SessionModels models;
    private final SessionScoring scoring;
    private final SessionTraining training;
    private final SessionHeads heads;

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
        this.models = new SessionModels(models, splits, devices[0], engine.getEngineName());
        this.scoring = new SessionScoring(splits, spec.options());
        this.training = new SessionTraining(devices, splits, spec, scoring);
        this.heads = new SessionHeads(devices, splits, spec.options(), engine.getEngineName());
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
     * Makes an untrained model of an architecture for this session's data set; the caller closes
     * it.
     */
    public Model newModel(ModelArchitecture architecture) {
        return models.create(architecture);
    }

    /**
     * Returns the training split's batches: shuffled by the seed and the epoch, augmented (by the
     * same seed) if {@code augment} and the data set has an augmentation.
     */
    public BatchSource trainingBatches(long seed, boolean augment) {
        return training.batches(seed, augment);
    }

    /**
     * Returns the batches of some of the training split's images ({@link Split#select}), as {@link
     * #trainingBatches(long, boolean)} gives them all: for a mode that holds images out of its
     * training.
     */
    public BatchSource trainingBatches(Split part, long seed, boolean augment) {
        return training.batches(part, seed, augment);
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
        return training.train(model, data, weights, settings, hook);
    }

    /**
     * Scores a model on batches in their own order: per-class scores with their confusion matrix.
     */
    public ClassScores score(Model model, BatchSource data) {
        return scoring.score(model, data);
    }

    /**
     * Returns a model's parameters in DJL's own format ({@code Block.saveParameters}, what {@code
     * Model.save} writes into a {@code .params} file), to send or keep.
     */
    public byte[] parameters(Model model) {
        return models.parameters(model);
    }

    /**
     * Makes a model of the architecture they were written from with parameters written by {@link
     * #parameters}; the caller closes it.
     *
     * @throws IllegalArgumentException if they are not parameters of the architecture on this data
     */
    public Model load(ModelArchitecture architecture, byte[] parameters) {
        return models.load(architecture, parameters);
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
     * Makes a model of the architecture it was saved from with parameters saved by {@link #save}
     * into a directory; the caller closes it.
     *
     * @throws IllegalArgumentException if the directory holds no such model
     */
    public Model load(ModelArchitecture architecture, Path dir) {
        return models.load(architecture, dir);
    }

    /** Returns a model's logits on the validation and the test split; the caller closes them. */
    public SplitLogits logits(Model model) {
        return scoring.logits(model);
    }

    /**
     * Computes a model's features (the layers before its head) on the validation and the test
     * split, and on the training split (not augmented) if {@code training}, once, to re-train its
     * head on; the caller closes them.
     */
    public HeadFeatures headFeatures(
            Model model, ModelArchitecture architecture, boolean training) {
        return heads.features(model, architecture, training);
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
        return heads.train(start, rows, weights, settings, hook);
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
        return training.fit(newModel(architecture), weights, settings, augment, 0, hook);
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
        return training.fit(
                load(architecture, parameters), weights, settings, augment, firstEpoch, hook);
    }

    /** Scores a fitted model on the validation and the test split, with its training. */
    public TrainedModel score(Fitted fitted) {
        return new TrainedModel(
                fitted.result(), scoring.validation(fitted.model()), scoring.test(fitted.model()));
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
