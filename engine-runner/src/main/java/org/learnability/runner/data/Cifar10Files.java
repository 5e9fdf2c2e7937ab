package org.learnability.runner.data;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Finds CIFAR-10 in one of its layouts, validates every record, and returns a directory in the
 * layout DJL's {@code Cifar10} reads: {@code data_batch.bin} (all training records) and {@code
 * test_batch.bin}. A record is 1 label byte (0 to 9) and 3,072 pixel bytes (1,024 red, then green,
 * then blue, each row by row).
 *
 * <p>Accepted: DJL's layout (used in place); the official {@code cifar-10-batches-bin} folder
 * ({@code data_batch_1.bin} to {@code data_batch_5.bin} and {@code test_batch.bin}; the folder or
 * its parent); the official {@code cifar-10-binary.tar.gz} (the file, or a directory holding it).
 * The official layouts are converted into a {@link DataCache} entry.
 */
final class Cifar10Files {

    static final int IMAGE_BYTES = 3 * 32 * 32;
    static final int RECORD_BYTES = 1 + IMAGE_BYTES;
    static final String TRAIN = "data_batch.bin";
    static final String TEST = "test_batch.bin";
    static final String FOLDER = "cifar-10-batches-bin";
    static final String ARCHIVE = "cifar-10-binary.tar.gz";
    static final List<String> OFFICIAL =
            List.of(
                    "data_batch_1.bin",
                    "data_batch_2.bin",
                    "data_batch_3.bin",
                    "data_batch_4.bin",
                    "data_batch_5.bin",
                    TEST);

    private static final String DJL_LAYOUT = TRAIN + " and " + TEST + " (DJL's layout)";
    private static final String OFFICIAL_FOLDER =
            "data_batch_1.bin to data_batch_5.bin and "
                    + TEST
                    + " (the official "
                    + FOLDER
                    + " folder)";
    static final String EXPECTED =
            "CIFAR-10 binary data: "
                    + DJL_LAYOUT
                    + ", "
                    + OFFICIAL_FOLDER
                    + " or its parent, or "
                    + ARCHIVE;
    private static final String TAR_EXPECTED = "a complete tar archive";
    private static final int RECORDS_PER_READ = 1024;

    private Cifar10Files() {}

