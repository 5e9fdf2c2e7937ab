package org.learnability.experiments.protocol;

import java.io.PrintWriter;
import java.util.Locale;
import org.learnability.experiments.record.RunRecord;
import org.learnability.experiments.stats.Figures;
import org.learnability.runner.model.InputKind;

/**
 * One line when a model starts and one when it is recorded, numbered over the plan; warnings on a
 * stream of their own (standard error), so that a log of the progress keeps them apart.
 */
public final class RunProgress {

    private final int total;
    private final PrintWriter log;
    private final PrintWriter warnings;
    private final InputKind input;
    private int index;

    /**
     * Creates the progress lines of a number of models trained on images.
     *
     * @param total the models to come, for the count
     * @param log where the lines go
     * @param warnings where warnings go
     */
    public RunProgress(int total, PrintWriter log, PrintWriter warnings) {
        this(total, log, warnings, InputKind.IMAGES);
    }

    /**
     * Creates the progress lines of a number of models.
     *
     * @param total the models to come, for the count
     * @param log where the lines go
     * @param warnings where warnings go
     * @param input what the models take, for their speed: images or rows per second
     */
    public RunProgress(int total, PrintWriter log, PrintWriter warnings, InputKind input) {
        this.total = total;
        this.log = log;
        this.warnings = warnings;
        this.input = input;
    }

    void skip(String key) {
        recorded(key, "skipped");
    }

    /**
     * Prints the line of a recorded model that is not trained: what is done with it instead.
     *
     * @param key its key
     * @param what e.g. {@code skipped}, or {@code its model loaded from models/...}
     */
    void recorded(String key, String what) {
        index++;
        log.printf("[%d/%d] %s: already in runs.jsonl, %s%n", index, total, key, what);
        log.flush();
    }

    void start(String key, String what) {
        index++;
        log.printf("[%d/%d] %s: %s%n", index, total, key, what);
        log.flush();
    }

    /**
     * Prints a warning about the training: it does not stop the run.
     *
     * @param line the warning, without its {@code warning: } prefix
     */
    void warn(String line) {
        log.flush();
        warnings.println("warning: " + line);
        warnings.flush();
    }

    void note(String line) {
        log.println("        " + line);
        log.flush();
    }

    void finish(RunRecord record) {
        Figures test = Figures.of(record.scores().test());
        // a model that trained nothing (posthoc: the baseline's logits adjusted) has no speed
        String speed =
                record.cost().imagesPerSecond() > 0
                        ? String.format(
                                Locale.ROOT,
                                "%.0f %ss/s, ",
                                record.cost().imagesPerSecond(),
                                input.sample())
                        : "";
        log.printf(
                Locale.ROOT,
                "        test accuracy %.4f, Var(TPR) %.5f, worst class %s %.3f; %s%.0f s%n",
                test.accuracy(),
                test.variance(),
                record.provenance().classNames().get(test.worstClass()),
                test.worstTpr(),
                speed,
                record.cost().wallSeconds());
        if (record.scores().collapse() != null) {
            warn(record.scores().collapse().warning(record));
        }
        log.flush();
    }
}
