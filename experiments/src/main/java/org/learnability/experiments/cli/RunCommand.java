package org.learnability.experiments.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.learnability.experiments.plan.ExperimentPlan;
import org.learnability.experiments.plan.PlanCodec;
import org.learnability.experiments.plan.PlanFile;
import org.learnability.experiments.plan.PlanOptions;
import org.learnability.experiments.plan.Preset;
import org.learnability.experiments.protocol.ExperimentRunner;
import org.learnability.runner.engine.DeviceSelection;
import org.learnability.runner.pipeline.SessionOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code learnability run}: the whole method, over seeds, into an experiment directory. The plan
 * options are the preset's, with every option given on the command line put over them.
 */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Trains a baseline and weighted models over several seeds, scores every class on the"
                    + " validation and the test split, and writes runs.jsonl, summary.csv,"
                    + " report.md and charts into --out.",
            "A preset gives every option a value; options given explicitly override it. Running"
                    + " again with the same --out and options skips the models already recorded.",
            "The engine is DJL's: -Dai.djl.default_engine=PyTorch (default) or MXNet."
        })
final class RunCommand implements Callable<Integer> {

    @ParentCommand LearnabilityCommand parent;

    @Spec CommandSpec spec;

    @Option(
            names = "--preset",
            paramLabel = "NAME",
            description =
                    "quick (default: a 10-minute look on 2 CPU cores) or paper (the source paper's"
                            + " set-up, for a GPU).")
    Preset preset = Preset.QUICK;

    // Plan options: each long name is the option of a plan key (PlanOptions.option); only those
    // given are put over the preset.

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

    // Options of this run, not of the plan.

    @Option(
            names = "--devices",
            paramLabel = "DEVICES",
            description =
                    "auto (every GPU, else the CPU), cpu, gpu, or a list such as gpu0,gpu1"
                            + " (default: auto).")
    String devices = DeviceSelection.AUTO;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "Experiment directory (default: results/<dataset>-<timestamp>).")
    Path out;

    @Option(
            names = "--no-progress",
            description = "No progress bar and epoch log, only a line per model.")
    boolean noProgress;

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

    @Override
    public Integer call() {
        ExperimentPlan plan = plan();
        Path dir =
                out != null
                        ? out
                        : Path.of(
                                "results",
                                plan.dataset().name()
                                        + "-"
                                        + LocalDateTime.now()
                                                .format(
                                                        DateTimeFormatter.ofPattern(
                                                                "yyyyMMdd-HHmmss")));
        SessionOptions options =
                SessionOptions.defaults()
                        .withDevices(new DeviceSelection(devices))
                        .withProgress(!noProgress);
        ExperimentRunner runner = parent.application().get(ExperimentRunner.class);
        PrintWriter log = spec.commandLine().getOut();
        runner.run(plan, dir, options, log);
        return 0;
    }

    /**
     * The preset's plan, with the plan recorded in {@code --out} (if any) over it, and every plan
     * option given on the command line over both.
     */
    ExperimentPlan plan() {
        Map<String, Object> given = new LinkedHashMap<>();
        for (OptionSpec option : spec.commandLine().getParseResult().matchedOptions()) {
            PlanOptions.key(option.longestName())
                    .ifPresent(key -> given.put(key, option.getValue()));
        }
        Optional<PlanOptions> recorded =
                out == null || out.toString().isBlank()
                        ? Optional.empty()
                        : parent.application().get(PlanFile.class).recorded(out);
        if (recorded.isPresent()
                && spec.commandLine().getParseResult().hasMatchedOption("--preset")
                && recorded.get().has("preset")
                && !recorded.get().text("preset").equals(preset.toString())) {
            throw new IllegalArgumentException(
                    out
                            + " holds another experiment: --preset is "
                            + preset
                            + " but "
                            + recorded.get().text("preset")
                            + " was recorded; use another --out, or the recorded options to"
                            + " resume");
        }
        return parent.application()
                .get(PlanCodec.class)
                .resolve(preset, recorded, PlanOptions.of(given, "the command line"));
    }
}
