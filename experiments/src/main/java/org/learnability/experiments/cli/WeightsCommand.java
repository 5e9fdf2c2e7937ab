package org.learnability.experiments.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVPrinter;
import org.learnability.api.registry.StrategyRegistry;
import org.learnability.api.scores.ClassScores;
import org.learnability.api.strategy.StrategySpec;
import org.learnability.api.strategy.WeightStrategy;
import org.learnability.api.weights.ClassWeights;
import org.learnability.experiments.io.Csv;
import org.learnability.experiments.io.Json;
import org.learnability.experiments.plan.PlanOptions;
import org.learnability.experiments.plan.PlanSchema;
import org.learnability.experiments.scores.ScoresFile;
import org.learnability.experiments.weighting.WeightBound;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code learnability weights}: the weight a strategy gives every class for given scores. */
@Command(
        name = "weights",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Prints the weight of every class that a strategy gives for the scores in a JSON file,"
                    + " and the largest weight over the smallest (a warning above 20).",
            "The file holds \"tpr\": [..] (per-class TPRs) or \"confusionMatrix\": [[..], ..] (rows actual,"
                    + " columns predicted), and optionally \"classes\": [names]."
        })
final class WeightsCommand implements Callable<Integer>, PlanFlags.Taker {

    /** A largest/smallest weight ratio above this draws a warning. */
    static final int WARN_RATIO = 20;

    @ParentCommand LearnabilityCommand parent;

    @Spec CommandSpec spec;

    @Option(
            names = "--strategy",
            required = true,
            paramLabel = "SPEC",
            description = "Strategy spec: name or name:key=value,..., e.g. mean-ratio:gamma=2.")
    String strategy;

    @Option(
            names = "--scores",
            required = true,
            paramLabel = "FILE",
            description = "JSON file of per-class scores.")
    Path scores;

    @Option(
            names = "--current",
            paramLabel = "W",
            split = ",",
            description =
                    "Weights currently in force, one per class (default: all 1); used by iterative strategies.")
    List<Double> current;

    @Override
    public void addPlanOptions(CommandSpec command, PlanSchema schema) {
        PlanFlags.add(command, PlanOptions.defaults().only("maxWeightRatio"), "", schema);
    }

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    OutputFormat format = OutputFormat.table;

    @Override
    public Integer call() {
        StrategyRegistry registry = parent.application().get(StrategyRegistry.class);
        StrategySpec parsed = StrategySpec.parse(strategy);
        WeightStrategy weightStrategy = registry.create(parsed);
        ClassScores classScores = ScoresFile.read(scores);
        ClassWeights currentWeights = currentWeights(classScores.numClasses());
        WeightBound bound =
                new WeightBound(
                        PlanOptions.defaults()
                                .overlay(PlanFlags.given(spec.commandLine().getParseResult()))
                                .number("maxWeightRatio"));
        ClassWeights weights = bound.apply(weightStrategy.weights(classScores, currentWeights));
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case table -> table(out, parsed, classScores, weights);
            case json -> json(out, parsed, classScores, weights);
            case csv -> csv(out, classScores, weights);
        }
        out.flush();
        double ratio = WeightBound.ratio(weights);
        if (ratio > WARN_RATIO) {
            PrintWriter err = spec.commandLine().getErr();
            err.printf(
                    Locale.ROOT,
                    "warning: the largest weight is %.1f times the smallest (above %d): a model"
                            + " trained with them tends to predict %s for almost everything; bound"
                            + " them with --max-weight-ratio (run takes it too)%n",
                    ratio,
                    WARN_RATIO,
                    classScores.classNames().get(largest(weights)));
            err.flush();
        }
        return 0;
    }

    private static int largest(ClassWeights weights) {
        int largest = 0;
        for (int c = 1; c < weights.size(); c++) {
            largest = weights.get(c) > weights.get(largest) ? c : largest;
        }
        return largest;
    }

    private ClassWeights currentWeights(int numClasses) {
        if (current == null) {
            return ClassWeights.uniform(numClasses);
        }
        if (current.size() != numClasses) {
            throw new IllegalArgumentException(
                    "--current has "
                            + current.size()
                            + " weights but "
                            + scores
                            + " has "
                            + numClasses
                            + " classes");
        }
        try {
            return ClassWeights.of(current.stream().mapToDouble(Double::doubleValue).toArray());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--current: " + e.getMessage(), e);
        }
    }

    private static void table(
            PrintWriter out, StrategySpec spec, ClassScores scores, ClassWeights weights) {
        int width =
                Math.max(5, scores.classNames().stream().mapToInt(String::length).max().orElse(5));
        out.println("strategy: " + spec);
        out.printf(
                Locale.ROOT,
                "%5s  %-" + width + "s  %8s  %10s%n",
                "class",
                "name",
                "tpr",
                "weight");
        for (int c = 0; c < scores.numClasses(); c++) {
            out.printf(
                    Locale.ROOT,
                    "%5d  %-" + width + "s  %8.4f  %10.6f%n",
                    c,
                    scores.classNames().get(c),
                    scores.tpr().get(c),
                    weights.get(c));
        }
        out.printf(Locale.ROOT, "max/min: %.2f%n", WeightBound.ratio(weights));
    }

    private static void json(
            PrintWriter out, StrategySpec spec, ClassScores scores, ClassWeights weights) {
        JsonObject object = new JsonObject();
        object.addProperty("strategy", spec.toString());
        JsonArray classes = new JsonArray();
        scores.classNames().forEach(classes::add);
        object.add("classes", classes);
        JsonArray tpr = new JsonArray();
        scores.tpr().forEach(tpr::add);
        object.add("tpr", tpr);
        JsonArray values = new JsonArray();
        weights.asList().forEach(values::add);
        object.add("weights", values);
        object.addProperty("maxMinRatio", WeightBound.ratio(weights));
        out.println(Json.pretty(object));
    }

    private static void csv(PrintWriter out, ClassScores scores, ClassWeights weights) {
        try {
            CSVPrinter csv = Csv.printer(out); // not closed: that would close standard output
            csv.printRecord("class", "name", "tpr", "weight");
            for (int c = 0; c < scores.numClasses(); c++) {
                csv.printRecord(c, scores.classNames().get(c), scores.tpr().get(c), weights.get(c));
            }
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
