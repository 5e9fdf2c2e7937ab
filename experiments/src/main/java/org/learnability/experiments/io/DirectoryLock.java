package org.learnability.experiments.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * The one process that writes a directory: an exclusive OS file lock ({@link FileChannel#tryLock})
 * on the file {@value #NAME} inside it, which holds the process id. The operating system drops the
 * lock when the process ends, however it ends, so a process killed with {@code kill -9} leaves no
 * stale lock: only a {@value #NAME} file that the next process takes over. A second process (or a
 * second command of this one) is refused at once, naming the process that holds the directory.
 *
 * <p>Taking the lock makes the directory (and its missing parents) if needed; closing it removes
 * the lock file and every directory it made that is still empty, so a command that fails after
 * taking the lock, before writing anything, leaves the file system as it found it. The lock file is
 * removed while it is still locked; a process that opened it just before then finds, once it holds
 * the lock, that the name no longer leads to the file it locked (by device and inode), and tries
 * again.
 *
 * <p>The lock is the process's: a second attempt from the process that holds it is refused too, but
 * POSIX drops a process's lock on a file when it closes any descriptor of that file, so the holder
 * loses its OS lock then; a process takes each directory's lock once.
 */
public final class DirectoryLock implements AutoCloseable {

    /** How often, and how many milliseconds apart, an empty lock file is read again. */
    private static final int HOLDER_TRIES = 20;

    private static final long HOLDER_WAIT_MILLIS = 50;

    /** The lock file's name inside the directory. */
    public static final String NAME = ".lock";

    /** Attempts when the lock file is replaced between opening and locking it. */
    private static final int ATTEMPTS = 10;

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final List<Path> made;

    private DirectoryLock(Path file, FileChannel channel, FileLock lock, List<Path> made) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.made = made;
    }

    /**
     * Takes the lock of a directory, making the directory if needed.
     *
     * @param dir the directory
     * @param label how messages name the directory, e.g. {@code --out results/run1}
     * @return the lock; closing it releases it
     * @throws IllegalStateException naming the process that holds the directory
     * @throws UncheckedIOException naming the directory and the cause when it cannot be made or
     *     written
     */
    public static DirectoryLock take(Path dir, String label) {
        List<Path> made = makeDirectories(dir, label);
        try {
            Path file = dir.resolve(NAME);
            for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                DirectoryLock taken = tryTake(dir, file, made, label);
                if (taken != null) {
                    return taken;
                }
            }
            throw new IllegalStateException(
                    dir + " is in use: its lock file " + file + " keeps being replaced");
        } catch (RuntimeException e) {
            removeEmpty(made);
            throw e;
        }
    }

    /** Locks the file; null when the file was replaced in between and locking must start again. */
    private static DirectoryLock tryTake(Path dir, Path file, List<Path> made, String label) {
        FileChannel channel = null;
        try {
            channel =
                    FileChannel.open(
                            file,
                            StandardOpenOption.CREATE,
                            StandardOpenOption.READ,
                            StandardOpenOption.WRITE);
            Object opened = fileKey(file); // what the name led to once the channel was open
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                throw inUse(dir, Long.toString(ProcessHandle.current().pid()), " (this process)");
            }
            if (lock == null) {
                throw inUse(dir, holder(file), "");
            }
            Object locked = fileKey(file);
            if (opened == null || !opened.equals(locked)) {
                channel.close(); // the file was removed in between: lock the one there now
                return null;
            }
            channel.truncate(0);
            ByteBuffer bytes =
                    ByteBuffer.wrap(
                            (ProcessHandle.current().pid() + "\n")
                                    .getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes, bytes.position());
            }
            channel.force(false);
            return new DirectoryLock(file, channel, lock, made);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException(
                    "cannot write to " + label + ": " + file + " " + cause(e), e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    private static IllegalStateException inUse(Path dir, String pid, String which) {
        return new IllegalStateException(
                dir
                        + " is in use by "
                        + (pid.isEmpty() ? "another process" : "process " + pid + which)
                        + " (a run or grid writing there holds it until it ends; wait for it,"
                        + " or use another --out)");
    }

    /**
     * The identity (device and inode) of the file a name leads to, by its attributes alone: opening
     * the file again would drop this process's lock on it (POSIX locks belong to the process and go
     * with any of its descriptors of the file).
     */
    private static Object fileKey(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * The process id the lock file holds, or empty when it cannot be read: the holder writes it
     * right after it takes the lock, so an empty file is read again for up to a second.
     */
    private static String holder(Path file) {
        for (int tries = 0; tries < HOLDER_TRIES; tries++) {
            String first = readOrEmpty(file).lines().findFirst().orElse("").trim();
            if (first.matches("\\d+")) {
                return first;
            }
            try {
                Thread.sleep(HOLDER_WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return "";
    }

    private static String readOrEmpty(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** Makes the directory and its missing parents; returns those it made, outermost first. */
    private static List<Path> makeDirectories(Path dir, String label) {
        List<Path> missing = new ArrayList<>();
        for (Path p = dir.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p)) {
                break;
            }
            missing.add(0, p);
        }
        List<Path> made = new ArrayList<>();
        for (Path p : missing) {
            try {
                Files.createDirectory(p);
                made.add(p);
            } catch (IOException e) {
                removeEmpty(made);
                throw new UncheckedIOException(
                        "cannot write to " + label + ": cannot make " + p + " " + cause(e), e);
            }
        }
        return made;
    }

    /**
     * The cause of a file-system failure in words, in parentheses: the operating system's reason
     * where Java gives one, else what the kind of failure means.
     */
    static String cause(IOException e) {
        String reason = e instanceof FileSystemException f ? f.getReason() : e.getMessage();
        if (reason == null || reason.isBlank()) {
            if (e instanceof NoSuchFileException) {
                reason = "no such file or directory";
            } else if (e instanceof AccessDeniedException) {
                reason = "permission denied";
            } else if (e instanceof FileAlreadyExistsException) {
                reason = "a file of that name is in the way";
            } else if (e instanceof NotDirectoryException) {
                reason = "not a directory";
            } else {
                reason = e.getClass().getSimpleName();
            }
        }
        return "(" + reason + ")";
    }

    /**
     * Releases the lock: removes the lock file (while it is still locked), unlocks it, and removes
     * the directories the lock made that are still empty.
     */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the lock dies with the channel all the same; a stale file is taken over next time
        }
        try {
            lock.release();
        } catch (IOException e) {
            // closing the channel releases it
        }
        closeQuietly(channel);
        removeEmpty(made);
    }

    /** Removes the directories that are still empty, innermost first. */
    private static void removeEmpty(List<Path> made) {
        for (int i = made.size() - 1; i >= 0; i--) {
            try {
                Files.deleteIfExists(made.get(i));
            } catch (IOException e) {
                return; // not empty: something was written, and it stays
            }
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing more to release
            }
        }
    }
}
