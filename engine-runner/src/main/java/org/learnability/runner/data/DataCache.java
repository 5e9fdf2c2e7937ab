package org.learnability.runner.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A directory of data converted into DJL's layouts, one sub-directory per source, named by a hash
 * of the source files' paths, sizes and modification times ({@link DataFingerprint#stamp}, which a
 * run's data fingerprint is made of too; a changed source gets a new entry). Each entry is written
 * into a temporary directory and then renamed into place in one atomic step, so a failed or
 * interrupted conversion never leaves a half-written entry behind.
 */
public final class DataCache {

    /** Bumped when the converted format changes, so that old entries are not reused. */
    private static final String FORMAT_VERSION = "1";

    private final Path root;

    /**
     * Creates a cache in the given directory, made on first use.
     *
     * @param root the directory
     */
    public DataCache(Path root) {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath();
    }

    /**
     * Returns the cache in {@code learnability-data} under the system's temporary directory.
     *
     * @return the cache
     */
    public static DataCache inTempDirectory() {
        return new DataCache(Path.of(System.getProperty("java.io.tmpdir"), "learnability-data"));
    }

    /** Returns the cache directory. */
    public Path root() {
        return root;
    }

    /** Fills a fresh directory; may throw, and then the directory is discarded. */
    @FunctionalInterface
    interface DirectoryWriter {
        void write(Path directory) throws IOException;
    }

    /**
     * Returns the entry for the given sources, writing it first if it does not exist.
     *
     * @param prefix the entry's name prefix, e.g. {@code cifar10}
     * @param sources the files the entry is made from; they key the entry
     * @param writer fills the entry
     * @return the entry's directory
     */
    Path entry(String prefix, List<Path> sources, DirectoryWriter writer) {
        Path target = root.resolve(prefix + "-" + key(sources));
        if (Files.isDirectory(target)) {
            return target;
        }
        Path tmp = null;
        try {
            Files.createDirectories(root);
            tmp = Files.createTempDirectory(root, "." + target.getFileName() + ".tmp-");
            writer.write(tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                if (!Files.isDirectory(target)) { // else another process wrote the same entry first
                    throw e;
                }
            }
            return target;
        } catch (IOException e) {
            throw new DataException("cannot write the data cache " + root + ": " + e, e);
        } finally {
            if (tmp != null) {
                deleteRecursively(tmp);
            }
        }
    }

    private static String key(List<Path> sources) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(FORMAT_VERSION.getBytes(StandardCharsets.UTF_8));
            for (Path source : sources) {
                String line = DataFingerprint.stamp(source, source.toRealPath().toString());
                digest.update(line.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new DataException("cannot read " + sources + ": " + e, e);
        }
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary directory is never mistaken for an entry: its name starts with
            // '.'
        }
    }
}
