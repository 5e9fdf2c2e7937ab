package org.learnability.experiments.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@link DirectoryLock}s of several directories, taken in order and released in the reverse
 * order: all of them, or (when one is refused) none.
 */
public final class DirectoryLocks implements AutoCloseable {

    private final List<DirectoryLock> locks;

    private DirectoryLocks(List<DirectoryLock> locks) {
        this.locks = locks;
    }

    /**
     * Takes the locks.
     *
     * @param dirs the directories, in order, each with how messages name it
     * @return the locks; closing them releases them all
     * @throws IllegalStateException naming the directory in use and its process, with every lock
     *     taken before it released
     */
    public static DirectoryLocks take(Map<Path, String> dirs) {
        DirectoryLocks taken = new DirectoryLocks(new ArrayList<>());
        try {
            dirs.forEach((dir, label) -> taken.locks.add(DirectoryLock.take(dir, label)));
        } catch (RuntimeException e) {
            taken.close();
            throw e;
        }
        return taken;
    }

    /** Releases every lock, the last taken first. */
    @Override
    public void close() {
        for (int i = locks.size() - 1; i >= 0; i--) {
            locks.get(i).close();
        }
        locks.clear();
    }
}
