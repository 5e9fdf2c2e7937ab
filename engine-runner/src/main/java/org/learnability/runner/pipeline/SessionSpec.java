package org.learnability.runner.pipeline;

import org.learnability.runner.data.DataSource;
import org.learnability.runner.data.DatasetDefinition;
import org.learnability.runner.data.SplitSpec;

/**
 * What a {@link Session} holds: a data set from a source, split by a {@link SplitSpec}, on the
 * devices and with the output of its {@link SessionOptions}.
 *
 * @param dataset the data set
 * @param source where its data comes from
 * @param split the validation and training sizes and the seed that chooses them
 * @param options devices, progress and scoring batch size
 */
public record SessionSpec(
        DatasetDefinition dataset, DataSource source, SplitSpec split, SessionOptions options) {

    /** Validates the record. */
    public SessionSpec {
        if (dataset == null || source == null || split == null || options == null) {
            throw new IllegalArgumentException("data set, source, split and options must be given");
        }
    }
}
