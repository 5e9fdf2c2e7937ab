package org.learnability.experiments.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The records of every committed study, of schemas 1 to 6, read and written again. */
class CommittedRunsTest {

    private static final Path RESULTS = Path.of("..", "docs", "results");

    @TempDir Path dir;

    @Test
    void everyCommittedRecordReadsWithItsKeyAndWrittenAgainReadsBackEqual() throws IOException {
        assumeTrue(Files.isDirectory(RESULTS), "the repository's docs/results");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(RESULTS)) {
            files = walk.filter(p -> p.endsWith(RunsFile.NAME)).sorted().toList();
        }
        assertFalse(files.isEmpty());
        for (Path file : files) {
            List<RunRecord> read = RunsFile.read(file);
            for (RunRecord r : read) {
                assertEquals(r.key(), r.modelKey().toString(), file + ": the arm's variant");
            }
            Path again = dir.resolve(file.getParent().getFileName() + "-" + files.indexOf(file));
            read.forEach(r -> RunsFile.append(again, r));
            assertEquals(read, RunsFile.read(again), file.toString());
        }
    }
}
