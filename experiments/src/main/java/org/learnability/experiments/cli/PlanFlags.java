package org.learnability.experiments.cli;

import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The plan options of {@code run}, a picocli mixin: each long name is the option of a plan key
 * ({@link org.learnability.experiments.plan.PlanKeys#option}), and only those given are put over
 * the preset. The fields are read through picocli's parse result, not by name.
 */
final class PlanFlags {

    @Option(
            names = "--dataset",
            paramLabel = "NAME",
            description = "${bundle:datasets} (quick, paper: cifar10).")
    String dataset;

    @Option(
            names = "--data-dir",
            paramLabel = "PATH",
            description =
                    "Local data: a CIFAR-10 directory or archive, or the Fashion-MNIST *-ubyte.gz"
                            + " directory (default: /usr/share/datasets/fashion-mnist if present,"
                            + " else DJL's download).")
    Path dataDir;

    @Option(
            names = "--model",
            paramLabel = "NAME",
            description = "${bundle:models} (quick, paper: resnet-peifer).")
    String model;

    @Option(
            names = "--strategies",
            paramLabel = "SPECS",
            description =
                    "Comma-separated strategy specs, e.g. mean-ratio:gamma=2,difficulty; the"
                            + " baseline uniform is always trained (quick: mean-ratio:gamma=2).")
    String strategies;

    @Option(names = "--seeds", paramLabel = "N", description = "Seeds 1 to N (quick: 1, paper: 5).")
    Integer seeds;

    @Option(
            names = "--epochs",
            paramLabel = "N",
            description = "Training epochs of every model (quick: 4, paper: 20).")
    Integer epochs;

    @Option(
            names = "--batch-size",
            paramLabel = "N",
            description = "Training batch size (quick: 128, paper: 512).")
    Integer batchSize;

    @Option(
            names = "--optimizer",
            paramLabel = "NAME",
            description = "adam or sgd (quick, paper: adam).")
    String optimizer;

    @Option(
            names = "--lr",
            paramLabel = "RATE",
            description = "Learning rate (quick, paper: 0.001).")
    Double learningRate;

    @Option(names = "--momentum", paramLabel = "M", description = "SGD's momentum (default: 0.9).")
    Double momentum;

    @Option(
            names = "--weight-decay",
            paramLabel = "L2",
            description = "L2 weight decay (default: 0).")
    Double weightDecay;

    @Option(
            names = "--schedule",
            paramLabel = "NAME",
            description =
                    "Learning-rate schedule: constant, cosine (to 0 over the run) or step (x0.1 at"
                            + " 50%% and 75%%) (default: constant).")
    String schedule;

    @Option(
            names = "--train-size",
            paramLabel = "N",
            description =
                    "Training images, a stratified subset; 0 for all the validation split leaves"
                            + " (quick: 10000, paper: 45000).")
    Integer trainSize;

    @Option(
            names = "--val-size",
            paramLabel = "N",
            description =
                    "Validation images held out of the training set (quick: 2000, paper: 5000).")
    Integer valSize;

    @Option(
            names = "--mode",
            paramLabel = "MODES",
            description =
                    "Comma-separated modes, each run in turn for every seed: ${bundle:modes}"
                            + " (quick, paper: two-stage,posthoc).")
    String mode;

    @Option(
            names = "--rounds",
            paramLabel = "R",
            description = "Weighted rounds of the iterative mode (default: 3 for iterative).")
    Integer rounds;

    @Option(
            names = "--augment",
            negatable = true,
            description = "Random crop and flip of CIFAR-10 training images (default: off).")
    Boolean augment;

    @Option(
            names = "--loss",
            paramLabel = "SPEC",
            description =
                    "Loss family of the weighted models: ${bundle:losses}; e.g. focal:gamma=2"
                            + " (default: ce; the baseline always trains with ce).")
    String loss;

    @Option(
            names = "--apply",
            paramLabel = "HOW",
            description =
                    "How weights act: loss, sampling (each epoch drawn by class weight, loss"
                            + " unweighted) or both (default: loss).")
    String apply;

    @Option(
            names = "--weight-ema",
            paramLabel = "B",
            description =
                    "New weights = normalise(B x previous + (1-B) x strategy's), B in [0, 1)"
                            + " (default: 0).")
    Double weightEma;

    @Option(
            names = "--uniform-mix",
            paramLabel = "A",
            description = "Weights = normalise((1-A) x w + A), A in [0, 1) (default: 0).")
    Double uniformMix;

    @Option(
            names = "--warmup-epochs",
            paramLabel = "K",
            description = "Unweighted first epochs of dynamic, below --epochs (default: 1).")
    Integer warmupEpochs;

    @Option(
            names = "--max-accuracy-drop",
            paramLabel = "X",
            description =
                    "Validation accuracy a choice made on validation (posthoc's T) may give up"
                            + " against the baseline (default: 0.005).")
    Double maxAccuracyDrop;

    @Option(
            names = "--max-weight-ratio",
            paramLabel = "R",
            converter = RatioConverter.class,
            description =
                    "Bound on the weights after the strategy and smoothing: largest/smallest at"
                            + " most R (clipped in log space around the geometric mean), or none"
                            + " (quick: 2, paper: none).")
    Double maxWeightRatio;

    @Option(
            names = "--averaging",
            paramLabel = "SPEC",
            description =
                    "Parameter averaging, scored and recorded instead of the last step's: none,"
                            + " ema[:decay=D] (after every step; D in (0, 1), default 0.999) or"
                            + " swa[:start=E] (mean of the parameters after epochs E.. ; default"
                            + " the second half) (default: none).")
    String averaging;

    @Option(
            names = "--score-epochs",
            paramLabel = "K",
            description =
                    "Weights from the validation scores of the last K epochs, averaged, 1 to"
                            + " --epochs (default: 1).")
    Integer scoreEpochs;

    @Option(
            names = "--collapse-threshold",
            paramLabel = "X",
            description =
                    "Warn when a weighted model's validation accuracy falls more than X below its"
                            + " baseline's (default: 0.05).")
    Double collapseThreshold;

    /** {@code --max-weight-ratio}: a number, or {@code none} (0: no bound). */
    static final class RatioConverter implements CommandLine.ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            if (value.equalsIgnoreCase("none")) {
                return 0.0;
            }
            try {
                return Double.valueOf(value);
            } catch (NumberFormatException e) {
                throw new CommandLine.TypeConversionException(
                        "'" + value + "' is not a number >= 1 or none");
            }
        }
    }
}
