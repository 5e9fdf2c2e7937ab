package org.learnability.experiments.io;

import java.io.IOException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The application's CSV, written with Apache Commons CSV: RFC 4180 fields (quoted only where they
 * hold a comma, a quote or a line break), records ended by {@code '\n'}.
 */
public final class Csv {

    /** The format of every CSV file and output. */
    public static final CSVFormat FORMAT =
            CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();

    private Csv() {}

    /**
     * Returns a printer onto text output; closing it flushes and closes the output.
     *
     * @param out where the CSV goes
     * @return the printer
     * @throws IOException if the output fails
     */
    public static CSVPrinter printer(Appendable out) throws IOException {
        return new CSVPrinter(out, FORMAT);
    }
}
