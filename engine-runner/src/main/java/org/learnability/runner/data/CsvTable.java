package org.learnability.runner.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * A user's CSV table, checked: a header row naming the columns, one row per sample, the {@code
 * --label} column's values the classes and every other column a numeric feature. Read with Apache
 * Commons CSV, in the format that DJL's {@code CsvDataset} then reads it with ({@link #format()});
 * a {@code .gz} file is decompressed, as DJL does. A UTF-8 byte-order mark (Excel's "CSV UTF-8") is
 * dropped: DJL reads the rows with the header given ({@link #format()}), not the file's first line.
 *
 * @param file the CSV file
 * @param columns the header's column names, in the file's order
 * @param label the label column
 * @param features the feature columns, in the file's order
 * @param classes the label column's distinct values: sorted as numbers when every one is a number,
 *     else as text
 * @param rows the number of rows
 */
record CsvTable(
        Path file,
        List<String> columns,
        String label,
        List<String> features,
        List<String> classes,
        int rows) {

    /**
     * The format of the file: RFC 4180 with a header row, values trimmed, names present (their
     * uniqueness is checked by {@link #read}, in a line of its own).
     */
    static final CSVFormat FORMAT =
            CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .setTrim(true)
                    .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL)
                    .setAllowMissingColumnNames(false)
                    .get();

    private static final String EXPECTED =
            "expected a CSV file with a header row naming the columns and one row per sample";

    /** The byte-order mark, as the first character of a UTF-8 text. */
    private static final int BYTE_ORDER_MARK = '\uFEFF';

    /** Takes immutable copies. */
    CsvTable {
        columns = List.copyOf(columns);
        features = List.copyOf(features);
        classes = List.copyOf(classes);
    }

    /**
     * Reads and checks a table.
     *
     * @param file the file given with {@code --data-dir}
     * @param label the label column given with {@code --label}
     * @return the table's layout
     * @throws DataException naming the file, the row (by line) and the column at fault
     */
    static CsvTable read(Path file, String label) {
        if (Files.isDirectory(file)) {
            throw new DataException(file + " is a folder; " + EXPECTED + " (--dataset csv)");
        }
        if (!Files.exists(file)) {
            throw new DataException(file + ": no such file; " + EXPECTED);
        }
        try (InputStream raw =
                        file.toString().endsWith(".gz")
                                ? InputFiles.gunzip(file)
                                : InputFiles.open(file);
                Reader reader =
                        withoutByteOrderMark(new InputStreamReader(raw, StandardCharsets.UTF_8));
                CSVParser parser = parse(file, reader)) {
            List<String> header = parser.getHeaderNames();
            if (header.isEmpty()) {
                throw new DataException(file + " is empty; " + EXPECTED);
            }
            requireUnique(file, header);
            if (!header.contains(label)) {
                throw new DataException(
                        file
                                + " has no column '"
                                + label
                                + "' (--label); its columns: "
                                + abbreviated(header));
            }
            List<String> features = header.stream().filter(c -> !c.equals(label)).toList();
            if (features.isEmpty()) {
                throw new DataException(
                        file
                                + " has no column besides the label '"
                                + label
                                + "'; expected numeric feature columns");
            }
            Set<String> values = new LinkedHashSet<>();
            Map<Double, Spelling> numbers = new HashMap<>();
            int rows = 0;
            for (CSVRecord row : parser) {
                long line = parser.getCurrentLineNumber();
                if (row.size() != header.size()) {
                    throw new DataException(
                            file
                                    + ", line "
                                    + line
                                    + ": "
                                    + row.size()
                                    + " values; expected "
                                    + header.size()
                                    + ", one per column of the header");
                }
                String value = row.get(label);
                if (value.isEmpty()) {
                    throw new DataException(
                            file
                                    + ", line "
                                    + line
                                    + ": the label '"
                                    + label
                                    + "' is empty; expected a class name");
                }
                if (values.add(value)) {
                    requireOneSpelling(file, label, line, value, numbers);
                }
                for (String feature : features) {
                    requireNumber(file, line, feature, row.get(feature));
                }
                rows++;
            }
            if (rows == 0) {
                throw new DataException(
                        file + " has a header but no rows; expected one row per sample");
            }
            if (values.size() < 2) {
                throw new DataException(
                        file
                                + ": the label '"
                                + label
                                + "' has one value ('"
                                + values.iterator().next()
                                + "'); expected at least 2 classes");
            }
            return new CsvTable(file, header, label, features, sorted(values), rows);
        } catch (IOException e) {
            throw new DataException(file + ": cannot read it (" + InputFiles.describe(e) + ")", e);
        } catch (UncheckedIOException e) {
            throw new DataException(
                    file
                            + ": not a valid CSV file ("
                            + InputFiles.describe(e.getCause())
                            + "); "
                            + EXPECTED,
                    e);
        }
    }

    /**
     * Returns the format DJL reads the rows with: {@link #FORMAT} with this table's columns as the
     * header, so that the file's own header line (and a byte-order mark before it) is skipped.
     */
    CSVFormat format() {
        return FORMAT.builder().setHeader(columns.toArray(String[]::new)).get();
    }

    /** Skips a byte-order mark at the start of a text. */
    private static Reader withoutByteOrderMark(Reader reader) throws IOException {
        PushbackReader in = new PushbackReader(reader, 1);
        int first = in.read();
        if (first != -1 && first != BYTE_ORDER_MARK) {
            in.unread(first);
        }
        return in;
    }

    /** Parses, refusing a header with a name missing. */
    private static CSVParser parse(Path file, Reader reader) throws IOException {
        try {
            return CSVParser.builder().setReader(reader).setFormat(FORMAT).get();
        } catch (IllegalArgumentException e) {
            throw new DataException(file + ": a bad header row (" + e.getMessage() + ")", e);
        }
    }

    /** Refuses a column name that the header holds twice. */
    private static void requireUnique(Path file, List<String> header) {
        Set<String> seen = new HashSet<>();
        for (String name : header) {
            if (!seen.add(name)) {
                throw new DataException(
                        file
                                + ": the header names the column '"
                                + name
                                + "' twice; expected every column name once");
            }
        }
    }

    private static void requireNumber(Path file, long line, String column, String value) {
        String problem;
        try {
            float number = Float.parseFloat(value);
            problem = Float.isFinite(number) ? null : "not a finite float32 number";
        } catch (NumberFormatException e) {
            problem = value.isEmpty() ? "empty" : "not a number";
        }
        if (problem != null) {
            throw new DataException(
                    file
                            + ", line "
                            + line
                            + ", column '"
                            + column
                            + "': '"
                            + value
                            + "' is "
                            + problem
                            + "; expected a number (every column but the label is a numeric"
                            + " feature)");
        }
    }

    /** A numeric label value as first written, and its line. */
    private record Spelling(String value, long line) {}

    /**
     * Refuses a numeric label written two ways ({@code 1} and {@code 1.0}), which would make two
     * classes of one; the classes are the values as written.
     */
    private static void requireOneSpelling(
            Path file, String label, long line, String value, Map<Double, Spelling> numbers) {
        if (!isNumber(value)) {
            return;
        }
        Spelling first = numbers.putIfAbsent(Double.parseDouble(value), new Spelling(value, line));
        if (first != null) {
            throw new DataException(
                    file
                            + ", line "
                            + line
                            + ": the label '"
                            + label
                            + "' is '"
                            + value
                            + "', the number written '"
                            + first.value()
                            + "' on line "
                            + first.line()
                            + "; write each class one way (as written they are two classes)");
        }
    }

    /** The classes in order: as numbers when every one is a number, else as text. */
    private static List<String> sorted(Set<String> values) {
        List<String> classes = new ArrayList<>(values);
        boolean numeric = classes.stream().allMatch(CsvTable::isNumber);
        classes.sort(
                numeric
                        ? Comparator.comparingDouble(Double::parseDouble)
                                .thenComparing(Comparator.naturalOrder())
                        : Comparator.naturalOrder());
        return classes;
    }

    private static boolean isNumber(String value) {
        try {
            return Double.isFinite(Double.parseDouble(value));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String abbreviated(List<String> names) {
        int shown = 12;
        return String.join(", ", names.subList(0, Math.min(shown, names.size())))
                + (names.size() > shown ? ", ... (" + names.size() + " columns)" : "");
    }
}
