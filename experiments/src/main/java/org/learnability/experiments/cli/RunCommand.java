package org.learnability.experiments.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.learnability.experiments.plan.ExperimentPlan;
import org.learnability.experiments.plan.PlanCodec;
import org.learnability.experiments.plan.PlanFile;
import org.learnability.experiments.plan.PlanOptions;
import org.learnability.experiments.plan.PlanSchema;
import org.learnability.experiments.plan.Preset;
import org.learnability.experiments.protocol.ExperimentRunner;
import org.learnability.experiments.protocol.SaveModels;
import org.learnability.runner.engine.DeviceSelection;
import org.learnability.runner.pipeline.SessionOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
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
final class RunCommand implements Callable<Integer>, PlanFlags.Taker {

    @ParentCommand LearnabilityCommand parent;

    @Spec CommandSpec spec;

    @Option(
            names = "--preset",
            paramLabel = "NAME",
            description =
                    "quick (a 10-minute look on 2 CPU cores), paper (the source paper's set-up,"
                            + " for a GPU), cpu (the paper's data and network at its accuracy on"
                            + " 2 CPU cores, about 15 minutes a model) or fast (cpu in 7 epochs,"
                            + " for studies of many models) (default: ${DEFAULT-VALUE}).")
    Preset preset = Preset.QUICK;

    @Override
    public void addPlanOptions(CommandSpec command, PlanSchema schema) {
        PlanFlags.addToRun(command, schema);
    }

    // Options of this run, not of the plan.

    @Mixin DevicesOption devices;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "Experiment directory (default: results/<dataset>-<timestamp>).")
    Path out;

    @Option(
            names = "--save-models",
            paramLabel = "WHICH",
            converter = SaveModelsConverter.class,
            description =
                    "Models saved into --out/models in DJL's format, each with its SHA-256 in its"
                            + " record: baselines (a later run with the same --out loads them"
                            + " instead of training them again), all (every model that trains) or"
                            + " none (default: ${DEFAULT-VALUE}). Not part of the plan.")
    SaveModels saveModels = SaveModels.BASELINES;

    /** Reads {@code --save-models}, naming the words it takes. */
    static final class SaveModelsConverter
            implements picocli.CommandLine.ITypeConverter<SaveModels> {
        @Override
        public SaveModels convert(String value) {
            try {
                return SaveModels.parse(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(
                        "'" + value + "' is not baselines, all or none");
            }
        }
    }

    @Option(
            names = "--no-progress",
            description = "No progress bar and epoch log, only a line per model.")
    boolean noProgress;

    @Override
    public Integer call() {
        DeviceSelection selection = devices.selection();
        ExperimentPlan plan = plan();
        Path dir =
                out != null
                        ? out
                        : Path.of(
                                "results",
                                plan.baseline().dataset().name()
                                        + "-"
                                        + LocalDateTime.now()
                                                .format(
                                                        DateTimeFormatter.ofPattern(
                                                                "yyyyMMdd-HHmmss")));
        SessionOptions options =
                SessionOptions.defaults().withDevices(selection).withProgress(!noProgress);
        ExperimentRunner runner = parent.application().get(ExperimentRunner.class);
        PrintWriter log = spec.commandLine().getOut();
        runner.run(plan, dir, options, saveModels, log, spec.commandLine().getErr());
        return 0;
    }

    /**
     * The preset's plan, with the plan recorded in {@code --out} (if any) over it, and every plan
     * option given on the command line over both.
     */
    ExperimentPlan plan() {
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
                .resolve(preset, recorded, PlanFlags.given(spec.commandLine().getParseResult()));
    }
}
