package org.learnability.runner.pipeline;

import java.util.Optional;
import org.learnability.runner.data.DataSource;
import org.learnability.runner.data.DatasetDefinition;
import org.learnability.runner.data.SplitSpec;

/**
 * What a {@link Session} holds: a data set from a source, split by a {@link SplitSpec}, on an
 * engine, on the devices and with the output of its {@link SessionOptions}.
 *
 * @param dataset the data set
 * @param source where its data comes from
 * @param split the validation and training sizes and the seed that chooses them
 * @param options devices, progress and scoring batch size
 * @param engine the DJL engine's name, or empty for the process's engine (EngineSelection)
 */
public record SessionSpec(
        DatasetDefinition dataset,
        DataSource source,
        SplitSpec split,
        SessionOptions options,
        Optional<String> engine) {

    /**
     * A session on the process's engine.
     *
     * @param dataset the data set
     * @param source where its data comes from
     * @param split the validation and training sizes and the seed that chooses them
     * @param options devices, progress and scoring batch size
     */
    public SessionSpec(
            DatasetDefinition dataset, DataSource source, SplitSpec split, SessionOptions options) {
        this(dataset, source, split, options, Optional.empty());
    }

    /** Validates the record. */
    public SessionSpec {
        if (dataset == null
                || source == null
                || split == null
                || options == null
                || engine == null) {
            throw new IllegalArgumentException("data set, source, split and options must be given");
        }
    }
}
