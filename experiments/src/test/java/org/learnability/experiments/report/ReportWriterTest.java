package org.learnability.experiments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learnability.experiments.record.Collapse;
import org.learnability.experiments.record.RunRecord;
import org.learnability.experiments.record.RunsFile;
import org.learnability.experiments.stats.Analysis;
import org.learnability.experiments.stats.SyntheticRuns;

class ReportWriterTest {

    @TempDir Path dir;

    private Set<String> filesIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString())
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static List<String[]> csvRows(String csv) {
        // the synthetic strategy specs hold no comma, so a plain split reads the rows
        return csv.lines().map(line -> line.split(",", -1)).toList();
    }

    private static String[] row(List<String[]> rows, String strategy, String engine) {
        int s = Arrays.asList(rows.get(0)).indexOf("strategy");
        int e = Arrays.asList(rows.get(0)).indexOf("engine");
        return rows.stream()
                .filter(r -> r[s].equals(strategy) && r[e].equals(engine))
                .findFirst()
                .orElseThrow();
    }

    private static double cell(List<String[]> rows, String[] row, String column) {
        int c = Arrays.asList(rows.get(0)).indexOf(column);
        assertTrue(c >= 0, "column " + column);
        return row[c].isEmpty() ? Double.NaN : Double.parseDouble(row[c]);
    }

    private static void assertPng(Path file, int width, int height) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        assertTrue(
                bytes.length > 8 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G',
                file + " is a PNG");
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(width, image.getWidth(), file.toString());
        assertEquals(height, image.getHeight(), file.toString());
    }

    @Test
    void writesEveryFileOfATwoStageExperiment() throws IOException {
        ReportFiles files = ReportWriter.write(dir, SyntheticRuns.twoStage());
        assertEquals(
                Set.of(
                        "summary.csv",
                        "report.md",
                        "tpr.png",
                        "weights.png",
                        "tradeoff.png",
                        "forest.png",
                        "variance.png",
                        "confusion-uniform.png",
                        "confusion-mean-ratio-gamma-2.png",
                        "confusion-difficulty.png"),
                filesIn(dir),
                "every file, and no temporary file left behind");
        assertEquals(10, files.all().size());
        // the forest plot: a row per compared arm
        assertPng(dir.resolve("forest.png"), Charts.WIDTH, Charts.HEIGHT / 2);
        for (String chart : List.of("tpr.png", "weights.png", "tradeoff.png", "variance.png")) {
            assertPng(dir.resolve(chart), Charts.WIDTH, Charts.HEIGHT);
        }
        for (String chart :
                List.of(
                        "confusion-uniform.png",
                        "confusion-mean-ratio-gamma-2.png",
                        "confusion-difficulty.png")) {
            assertPng(dir.resolve(chart), Charts.WIDTH, Charts.CONFUSION_HEIGHT);
        }
        List<String[]> rows = csvRows(Files.readString(dir.resolve("summary.csv")));
        assertEquals(String.join(",", SummaryTable.columns()), String.join(",", rows.get(0)));
        assertEquals(4, rows.size(), "a header and a row per arm");
        String md = Files.readString(dir.resolve("report.md"));
        assertEquals(MarkdownReport.markdown(Analysis.of(SyntheticRuns.twoStage())), md);

        ReportWriter.write(dir, SyntheticRuns.twoStage());
        assertEquals(
                md,
                Files.readString(dir.resolve("report.md")),
                "the report depends on the runs alone");
        assertEquals(10, filesIn(dir).size(), "replaced, no temporary file left behind");
    }

    @Test
    void summaryCsvHoldsTheHandComputedStatistics() {
        List<String[]> rows = csvRows(SummaryTable.csv(Analysis.of(SyntheticRuns.twoStage())));
        assertEquals(String.join(",", SummaryTable.columns()), String.join(",", rows.get(0)));
        assertEquals(4, rows.size(), "a header and a row per arm");
        for (String[] r : rows) {
            assertEquals(SummaryTable.columns().size(), r.length);
        }
        String[] meanRatio = row(rows, "mean-ratio:gamma=2", "PyTorch");
        assertEquals(
                List.of(
                        "synthetic",
                        "cnn-small",
                        "PyTorch",
                        "two-stage",
                        "mean-ratio:gamma=2",
                        "1",
                        "3",
                        "1;2;3"),
                Arrays.asList(meanRatio).subList(0, 8));
        // hand-computed in AnalysisTest: D = 7/625, 4/625, 7/500
        assertEquals(79.0 / 7500, cell(rows, meanRatio, "d_mean"), 1e-15);
        assertEquals(0.00098527823685655819, cell(rows, meanRatio, "d_ci_low"), 1e-15);
        assertEquals(0.020081388429810108, cell(rows, meanRatio, "d_ci_high"), 1e-15);
        assertEquals(1.0 / 90, cell(rows, meanRatio, "delta_accuracy_mean"), 1e-15);
        assertEquals(82.0 / 16875, cell(rows, meanRatio, "var_mean"), 1e-15);
        assertEquals(3, cell(rows, meanRatio, "d_positive"), 0.0);
        assertEquals(4.7466499681962665, cell(rows, meanRatio, "t"), 1e-13);
        assertEquals(0.020815937545830995, cell(rows, meanRatio, "p_t"), 1e-14);
        assertEquals(6, cell(rows, meanRatio, "w_plus"), 0.0);
        assertEquals(0.125, cell(rows, meanRatio, "p_wilcoxon"), 0.0);

        String[] baseline = row(rows, "uniform", "PyTorch");
        assertEquals("0", baseline[5], "round");
        assertTrue(Double.isNaN(cell(rows, baseline, "d_mean")), "no D for the baseline");
        assertTrue(Double.isNaN(cell(rows, baseline, "p_t")));
        assertEquals("", baseline[Arrays.asList(rows.get(0)).indexOf("d_positive")]);
        assertEquals(
                (0.75 + 0.22 / 0.3 + 0.227 / 0.3) / 3,
                cell(rows, baseline, "accuracy_mean"),
                1e-15);
    }

    @Test
    void reportMarkdownHasTheTablesAndChartLinks() {
        String md = MarkdownReport.markdown(Analysis.of(SyntheticRuns.twoStage()));
        assertTrue(md.startsWith("# Learnability report\n"), md);
        assertTrue(md.contains("## How to read this"), md);
        assertTrue(md.contains("## synthetic, cnn-small"), md);
        assertTrue(
                md.contains(
                        "| strategy | engine | mode | seeds | D | Δ accuracy | sd reduction | images"
                                + " trained | minutes | Var(s) | accuracy | worst-class TPR |"
                                + " max-min gap | macro-F1 | D > 0 | p (t) | p (Wilcoxon) |"),
                md);
        // D = 79/7500 [0.000985, 0.0201], Δ accuracy = 1/90 [-0.0142, 0.0364], p_t = 0.0208, p_W =
        // 1/8; sd reduction 1 - sd(s')/sd(s) per seed 0.49668, 0.32277, 0.47398 (python:
        // statistics.pstdev), mean 0.43114, t(0.975, 2) = 4.30265 -> [0.19629, 0.66599]
        assertTrue(
                md.contains(
                        "| `mean-ratio:gamma=2` | PyTorch | two-stage | 3 | 0.0105 [0.000985, 0.0201]"
                                + " | +0.0111 [-0.0142, +0.0364] | +0.4311 [+0.1963, +0.6660] |"),
                md);
        // its cost: 2 epochs of 300 images, 1.5 s each seed
        assertTrue(md.contains("| +0.4311 [+0.1963, +0.6660] | 600 | 0.03 |"), md);
        assertTrue(md.contains("| 3/3 | 0.021 | 0.125 |"), md);
        assertTrue(md.contains("| `uniform` | PyTorch | two-stage | 3 | — | — |"), md);
        // per-class TPR, the baseline beside each strategy: cat (0.90+0.88+0.92)/3,
        // (0.85+0.84+0.86)/3, ...
        assertTrue(md.contains("| class | `uniform` | `mean-ratio:gamma=2` | `difficulty` |"), md);
        assertTrue(md.contains("| cat | 0.9000 | 0.8500 | 0.8900 |"), md);
        assertTrue(md.contains("### D per seed (test split)"), md);
        assertTrue(
                md.contains(
                        "| `mean-ratio:gamma=2` | 1 | 1 | 0.0150 | 0.00380 | 0.0112 | +0.0200 |"),
                md);
        assertTrue(!md.contains("### D per round"), "two-stage has no rounds to show");
        for (String png :
                List.of(
                        "tpr.png",
                        "weights.png",
                        "tradeoff.png",
                        "forest.png",
                        "variance.png",
                        "confusion-uniform.png",
                        "confusion-mean-ratio-gamma-2.png",
                        "confusion-difficulty.png")) {
            assertTrue(md.contains("](" + png + ")"), "links " + png);
        }
        assertTrue(!md.contains("## Notes"), md);
    }

    @Test
    void collapsedModelsAndWeakBaselinesAreListedInWarningsAtTheTop() {
        String clean = MarkdownReport.markdown(Analysis.of(SyntheticRuns.twoStage()));
        assertFalse(clean.contains("## Warnings"), "nothing to warn of, no section");

        List<RunRecord> runs = new ArrayList<>(SyntheticRuns.twoStage());
        int weighted = 1; // PyTorch seed 1, mean-ratio:gamma=2
        RunRecord model = runs.get(weighted);
        assertEquals("PyTorch/1/two-stage/mean-ratio:gamma=2/1", model.key());
        runs.set(weighted, SyntheticRuns.collapsed(model, new Collapse(0.80, 0.41, 0.05)));
        // a weak baseline: validation TPRs 0.90, 0.90, 0.05 (the test TPRs less 0.02)
        runs.add(
                SyntheticRuns.run(
                        "PyTorch",
                        9,
                        "two-stage",
                        "uniform",
                        0,
                        new double[] {1, 1, 1},
                        0.92,
                        0.92,
                        0.07));
        String md = MarkdownReport.markdown(Analysis.of(runs));
        int warnings = md.indexOf("## Warnings\n");
        assertTrue(warnings > 0 && warnings < md.indexOf("## How to read this"), md);
        double[] w = model.weightsUsed().values();
        double min = Arrays.stream(w).min().orElseThrow();
        double max = Arrays.stream(w).max().orElseThrow();
        assertTrue(
                md.contains(
                        String.format(
                                Locale.ROOT,
                                "| `mean-ratio:gamma=2` (two-stage) | PyTorch | 1 | 0.8000 → 0.4100 |"
                                        + " 0.3900 | %.3g – %.3g | %.1f |",
                                min,
                                max,
                                max / min)),
                md);
        assertTrue(md.contains("`--max-weight-ratio 2`"), "what helps: " + md);
        assertTrue(
                md.contains(
                        "| PyTorch | 9 | 0.6167 | accuracy 0.617 < 2 x chance (0.667), bird TPR"
                                + " 0.050 < 0.1 |"),
                "the weak baseline, accuracy (0.90 + 0.90 + 0.05) / 3: " + md);
    }

    @Test
    void mixedModesAndEnginesAreNamedApartAndShownSideBySide() {
        Analysis analysis = Analysis.of(SyntheticRuns.mixed());
        Set<String> files =
                new TreeSet<>(ChartNames.of(analysis.groups().get(0), false).confusion().values());
        assertTrue(
                files.containsAll(
                        List.of(
                                "confusion-uniform-two-stage-pytorch.png",
                                "confusion-uniform-two-stage-mxnet.png",
                                "confusion-mean-ratio-gamma-2-two-stage-mxnet.png",
                                "confusion-shifted-power-gamma-4-iterative-pytorch.png",
                                "confusion-mean-ratio-gamma-1-dynamic-pytorch.png")),
                files.toString());
        assertEquals(7, files.size());
        assertEquals(8, csvRows(SummaryTable.csv(analysis)).size(), "7 arms");
        String md = MarkdownReport.markdown(analysis);
        assertTrue(md.contains("Runs of several engines are shown side by side"), md);
        assertTrue(md.contains("### D per round"), md);
        // round 1: D mean 19/3750, CI with t_{0.975,1}
        assertTrue(
                md.contains(
                        "| `shifted-power:gamma=4 (iterative, PyTorch)` | 1 | 2 | 0.00507 [-0.0161, 0.0262] |"),
                md);
        // the dynamic arm has one seed: no interval, no t-test
        assertTrue(
                md.contains("| `mean-ratio:gamma=1` | PyTorch | dynamic | 1 | 0.00884 [n/a] |"),
                md);
        assertTrue(md.contains("| 1/1 | n/a | 0.500 |"), md);
    }

    @Test
    void severalDataSetsOrModelsGetQualifiedChartNames() {
        List<RunRecord> runs = new ArrayList<>(SyntheticRuns.twoStage());
        for (RunRecord r : SyntheticRuns.twoStage()) {
            runs.add(
                    SyntheticRuns.with(
                            r,
                            o -> {
                                o.addProperty("key", r.key() + "/other");
                                o.getAsJsonObject("provenance").addProperty("model", "other-model");
                            }));
        }
        Analysis analysis = Analysis.of(runs);
        assertEquals(2, analysis.groups().size());
        ChartNames first = ChartNames.of(analysis.groups().get(0), true);
        ChartNames second = ChartNames.of(analysis.groups().get(1), true);
        assertEquals("tpr-synthetic-cnn-small.png", first.tpr());
        assertEquals("tpr-synthetic-other-model.png", second.tpr());
        assertEquals(
                "confusion-difficulty-synthetic-other-model.png",
                second.confusion().get(analysis.groups().get(1).arms().get(2).arm()));
        String md = MarkdownReport.markdown(analysis);
        assertTrue(
                md.contains("## synthetic, other-model")
                        && md.contains("](tpr-synthetic-other-model.png)"),
                md);
    }

    @Test
    void rebuildsFromRunsJsonlAndNamesTheFileInErrors() throws IOException {
        Path runs = dir.resolve(RunsFile.NAME);
        SyntheticRuns.twoStage().forEach(r -> RunsFile.append(runs, r));
        ReportFiles files = ReportWriter.write(dir, warning -> {});
        assertTrue(files.all().stream().allMatch(Files::isRegularFile));

        Path missing = dir.resolve("absent");
        assertEquals(
                missing + ": no such directory",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> ReportWriter.write(missing, warning -> {}))
                        .getMessage());
        Path empty = Files.createDirectory(dir.resolve("empty"));
        assertEquals(
                empty.resolve("runs.jsonl") + ": no such file; the run command writes it",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> ReportWriter.write(empty, warning -> {}))
                        .getMessage());
        Path weightedOnly = Files.createDirectory(dir.resolve("weighted"));
        SyntheticRuns.twoStage().stream()
                .filter(r -> !r.isBaseline())
                .forEach(r -> RunsFile.append(weightedOnly.resolve(RunsFile.NAME), r));
        assertEquals(
                weightedOnly.resolve("runs.jsonl")
                        + ": no baseline run (strategy uniform, round 0) to compare the strategies with",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> ReportWriter.write(weightedOnly, warning -> {}))
                        .getMessage());
    }

    @Test
    void fileNamesAreSafe() {
        assertEquals("mean-ratio-gamma-2", ChartNames.slug("mean-ratio:gamma=2"));
        assertEquals("mean-ratio-gamma-2", ChartNames.slug("mean-ratio_gamma=2"));
        assertEquals(
                "shifted-power-gamma-0.5-eps-1e-3",
                ChartNames.slug("shifted-power:gamma=0.5,eps=1e-3"));
        assertEquals("x", ChartNames.slug("::"));
        assertEquals("mxnet", ChartNames.slug("MXNet"));
    }

    @Test
    void aNewReportRemovesChartsTheOldOneWroteAndThisOneDoesNot() throws IOException {
        ReportWriter.write(dir, SyntheticRuns.twoStage());
        assertTrue(filesIn(dir).contains("confusion-uniform.png"));
        Files.writeString(dir.resolve("notes.png.txt"), "mine");
        ReportFiles files = ReportWriter.write(dir, SyntheticRuns.mixed());
        Set<String> after = filesIn(dir);
        assertTrue(after.contains("confusion-uniform-two-stage-pytorch.png"), after.toString());
        assertTrue(!after.contains("confusion-uniform.png"), "stale chart removed: " + after);
        assertTrue(after.contains("notes.png.txt"), "other files stay");
        for (Path chart : files.charts()) {
            assertTrue(Files.exists(chart), chart.toString());
        }
    }
}