    /**
     * Returns a directory in DJL's layout with the validated data found at {@code location}.
     *
     * @param location a directory in one of the accepted layouts, or the tar.gz archive
     * @param cache where converted layouts are kept
     * @return a directory holding {@code data_batch.bin} and {@code test_batch.bin}
     * @throws DataException naming the file and what was expected, before DJL sees anything
     */
    static Path prepare(Path location, DataCache cache) {
        if (Files.isRegularFile(location)) {
            String name = location.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".tar.gz") || name.endsWith(".tgz")) {
                return fromArchive(location, cache);
            }
            throw new DataException(
                    location + ": not a directory or a .tar.gz archive; expected " + EXPECTED);
        }
        InputFiles.requireDirectory(location, EXPECTED);
        if (InputFiles.anyPresent(location, List.of(TRAIN))) {
            return fromDjlLayout(location);
        }
        if (InputFiles.anyPresent(location, OFFICIAL.subList(0, 5))) {
            return fromFolder(location, cache);
        }
        if (InputFiles.anyPresent(location, List.of(TEST))) {
            return fromDjlLayout(location);
        }
        if (Files.isDirectory(location.resolve(FOLDER))) {
            return fromFolder(location.resolve(FOLDER), cache);
        }
        if (Files.isRegularFile(location.resolve(ARCHIVE))) {
            return fromArchive(location.resolve(ARCHIVE), cache);
        }
        throw new DataException(location + ": no CIFAR-10 files found; expected " + EXPECTED);
    }

    private static Path fromDjlLayout(Path directory) {
        InputFiles.requireFiles(directory, List.of(TRAIN, TEST), DJL_LAYOUT);
        for (String name : List.of(TRAIN, TEST)) {
            Path file = directory.resolve(name);
            long size = InputFiles.size(file);
            checkSize(size, file.toString());
            try (InputStream in = InputFiles.open(file)) {
                copyRecords(in, size, file.toString(), null);
            } catch (IOException e) {
                throw new DataException(file + ": cannot read (" + InputFiles.describe(e) + ")", e);
            }
        }
        return directory;
    }

    private static Path fromFolder(Path directory, DataCache cache) {
        InputFiles.requireFiles(directory, OFFICIAL, OFFICIAL_FOLDER);
        List<Path> files = OFFICIAL.stream().map(directory::resolve).toList();
        for (Path file : files) {
            checkSize(InputFiles.size(file), file.toString());
        }
        return cache.entry(
                "cifar10",
                files,
                out -> {
                    try (OutputStream train = output(out.resolve(TRAIN))) {
                        for (Path file : files.subList(0, 5)) {
                            copyFile(file, train);
                        }
                    }
                    try (OutputStream test = output(out.resolve(TEST))) {
                        copyFile(files.get(5), test);
                    }
                });
    }

    private static Path fromArchive(Path archive, DataCache cache) {
        return cache.entry(
                "cifar10",
                List.of(archive),
                out -> {
                    try {
                        extract(archive, out);
                    } catch (NoClassDefFoundError e) {
                        // commons-compress reads PAX headers with commons-lang3, which DJL leaves
                        // out
                        throw new DataException(
                                archive
                                        + ": cannot read this tar archive's extended headers ("
                                        + e.getMessage()
                                        + " is missing from the class path); expected a plain tar archive",
                                e);
                    }
                });
    }

    /** Extracts and validates the six batch files, then joins the five training batches. */
    private static void extract(Path archive, Path out) throws IOException {
        Set<String> found = new HashSet<>();
        try (InputStream gz = InputFiles.gunzip(archive);
                TarArchiveInputStream tar = new TarArchiveInputStream(gz)) {
            String broken = archive + ": broken tar archive";
            InputStream entries = InputFiles.naming(tar, broken, TAR_EXPECTED);
            TarArchiveEntry entry;
            while ((entry = nextEntry(tar, broken)) != null) {
                String base = entry.getName().substring(entry.getName().lastIndexOf('/') + 1);
                if (!entry.isFile() || !OFFICIAL.contains(base) || !found.add(base)) {
                    continue;
                }
                String name = archive + " entry " + entry.getName();
                checkSize(entry.getSize(), name);
                try (OutputStream part = output(out.resolve(base))) {
                    copyRecords(entries, entry.getSize(), name, part);
                }
            }
        }
        List<String> missing = OFFICIAL.stream().filter(n -> !found.contains(n)).toList();
        if (!missing.isEmpty()) {
            throw new DataException(
                    archive
                            + ": missing "
                            + String.join(", ", missing)
                            + " in the archive; expected "
                            + FOLDER
                            + "/ with data_batch_1.bin to data_batch_5.bin and "
                            + TEST);
        }
        try (OutputStream train = output(out.resolve(TRAIN))) {
            for (String part : OFFICIAL.subList(0, 5)) {
                Files.copy(out.resolve(part), train);
                Files.delete(out.resolve(part));
            }
        }
    }

    private static TarArchiveEntry nextEntry(TarArchiveInputStream tar, String broken) {
        try {
            return tar.getNextEntry();
        } catch (IOException e) {
            throw new DataException(
                    broken + " (" + InputFiles.describe(e) + "); expected " + TAR_EXPECTED, e);
        }
    }

    private static void copyFile(Path file, OutputStream out) throws IOException {
        try (InputStream in = InputFiles.open(file)) {
            copyRecords(in, InputFiles.size(file), file.toString(), out);
        }
    }

    private static OutputStream output(Path file) throws IOException {
        return new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
    }

    /** Fails unless {@code size} is a positive whole number of records. */
    static void checkSize(long size, String name) {
        if (size == 0) {
            throw new DataException(
                    name + ": empty; expected " + RECORD_BYTES + "-byte CIFAR-10 records");
        }
        if (size % RECORD_BYTES != 0) {
            throw new DataException(
                    name
                            + ": size "
                            + size
                            + " bytes is not a whole number of "
                            + RECORD_BYTES
                            + "-byte CIFAR-10 records (1 label byte + "
                            + IMAGE_BYTES
                            + " pixel bytes)");
        }
    }

    /**
     * Reads {@code size} bytes of records, checks every label, and copies them to {@code out}
     * unless it is null.
     */
    static void copyRecords(InputStream in, long size, String name, OutputStream out)
            throws IOException {
        long records = size / RECORD_BYTES;
        byte[] buffer = new byte[RECORDS_PER_READ * RECORD_BYTES];
        for (long first = 0; first < records; first += RECORDS_PER_READ) {
            int count = (int) Math.min(RECORDS_PER_READ, records - first);
            int length = count * RECORD_BYTES;
            int read = in.readNBytes(buffer, 0, length);
            if (read != length) {
                throw new DataException(
                        name
                                + ": ends after "
                                + (first * RECORD_BYTES + read)
                                + " bytes; expected "
                                + size
                                + " bytes");
            }
            for (int r = 0; r < count; r++) {
                int label = buffer[r * RECORD_BYTES] & 0xFF;
                if (label > 9) {
                    throw new DataException(
                            name
                                    + ": record "
                                    + (first + r)
                                    + " (counting from 0) has label "
                                    + label
                                    + "; expected a label from 0 to 9");
                }
            }
            if (out != null) {
                out.write(buffer, 0, length);
            }
        }
    }
}
