package org.learnability.cluster;

import java.io.IOException;
import java.nio.file.Path;
import org.learnability.experiments.io.DirectoryLock;

/**
 * Holds the lock of a directory, as a run writing there does, until its standard input closes:
 * another process, for the tests that a second writer is refused.
 */
final class LockHolder {

    private LockHolder() {}

    /**
     * Takes the lock of {@code args[0]}, says {@code locked}, and waits.
     *
     * @param args the directory
     * @throws IOException when standard input fails
     */
    public static void main(String[] args) throws IOException {
        try (DirectoryLock lock = DirectoryLock.take(Path.of(args[0]), args[0])) {
            System.out.println("locked");
            System.out.flush();
            while (System.in.read() >= 0) {
                // until the test closes our input
            }
        }
    }
}
