package org.learnability.experiments.protocol;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.learnability.experiments.io.AtomicFiles;

/**
 * {@code plan.json} of an experiment directory: the {@link ExperimentPlan} the directory's models
 * were trained under. A run into a directory that has one must have the same plan.
 */
public final class PlanFile {

    /** The file name. */
    public static final String NAME = "plan.json";

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    private PlanFile() {}

    /**
     * Records the plan in a new directory, or checks it against the one recorded.
     *
     * @param dir the experiment directory
     * @param plan the plan of this run
     * @throws IllegalArgumentException naming every option that differs from the recorded plan
     */
    public static void recordOrCheck(Path dir, ExperimentPlan plan) {
        Path file = dir.resolve(NAME);
        if (!Files.exists(file)) {
            write(file, plan);
            return;
        }
        ExperimentPlan recorded = read(file);
        List<String> differences = differences(recorded, plan);
        if (!differences.isEmpty()) {
            throw new IllegalArgumentException(
                    dir
                            + " holds another experiment: "
                            + String.join("; ", differences)
                            + "; use another --out, or the recorded options to resume");
        }
    }

    /**
     * Reads a recorded plan.
     *
     * @param file the file
     * @return the plan
     */
    public static ExperimentPlan read(Path file) {
        try {
            ExperimentPlan plan =
                    GSON.fromJson(
                            Files.readString(file, StandardCharsets.UTF_8), ExperimentPlan.class);
            if (plan == null) {
                throw new IllegalArgumentException(
                        file + ": empty; delete it or use another --out");
            }
            return plan;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(file + ": not a plan (" + e.getMessage() + ")", e);
        }
    }

    private static void write(Path file, ExperimentPlan plan) {
        AtomicFiles.write(file, GSON.toJson(plan) + "\n");
    }

    private static List<String> differences(ExperimentPlan recorded, ExperimentPlan plan) {
        List<String> out = new ArrayList<>();
        for (RecordComponent component : ExperimentPlan.class.getRecordComponents()) {
            if (component.getName().equals("preset")) {
                continue;
            }
            try {
                Object was = component.getAccessor().invoke(recorded);
                Object now = component.getAccessor().invoke(plan);
                if (!String.valueOf(was).equals(String.valueOf(now))) {
                    out.add(
                            option(component.getName())
                                    + " is "
                                    + now
                                    + " but "
                                    + was
                                    + " was recorded");
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    /** The command-line option of a plan field: {@code trainSize} is {@code --train-size}. */
    private static String option(String field) {
        if (field.equals("learningRate")) {
            return "--lr";
        }
        return "--" + field.replaceAll("([A-Z])", "-$1").toLowerCase(java.util.Locale.ROOT);
    }
}
