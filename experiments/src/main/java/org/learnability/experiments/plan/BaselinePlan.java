package org.learnability.experiments.plan;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.learnability.experiments.record.TrainingVariant;
import org.learnability.experiments.setting.Setting;
import org.learnability.runner.data.DataOptions;
import org.learnability.runner.data.DataSource;
import org.learnability.runner.data.DatasetDefinition;
import org.learnability.runner.loss.LabelSmoothing;
import org.learnability.runner.loss.LossChoice;
import org.learnability.runner.model.HiddenSizes;
import org.learnability.runner.model.Mlp;
import org.learnability.runner.model.ModelArchitecture;
import org.learnability.runner.scoring.TestTimeAugmentation;
import org.learnability.runner.training.Averaging;
import org.learnability.runner.training.TrainingSettings;
import org.learnability.runner.training.Warmup;
import org.learnability.runner.training.WeightApplication;

/**
 * What makes a seed's baseline: the data, the model and how it trains. Experiments whose baseline
 * plans are equal share each seed's baseline (a grid trains it once for all of them); what an
 * experiment builds on it is its {@link ArmPlan}.
 *
 * @param dataset the data set
 * @param dataDir the local data, or empty for the data set's default source
 * @param imageSize the side image folders are resized to, 0 for the first image's size
 * @param testSize images (rows) held out as the test split of data without one, 0 for the data's
 *     own test set
 * @param label the CSV column of the classes, empty for images
 * @param model the architecture ({@code mlp} with {@code hiddenSizes})
 * @param hiddenSizes the hidden layers of {@code mlp}
 * @param epochs training epochs of every model
 * @param batchSize training batch size
 * @param optimizer the optimizer
 * @param learningRate its learning rate
 * @param momentum SGD's momentum
 * @param weightDecay L2 weight decay
 * @param schedule how the learning rate changes over the run
 * @param trainSize training images (stratified subset), 0 for all that the validation split leaves
 *     (the default of a user's data set, {@link PlanCodec})
 * @param valSize validation images, held out of the training set
 * @param augment the data set's augmentation of training images
 * @param averaging the parameter averaging, whose average is scored
 * @param warmup the share of the updates over which the learning rate rises linearly from 0 to the
 *     base rate before the schedule (Goyal et al. 2017); with a cosine or linear schedule, a
 *     one-cycle rate (Smith and Topin 2019)
 * @param labelSmoothing epsilon of label smoothing, targets {@code (1 - eps) onehot + eps / C}
 *     (Szegedy et al. 2016)
 * @param testTime how every model is scored: {@code flip} averages the logits of each image and its
 *     mirror image
 */
