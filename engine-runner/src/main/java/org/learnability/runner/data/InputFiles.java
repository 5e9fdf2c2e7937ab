package org.learnability.runner.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** Opening input files so that every read error becomes one {@link DataException} line. */
final class InputFiles {

    private InputFiles() {}

    /**
     * Opens a gzip-compressed file; broken compressed data becomes a {@link DataException} that
     * names the file.
     */
    static InputStream gunzip(Path file) {
        InputStream raw = open(file);
        String prefix = file + ": broken gzip data";
        String expected = "a complete gzip file";
        try {
            return new NamingStream(new GZIPInputStream(raw, 1 << 16), prefix, expected);
        } catch (IOException e) {
            closeQuietly(raw);
            throw new DataException(prefix + " (" + describe(e) + "); expected " + expected, e);
        }
    }

    /** Opens a file; read errors become a {@link DataException} that names the file. */
    static InputStream open(Path file) {
        try {
            return new NamingStream(
                    new BufferedInputStream(Files.newInputStream(file), 1 << 16),
                    file + ": cannot read",
                    null);
        } catch (IOException e) {
            throw new DataException(file + ": cannot read (" + describe(e) + ")", e);
        }
    }

    /**
     * Wraps a stream so that its read errors become a {@link DataException}: {@code prefix (error);
     * expected expected}.
     */
    static InputStream naming(InputStream in, String prefix, String expected) {
        return new NamingStream(in, prefix, expected);
    }

    /** Returns the size of a file, failing with a {@link DataException} that names it. */
    static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new DataException(file + ": cannot read (" + describe(e) + ")", e);
        }
    }

    /** Fails unless {@code location} is an existing directory. */
    static void requireDirectory(Path location, String expected) {
        if (!Files.exists(location)) {
            throw new DataException(location + ": no such directory; expected " + expected);
        }
        if (!Files.isDirectory(location)) {
            throw new DataException(location + ": not a directory; expected " + expected);
        }
    }

    /** Fails unless every named file is in the directory, listing the missing ones. */
    static void requireFiles(Path directory, List<String> names, String expected) {
        List<String> missing =
                names.stream().filter(n -> !Files.isRegularFile(directory.resolve(n))).toList();
        if (!missing.isEmpty()) {
            throw new DataException(
                    directory
                            + ": missing "
                            + String.join(", ", missing)
                            + "; expected "
                            + expected);
        }
    }

    /** Returns true if any named file is in the directory. */
    static boolean anyPresent(Path directory, List<String> names) {
        return names.stream().anyMatch(n -> Files.exists(directory.resolve(n)));
    }

    static String describe(IOException e) {
        if (e.getMessage() != null) {
            return e.getMessage();
        }
        return e instanceof EOFException ? "unexpected end of file" : e.getClass().getSimpleName();
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // nothing more to say than the error already being thrown
        }
    }

    /** Turns read errors into {@link DataException}s with a fixed prefix. */
    private static final class NamingStream extends FilterInputStream {

        private final String prefix;
        private final String expected;

        NamingStream(InputStream in, String prefix, String expected) {
            super(in);
            this.prefix = prefix;
            this.expected = expected;
        }

        private DataException fail(IOException e) {
            return new DataException(
                    prefix
                            + " ("
                            + describe(e)
                            + ")"
                            + (expected == null ? "" : "; expected " + expected),
                    e);
        }

        @Override
        public int read() {
            try {
                return in.read();
            } catch (IOException e) {
                throw fail(e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) {
            try {
                return in.read(b, off, len);
            } catch (IOException e) {
                throw fail(e);
            }
        }

        @Override
        public long skip(long n) {
            try {
                return in.skip(n);
            } catch (IOException e) {
                throw fail(e);
            }
        }
    }
}
