package org.learnability.experiments.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learnability.experiments.stats.Analysis;
import org.learnability.experiments.stats.ArmFrontierTest;
import org.learnability.experiments.stats.SyntheticRuns;

/** The report's frontier: its chart and table where a post-hoc arm records one, else neither. */
class FrontierReportTest {

    @TempDir Path dir;

    @Test
    void aPosthocArmsFrontierIsChartedAndTabled() throws IOException {
        ReportWriter.write(dir, ArmFrontierTest.withPosthoc(true));
        String md = Files.readString(dir.resolve(MarkdownReport.FILE));
        assertTrue(md.contains("### Offsets trade-off frontier"), md);
        assertTrue(md.contains("](frontier.png)"), md);
        assertTrue(md.contains("| strategy | engine | mode | seeds | 0 points | 2 points |"), md);
        assertTrue(md.contains("| `mean-ratio:gamma=2` | PyTorch | posthoc | 3 | "), md);
        assertTrue(Files.exists(dir.resolve("frontier.png")));
        assertTrue(md.contains("### Evenness apart from accuracy"), md);

        // rewritten without the frontier: the chart goes with it
        ReportWriter.write(dir, ArmFrontierTest.withPosthoc(false));
        assertFalse(Files.exists(dir.resolve("frontier.png")));
        assertFalse(
                MarkdownReport.markdown(Analysis.of(SyntheticRuns.twoStage()))
                        .contains("frontier"));
    }
}