public record BaselinePlan(
        @Setting(order = 1, label = "NAME", help = "${bundle:datasets}.") DatasetDefinition dataset,
        @Setting(
                        order = 2,
                        label = "PATH",
                        help =
                                "Local data: a CIFAR-10 directory or archive, the Fashion-MNIST"
                                        + " *-ubyte.gz directory (default:"
                                        + " /usr/share/datasets/fashion-mnist if present, else"
                                        + " DJL's download), a folder of class folders of images"
                                        + " (image-folder) or a CSV file (csv).")
                Optional<Path> dataDir,
        @Setting(
                        order = 2,
                        label = "N",
                        since = "0",
                        help =
                                "image-folder: the side in pixels every image is resized to; 0"
                                        + " keeps the first image's size, which every image must"
                                        + " then have.")
                int imageSize,
        @Setting(
                        order = 2,
                        label = "N",
                        since = "0",
                        help =
                                "csv, and image-folder without a test/ folder: images (rows) held"
                                        + " out as the test split, an equal count per class, the"
                                        + " same for every seed; 0 for the data's own test set.")
                int testSize,
        @Setting(
                        order = 2,
                        label = "COLUMN",
                        since = "\"\"",
                        help = "csv: the column that holds the classes.")
                String label,
        @Setting(order = 3, label = "NAME", help = "${bundle:models}.") ModelArchitecture model,
        @Setting(
                        order = 3,
                        label = "UNITS",
                        since = "\"128\"",
                        help = "mlp: units of its hidden layers, comma-separated, e.g. 256,128.")
                HiddenSizes hiddenSizes,
        @Setting(order = 6, label = "N", help = "Training epochs of every model.") int epochs,
        @Setting(order = 7, label = "N", help = "Training batch size.") int batchSize,
        @Setting(
                        order = 8,
                        label = "NAME",
                        help =
                                "adam, adamw (decoupled weight decay), sgd (momentum) or"
                                        + " nesterov.")
                TrainingSettings.Optimizer optimizer,
        @Setting(order = 9, label = "RATE", option = "--lr", help = "Learning rate.")
                double learningRate,
        @Setting(order = 10, label = "M", help = "Momentum of sgd and nesterov.") double momentum,
        @Setting(order = 11, label = "L2", help = "L2 weight decay.") double weightDecay,
        @Setting(
                        order = 12,
                        label = "NAME",
                        help =
                                "Learning-rate schedule: constant, cosine (to 0 over the run),"
                                        + " linear (to 0 over the run) or step (x0.1 at 50%% and"
                                        + " 75%%).")
                TrainingSettings.Schedule schedule,
        @Setting(
                        order = 13,
                        label = "N",
                        help =
                                "Training images, a stratified subset; 0 for all that the"
                                        + " validation and test splits leave, which image-folder"
                                        + " and csv take unless it is given.")
                int trainSize,
        @Setting(order = 14, label = "N", help = "Validation images held out of the training set.")
                int valSize,
        @Setting(order = 17, help = "Random crop and flip of CIFAR-10 training images.")
                boolean augment,
        @Setting(
                        order = 26,
                        label = "SPEC",
                        since = "\"none\"",
                        help =
                                "Parameter averaging, scored and recorded instead of the last"
                                        + " step's: none, ema[:decay=D] (after every step; D in"
                                        + " (0, 1), default "
                                        + Averaging.DEFAULT_DECAY
                                        + ") or swa[:start=E] (mean of the parameters after epochs"
                                        + " E.. ; default the second half).")
                Averaging averaging,
        @Setting(
                        order = 28,
                        label = "F",
                        since = "0",
                        help =
                                "Share of the updates over which the learning rate rises linearly"
                                        + " from 0 before the schedule; with cosine or linear, a"
                                        + " one-cycle rate.")
                double warmup,
        @Setting(
                        order = 29,
                        label = "EPS",
                        since = "0",
                        help = "Label smoothing of the loss: targets (1-EPS) x onehot + EPS/C.")
                double labelSmoothing,
        @Setting(
                        order = 30,
                        label = "HOW",
                        since = "\"none\"",
                        help =
                                "How every model is scored: none, or flip (the mean of the logits"
                                        + " of an image and its mirror image).")
                TestTimeAugmentation testTime) {

    /** Validates the plan, naming the option at fault; gives {@code mlp} its hidden layers. */
    public BaselinePlan {
        new DataOptions(imageSize, testSize, label); // checks them
        if (model instanceof Mlp) {
            model = new Mlp(hiddenSizes);
        } else if (!hiddenSizes.equals(HiddenSizes.DEFAULT)) {
            throw new IllegalArgumentException(
                    "--hidden-sizes " + hiddenSizes + " is for mlp, not " + model.name());
        }
        positive("--epochs", epochs);
        positive("--batch-size", batchSize);
        if (trainSize < 0) {
            throw new IllegalArgumentException(
                    "--train-size is " + trainSize + "; expected a whole number >= 0 (0: all)");
        }
        if (valSize < 1) {
            throw new IllegalArgumentException(
                    "--val-size is " + valSize + "; expected a whole number >= 1");
        }
        if (testTime == null) {
            throw new IllegalArgumentException("--test-time must be given");
        }
        // the fields are not assigned yet in a compact constructor: check with the parameters
        settings(
                optimizer,
                learningRate,
                momentum,
                weightDecay,
                epochs,
                batchSize,
                schedule,
                0,
                averaging,
                warmup,
                labelSmoothing);
    }

    private static void positive(String option, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(
                    option + " is " + value + "; expected a whole number >= 1");
        }
    }

    /**
     * Returns the training settings of one seed's models: weighted cross-entropy with the weights
     * on the loss, as the baseline trains.
     *
     * @param seed the seed
     * @return the settings
     */
    public TrainingSettings training(int seed) {
        return settings(
                optimizer,
                learningRate,
                momentum,
                weightDecay,
                epochs,
                batchSize,
                schedule,
                seed,
                averaging,
                warmup,
                labelSmoothing);
    }

    private static TrainingSettings settings(
            TrainingSettings.Optimizer optimizer,
            double learningRate,
            double momentum,
            double weightDecay,
            int epochs,
            int batchSize,
            TrainingSettings.Schedule schedule,
            int seed,
            Averaging averaging,
            double warmup,
            double labelSmoothing) {
        return new TrainingSettings(
                optimizer,
                learningRate,
                momentum,
                weightDecay,
                epochs,
                batchSize,
                schedule,
                seed,
                LossChoice.CROSS_ENTROPY,
                WeightApplication.LOSS,
                averaging,
                new Warmup(warmup),
                new LabelSmoothing(labelSmoothing));
    }

    /**
     * Returns the options of a user's data: image size, test size, label column.
     *
     * @return the options
     */
    public DataOptions dataOptions() {
        return new DataOptions(imageSize, testSize, label);
    }

    /**
     * Returns where the data comes from: the local directory, or the data set's default.
     *
     * @return the source
     */
    public DataSource source() {
        return dataDir.map(DataSource::local).orElseGet(dataset::defaultSource);
    }

    /**
     * Returns the schedule as plans and records name it.
     *
     * @return e.g. {@code cosine}
     */
    public String scheduleName() {
        return schedule.name().toLowerCase(Locale.ROOT);
    }

    /**
     * Returns what of the training a model's record and key name: the parts that change the
     * baseline and that a report compares against the plain baseline.
     *
     * @return the schedule, averaging, warm-up, label smoothing and test-time augmentation
     */
    public TrainingVariant trainingVariant() {
        return new TrainingVariant(
                scheduleName(), averaging.toString(), warmup, labelSmoothing, testTime.toString());
    }
}
