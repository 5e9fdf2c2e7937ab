package org.learnability.experiments.cli;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/** How a command prints its result; each command offers the formats it can write. */
enum OutputFormat {
    /** Aligned columns for a terminal. */
    table,
    /** JSON. */
    json,
    /** Comma-separated values with a header line (RFC 4180). */
    csv;

    /**
     * Checks that a command offers this format.
     *
     * @param offered the formats the command writes
     * @return this format
     * @throws IllegalArgumentException naming the format and the offered ones
     */
    OutputFormat requireOneOf(OutputFormat... offered) {
        if (!Arrays.asList(offered).contains(this)) {
            throw new IllegalArgumentException(
                    "--format "
                            + this
                            + " is not offered here; expected one of "
                            + String.join(", ", Arrays.stream(offered).map(Enum::name).toList()));
        }
        return this;
    }

    /** The formats of commands that print a table or JSON, for picocli's help and completion. */
    static final class TableOrJson implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of(table.name(), json.name()).iterator();
        }
    }
}
