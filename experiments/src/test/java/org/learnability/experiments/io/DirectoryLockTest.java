package org.learnability.experiments.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lock of a directory: held by one holder at a time, named with its process, and leaving
 * nothing behind when released (not even a directory it had to make); a lock file left by a killed
 * process is taken over.
 */
class DirectoryLockTest {

    @TempDir Path dir;

    private static final long PID = ProcessHandle.current().pid();

    @Test
    void aSecondHolderIsRefusedNamingTheProcess() {
        Path out = dir.resolve("a/b");
        try (DirectoryLock lock = DirectoryLock.take(out, "--out " + out)) {
            assertEquals(
                    PID + "",
                    read(out.resolve(DirectoryLock.NAME)).lines().findFirst().orElseThrow());
            IllegalStateException e =
                    assertThrows(
                            IllegalStateException.class,
                            () -> DirectoryLock.take(out, "--out " + out));
            assertEquals(
                    out
                            + " is in use by process "
                            + PID
                            + " (this process) (a run or grid writing there holds it until it"
                            + " ends; wait for it, or use another --out)",
                    e.getMessage());
        }
        assertFalse(Files.exists(dir.resolve("a")), "the directories it made are gone again");
        try (DirectoryLock again = DirectoryLock.take(out, "--out " + out)) {
            assertTrue(Files.isDirectory(out), "free again");
        }
    }

    @Test
    void whatWasWrittenStaysAndALeftOverLockFileIsTakenOver() throws IOException {
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve(DirectoryLock.NAME), "999999\n"); // a process killed -9
        try (DirectoryLock lock = DirectoryLock.take(out, "--out " + out)) {
            Files.writeString(out.resolve("plan.json"), "{}");
        }
        assertTrue(Files.exists(out.resolve("plan.json")));
        assertFalse(Files.exists(out.resolve(DirectoryLock.NAME)), "the lock file is removed");
    }

    @Test
    void severalDirectoriesAreLockedAllOrNone() {
        Path grid = dir.resolve("grid");
        Map<Path, String> dirs = new LinkedHashMap<>();
        dirs.put(grid, "--out " + grid);
        dirs.put(grid.resolve("x"), grid.resolve("x").toString());
        dirs.put(grid.resolve("y"), grid.resolve("y").toString());
        try (DirectoryLock held = DirectoryLock.take(grid.resolve("y"), "y")) {
            assertThrows(IllegalStateException.class, () -> DirectoryLocks.take(dirs));
            assertFalse(Files.exists(grid.resolve("x")), "the locks taken before are released");
        }
        assertFalse(Files.exists(grid));
        try (DirectoryLocks all = DirectoryLocks.take(dirs)) {
            assertTrue(Files.isDirectory(grid.resolve("y")));
        }
    }

    @Test
    void aDirectoryThatCannotBeMadeNamesTheCause() {
        Path out = Path.of("/proc/learnability-no-such-dir");
        UncheckedIOException e =
                assertThrows(
                        UncheckedIOException.class, () -> DirectoryLock.take(out, "--out " + out));
        assertEquals(
                "cannot write to --out "
                        + out
                        + ": cannot make "
                        + out
                        + " (no such file or directory)",
                e.getMessage());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
