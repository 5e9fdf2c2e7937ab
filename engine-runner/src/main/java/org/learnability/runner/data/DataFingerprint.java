package org.learnability.runner.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a run's data files were, to tell later whether they changed: per part (a class folder, a
 * file), how many files it has, their bytes, and a SHA-256 digest of their names, sizes and
 * modification times, the stamps that key the {@link DataCache} ({@link #stamp}). DJL's download
 * has no part: nothing local to compare.
 *
 * @param parts the parts, in the data set's order
 */
public record DataFingerprint(List<Part> parts) {

    /**
     * One part of the data.
     *
     * @param name how a user names it, e.g. {@code class folder cat} or {@code data.csv}
     * @param files how many files it has
     * @param bytes their total size
     * @param rows the rows of a table, or null
     * @param digest the first 16 hex digits of the SHA-256 of its files' stamps
     */
    public record Part(String name, int files, long bytes, Integer rows, String digest) {

        /** Checks the fields. */
        public Part {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(digest, "digest");
        }
    }

    /** Takes an immutable copy. */
    public DataFingerprint {
        parts = List.copyOf(parts);
    }

    /**
     * Returns the fingerprint of data with no local files (DJL's download).
     *
     * @return a fingerprint of no part
     */
    public static DataFingerprint none() {
        return new DataFingerprint(List.of());
    }

    /**
     * Returns the stamp of one file, {@code name|size|mtime}, which the {@link DataCache} key and a
     * part's digest are made of.
     *
     * @param file the file
     * @param name the name it goes by in the stamp
     * @return the stamp, starting with a line break
     * @throws IOException if the file cannot be read
     */
    static String stamp(Path file, String name) throws IOException {
        return "\n"
                + name
                + "|"
                + Files.size(file)
                + "|"
                + Files.getLastModifiedTime(file).toMillis();
    }

    /**
     * Returns the part of some files, named relative to a root.
     *
     * @param name the part's name
     * @param root the folder the files' stamps are named relative to
     * @param files the files
     * @param rows the rows of a table, or null
     * @return the part
     * @throws DataException naming a file that cannot be read
     */
    static Part part(String name, Path root, List<Path> files, Integer rows) {
        MessageDigest digest = sha256();
        long bytes = 0;
        for (Path file : files) {
            try {
                bytes += Files.size(file);
                String stamp = stamp(file, root.relativize(file).toString());
                digest.update(stamp.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new DataException(file + ": cannot read (" + InputFiles.describe(e) + ")", e);
            }
        }
        return new Part(name, files.size(), bytes, rows, hex(digest.digest()));
    }

    /**
     * Returns the fingerprint of a built-in data set's local files: a file given, or every file
     * directly in a folder given (not hidden), one part each.
     *
     * @param location the file or folder given with {@code --data-dir}
     * @return the fingerprint
     */
    static DataFingerprint ofFiles(Path location) {
        if (Files.isRegularFile(location)) {
            Path root = location.toAbsolutePath().getParent();
            Path file = location.toAbsolutePath();
            return new DataFingerprint(
                    List.of(part(file.getFileName().toString(), root, List.of(file), null)));
        }
        try (Stream<Path> entries = Files.list(location)) {
            return new DataFingerprint(
                    entries.filter(Files::isRegularFile)
                            .filter(f -> !f.getFileName().toString().startsWith("."))
                            .sorted()
                            .map(f -> part(f.getFileName().toString(), location, List.of(f), null))
                            .toList());
        } catch (IOException e) {
            throw new DataException(location + ": cannot list (" + InputFiles.describe(e) + ")", e);
        }
    }

    /**
     * Returns one digest of every part, which a record carries.
     *
     * @return the first 16 hex digits of a SHA-256, or null for a fingerprint of no part
     */
    public String digest() {
        if (parts.isEmpty()) {
            return null;
        }
        MessageDigest digest = sha256();
        for (Part p : parts) {
            String line =
                    "\n"
                            + p.name()
                            + "|"
                            + p.files()
                            + "|"
                            + p.bytes()
                            + "|"
                            + p.rows()
                            + "|"
                            + p.digest();
            digest.update(line.getBytes(StandardCharsets.UTF_8));
        }
        return hex(digest.digest());
    }

    /**
     * Says what changed since an earlier fingerprint, part by part.
     *
     * @param before the earlier fingerprint
     * @return e.g. {@code class folder cat: 12 files -> 13 files; data.csv: 30 rows -> 45 rows}, or
     *     empty when nothing did
     */
    public List<String> changesFrom(DataFingerprint before) {
        Map<String, Part> was = byName(before.parts);
        Map<String, Part> now = byName(parts);
        List<String> changes = new ArrayList<>();
        for (Part old : before.parts) {
            Part p = now.get(old.name());
            if (p == null) {
                changes.add(old.name() + ": gone");
            } else if (!p.equals(old)) {
                changes.add(old.name() + ": " + change(old, p));
            }
        }
        parts.stream()
                .filter(p -> !was.containsKey(p.name()))
                .forEach(p -> changes.add(p.name() + ": new"));
        return changes;
    }

    private static String change(Part was, Part now) {
        if (was.rows() != null && now.rows() != null && !was.rows().equals(now.rows())) {
            return was.rows() + " rows -> " + now.rows() + " rows";
        }
        if (was.files() != now.files()) {
            return was.files() + " files -> " + now.files() + " files";
        }
        if (was.bytes() != now.bytes()) {
            return was.bytes() + " bytes -> " + now.bytes() + " bytes";
        }
        return "a file's size or time differs";
    }

    private static Map<String, Part> byName(List<Part> parts) {
        return parts.stream()
                .collect(Collectors.toMap(Part::name, Function.identity(), (a, b) -> a));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is in every Java", e);
        }
    }

    private static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest, 0, 8);
    }
}
