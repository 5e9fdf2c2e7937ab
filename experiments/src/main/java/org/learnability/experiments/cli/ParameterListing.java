package org.learnability.experiments.cli;

import java.io.PrintWriter;
import java.util.List;
import org.learnability.api.strategy.ParameterSpec;

/** How {@code strategies} and {@code losses} list one entry: name, description, parameters. */
final class ParameterListing {

    private ParameterListing() {}

    /**
     * Prints an entry, its lines indented under its name; a line {@code from:} follows when the
     * source is given, then an empty line.
     *
     * @param out where to print
     * @param name the name
     * @param description its one-line description
     * @param parameters its parameters with defaults and valid values
     * @param source where it came from, or null
     */
    static void print(
            PrintWriter out,
            String name,
            String description,
            List<ParameterSpec> parameters,
            String source) {
        out.println(name);
        out.println("  " + description);
        if (parameters.isEmpty()) {
            out.println("  parameters: none");
        }
        for (ParameterSpec p : parameters) {
            out.printf(
                    "  %s=%s  (%s)  %s%n",
                    p.name(), p.defaultValue(), p.expected(), p.description());
        }
        if (source != null) {
            out.println("  from: " + source);
        }
        out.println();
    }
}
