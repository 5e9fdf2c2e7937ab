package org.learnability.experiments.protocol;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks an experiment directory before anything is written into it: a path is given, and it is a
 * writable directory or can be made as one. Nothing is created here; the directory is made when the
 * first file goes into it.
 */
final class OutputDirectory {

    private OutputDirectory() {}

    /**
     * Checks the directory.
     *
     * @param out the {@code --out} directory
     * @throws IllegalArgumentException naming the directory and what is wrong
     */
    static void check(Path out) {
        if (out.toString().isBlank()) {
            throw new IllegalArgumentException(
                    "--out is empty; expected the experiment directory, e.g. --out results/run1");
        }
        Path existing = out.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            throw unwritable(out, "no part of it exists");
        }
        if (!Files.isDirectory(existing)) {
            throw unwritable(out, existing + " is not a directory");
        }
        if (!Files.isWritable(existing)) {
            throw unwritable(out, existing + " is not writable");
        }
    }

    private static IllegalArgumentException unwritable(Path out, String why) {
        return new IllegalArgumentException("cannot write to --out " + out + ": " + why);
    }
}
