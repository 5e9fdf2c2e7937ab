package org.learnability.experiments.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Writes a file so that a crash never leaves it half-written: the bytes go to a temporary file in
 * the same directory, are forced to the disk, and the temporary file is then renamed over the
 * target in one atomic step. Readers see the old file or the new one, nothing in between.
 */
public final class AtomicFiles {

    private AtomicFiles() {}

    /**
     * Replaces a file's content atomically.
     *
     * @param target the file
     * @param bytes its new content
     * @throws UncheckedIOException naming the file when it cannot be written
     */
    public static void write(Path target, byte[] bytes) {
        Path directory = target.toAbsolutePath().getParent();
        Path temporary = null;
        try {
            // Not Files.createTempFile: it makes the file readable by its owner only, and the
            // rename
            // would pass that on; a new file here gets the usual permissions.
            temporary =
                    directory.resolve(
                            "." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
            try (FileChannel channel =
                    FileChannel.open(
                            temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(
                    temporary,
                    target,
                    StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            deleteQuietly(temporary);
            throw new UncheckedIOException(target + ": cannot write it (" + e + ")", e);
        }
    }

    /**
     * Replaces a text file's content atomically, in UTF-8.
     *
     * @param target the file
     * @param text its new content
     */
    public static void write(Path target, String text) {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void deleteQuietly(Path temporary) {
        if (temporary != null) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // the original failure is the one to report
            }
        }
    }
}
