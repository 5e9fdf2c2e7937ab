package org.learnability.runner.data;

import java.nio.file.Path;
import java.util.Objects;

/** Where a data set comes from: DJL's own download into its cache, or a local file or directory. */
public sealed interface DataSource permits DataSource.Download, DataSource.Local {

    /**
     * DJL's download into its cache ({@code ~/.djl.ai} or {@code DJL_CACHE_DIR}); needs a network.
     */
    record Download() implements DataSource {}

    /**
     * A local file or directory, in one of the layouts {@link DatasetLoader} accepts.
     *
     * @param path the file or directory
     */
    record Local(Path path) implements DataSource {

        /** Validates the record. */
        public Local {
            Objects.requireNonNull(path, "path");
        }
    }

    /**
     * Returns DJL's download.
     *
     * @return the source
     */
    static DataSource download() {
        return new Download();
    }

    /**
     * Returns a local file or directory.
     *
     * @param path the file or directory
     * @return the source
     */
    static DataSource local(Path path) {
        return new Local(path);
    }
}
