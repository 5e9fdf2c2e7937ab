package org.learnability.runner.training;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.Batch;
import ai.djl.training.evaluator.Accuracy;
import ai.djl.training.listener.EpochTrainingListener;
import ai.djl.training.listener.EvaluatorTrainingListener;
import ai.djl.training.listener.LoggingTrainingListener;
import ai.djl.training.listener.TrainingListener;
import ai.djl.training.optimizer.Optimizer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.learnability.api.weights.ClassWeights;
import org.learnability.runner.loss.ClassWeightedLoss;

/**
 * Trains a model with the weighted loss: DJL's {@link Trainer}, one {@link EasyTrain#trainBatch}
 * and {@link Trainer#step} per batch, DJL's listeners for the running loss and accuracy (and, when
 * asked, its progress bar and epoch log), a check that stops on a NaN or infinite loss, the
 * settings' parameter averaging ({@link Averaging}, {@link ParameterAverage}) and an {@link
 * EpochHook} after every epoch.
 *
 * <p>The seed fixes the initialisation (through {@link Engine#setRandomSeed}), and the batch
 * source's shuffling through the epoch number.
 */
public final class ModelTrainer {

    /**
     * DJL records gradients for one training at a time per process: its PyTorch engine refuses a
     * second {@code GradientCollector} while one is open (a process-wide flag), and MXNet's
     * autograd recording is a global switch. Trainings on several threads of one JVM (Spark's
     * {@code local[N]}) therefore take turns, a batch each; processes of their own ({@code
     * local-cluster}, a cluster's executors) train in parallel.
     */
    private static final ReentrantLock BACKWARD = new ReentrantLock(true);

    private final Device[] devices;
    private final boolean progress;

    /**
     * Creates the trainer.
     *
     * @param devices the devices to train on
     * @param progress whether to show DJL's progress bar and log every epoch
     */
    public ModelTrainer(Device[] devices, boolean progress) {
        this.devices = devices.clone();
        this.progress = progress;
    }

    /**
     * Trains a model whose block is not yet initialised.
     *
     * @param model the model
     * @param data the training split
     * @param weights the class weights of the first epoch, applied to the loss, the sampling or
     *     both as the settings say
     * @param settings the optimizer, epochs, batch size, schedule, seed, loss, weight application
     *     and averaging; with averaging, the model ends with the averaged parameters (batch-norm
     *     statistics recomputed for them)
     * @param hook called after every epoch with the model as it stands (averaged, once averaging
     *     has begun); its result weights the next epoch
     * @return losses, weights, time and throughput
     */
    public TrainingResult train(
            Model model,
            BatchSource data,
            ClassWeights weights,
            TrainingSettings settings,
            EpochHook hook) {
        model.getNDManager().getEngine().setRandomSeed(settings.seed());
        int updates =
                Math.toIntExact(
                        Math.max(1, data.batchCount(settings.batchSize(), settings.epochs())));
        Optimizer optimizer = Optimizers.create(settings, updates);
        WeightApplication apply = settings.apply();
        try (ClassWeightedLoss loss =
                settings.loss()
                        .create(
                                apply.forLoss(weights),
                                model.getNDManager(),
                                settings.labelSmoothing())) {
            DefaultTrainingConfig config =
                    new DefaultTrainingConfig(loss)
                            .optOptimizer(optimizer)
                            .optDevices(devices)
                            .addEvaluator(new Accuracy())
                            .addTrainingListeners(listeners());
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(settings.batchSize()).addAll(data.sampleShape()));
                try (ParameterAverage average = new ParameterAverage(model.getBlock())) {
                    return epochs(trainer, model, data, weights, settings, hook, loss, average);
                }
            }
        }
    }

    /** The epochs of a training, each followed by the averaging's update and the hook. */
    private TrainingResult epochs(
            Trainer trainer,
            Model model,
            BatchSource data,
            ClassWeights weights,
            TrainingSettings settings,
            EpochHook hook,
            ClassWeightedLoss loss,
            ParameterAverage average) {
        List<Double> losses = new ArrayList<>();
        List<ClassWeights> used = new ArrayList<>();
        WeightApplication apply = settings.apply();
        Averaging averaging = settings.averaging();
        int firstSwaEpoch = averaging.firstEpoch(settings.epochs()); // from 1
        ClassWeights current = weights;
        long start = System.nanoTime();
        long hookNanos = 0;
        for (int epoch = 0; epoch < settings.epochs(); epoch++) {
            for (Batch batch :
                    data.batches(settings.batchSize(), epoch, apply.forSampling(current))) {
                try (batch) {
                    BACKWARD.lock();
                    try {
                        EasyTrain.trainBatch(trainer, batch);
                        trainer.step();
                    } finally {
                        BACKWARD.unlock();
                    }
                }
                if (averaging.kind() == Averaging.Kind.EMA) {
                    average.ema(emaDecay(averaging.decay(), average.updates()));
                }
            }
            losses.add((double) loss.getAccumulator(EvaluatorTrainingListener.TRAIN_EPOCH));
            used.add(current);
            trainer.notifyListeners(listener -> listener.onEpoch(trainer));
            if (averaging.kind() == Averaging.Kind.SWA && epoch + 1 >= firstSwaEpoch) {
                average.swa();
            }
            long hookStart = System.nanoTime();
            ClassWeights next = afterEpoch(model, data, settings, hook, average, epoch, current);
            hookNanos += System.nanoTime() - hookStart;
            if (!next.equals(current)) {
                loss.setWeights(apply.forLoss(next));
                current = next;
            }
        }
        double seconds = (System.nanoTime() - start - hookNanos) / 1e9;
        double images = (double) data.size() * settings.epochs();
        return new TrainingResult(losses, used, seconds, images / seconds, List.of());
    }

    /**
     * Calls the hook with the model as it stands: its averaged parameters (batch-norm statistics
     * recomputed for them) once averaging has begun, kept after the last epoch, swapped back for
     * the raw ones after the others.
     */
    private static ClassWeights afterEpoch(
            Model model,
            BatchSource data,
            TrainingSettings settings,
            EpochHook hook,
            ParameterAverage average,
            int epoch,
            ClassWeights current) {
        if (average.updates() == 0) {
            return hook.afterEpoch(epoch, model, current);
        }
        boolean last = epoch == settings.epochs() - 1;
        try (RawParameters raw = last ? null : new RawParameters(model.getBlock())) {
            average.writeTo();
            recomputeBatchNorm(model, data, settings.batchSize());
            return hook.afterEpoch(epoch, model, current);
        }
    }

    private static void recomputeBatchNorm(Model model, BatchSource data, int batchSize) {
        BACKWARD.lock(); // its training-mode pass records like a training step
        try {
            BatchNormStatistics.recompute(model, data, batchSize);
        } finally {
            BACKWARD.unlock();
        }
    }

    /**
     * The decay of an EMA update: {@code min(D, (1 + t) / (10 + t))} after t updates, the warm-up
     * of TensorFlow's {@code ExponentialMovingAverage(num_updates=t)}.
     *
     * @param decay D
     * @param updates t
     * @return the decay to use
     */
    static double emaDecay(double decay, long updates) {
        return Math.min(decay, (1.0 + updates) / (10.0 + updates));
    }

    private TrainingListener[] listeners() {
        List<TrainingListener> listeners = new ArrayList<>();
        listeners.add(new EpochTrainingListener());
        listeners.add(new EvaluatorTrainingListener());
        listeners.add(new FiniteLossCheck());
        if (progress) {
            listeners.add(new LoggingTrainingListener());
        }
        return listeners.toArray(TrainingListener[]::new);
    }
}
