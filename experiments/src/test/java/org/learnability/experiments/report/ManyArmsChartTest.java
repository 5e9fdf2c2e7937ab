package org.learnability.experiments.report;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.entity.CategoryItemEntity;
import org.jfree.chart.entity.ChartEntity;
import org.jfree.chart.entity.LegendItemEntity;
import org.jfree.chart.entity.XYItemEntity;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.AbstractRenderer;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learnability.experiments.record.OldLines;
import org.learnability.experiments.record.RunRecord;
import org.learnability.experiments.stats.Analysis;
import org.learnability.experiments.stats.ModelGroup;
import org.learnability.experiments.stats.SyntheticRuns;

/**
 * The charts of a study of 19 arms whose names are long: every setting of the recipe on every arm,
 * a fine-tune's learning rate on the arms of two modes, and one arm with every weighting setting.
 * Each chart, rendered at the size the report writes it, must draw every arm inside its plot area,
 * no legend entry cut or over the plot, its axis labels whole, and no two arms alike.
 */
class ManyArmsChartTest {

    private static final List<String> STRATEGIES =
            List.of(
                    "mean-ratio:gamma=2",
                    "difficulty:tau=dynamic",
                    "shifted-power:gamma=0.5,eps=0.001",
                    "confusion");

    /** The settings of the recipe every arm trained with. */
    private static final Consumer<JsonObject> RECIPE =
            o -> {
                o.addProperty("schedule", "linear");
                o.addProperty("averaging", "ema:decay=0.999");
                o.addProperty("warmup", 0.15);
                o.addProperty("labelSmoothing", 0.1);
                o.addProperty("testTime", "flip");
            };

    @TempDir Path dir;

    private static RunRecord run(int seed, String mode, String strategy, int round, int arm) {
        return run(seed, mode, strategy, round, arm, mode.endsWith("posthoc"));
    }

    /**
     * A run of the study; with {@code offsets} it records a post-hoc part with its trade-off
     * frontier, whose test sd narrows with the budget, more for some arms than for others.
     */
    private static RunRecord run(
            int seed, String mode, String strategy, int round, int arm, boolean offsets) {
        double shift = 0.01 * (arm % 7) + 0.005 * seed;
        RunRecord r =
                SyntheticRuns.run(
                        "PyTorch",
                        seed,
                        mode,
                        strategy,
                        round,
                        round == 0 ? new double[] {1, 1, 1} : new double[] {0.8, 1.3, 0.9},
                        0.90 - shift,
                        0.60 + 2 * shift,
                        0.75 + shift / 2);
        return OldLines.withFlat(
                r,
                o -> {
                    RECIPE.accept(o);
                    if (mode.startsWith("finetune")) {
                        o.add(
                                "finetune",
                                JsonParser.parseString("{\"epochs\": 1, \"learningRate\": 0.01}"));
                        o.addProperty("wallSeconds", 30 + arm);
                    }
                    if (offsets && round > 0) {
                        o.add("posthoc", posthoc(arm, seed));
                    }
                    if (arm == 3) {
                        o.add(
                                "weighting",
                                JsonParser.parseString(
                                        "{\"loss\": \"focal:gamma=2\", \"apply\": \"sampling\","
                                                + " \"weightEma\": 0.5, \"uniformMix\": 0.1,"
                                                + " \"warmupEpochs\": 3, \"maxWeightRatio\": 5,"
                                                + " \"scoreEpochs\": 3}"));
                    }
                });
    }

    /** A post-hoc part whose frontier reaches a test sd of 0.12 to 0.05 over the budgets. */
    private static JsonObject posthoc(int arm, int seed) {
        JsonObject part = new JsonObject();
        part.addProperty("temperature", 1.0);
        part.add("offsets", JsonParser.parseString("[-0.1, 0.2, -0.1]"));
        JsonArray frontier = new JsonArray();
        double[] budgets = {0, 0.0025, 0.005, 0.01, 0.02};
        for (int b = 0; b < budgets.length; b++) {
            JsonObject point = new JsonObject();
            point.addProperty("budget", budgets[b]);
            point.addProperty("temperature", 0.5 * b);
            point.addProperty("validationAccuracy", 0.75 - budgets[b] / 2);
            point.addProperty("validationSd", 0.12 - 0.01 * b);
            point.addProperty("testAccuracy", 0.75 - budgets[b] / 2 - 0.001 * seed);
            point.addProperty("testSd", 0.12 - (0.008 + 0.0006 * (arm % 19)) * b);
            frontier.add(point);
        }
        part.add("frontier", frontier);
        return part;
    }

    /** 19 arms: the baseline, 4 two-stage, 4 posthoc, 5 finetune and 5 finetune+posthoc arms. */
    static List<RunRecord> study() {
        return study(false);
    }

    /**
     * The study of 19 arms.
     *
     * @param everyArmOffsets whether every weighted arm records an offsets frontier (18 lines), not
     *     only the post-hoc ones (9)
     */
    static List<RunRecord> study(boolean everyArmOffsets) {
        List<RunRecord> runs = new ArrayList<>();
        for (int seed = 1; seed <= 3; seed++) {
            int arm = 0;
            runs.add(run(seed, "two-stage", RunRecord.BASELINE, 0, arm++));
            for (String mode : List.of("two-stage", "posthoc", "finetune", "finetune+posthoc")) {
                boolean offsets = everyArmOffsets || mode.endsWith("posthoc");
                if (mode.startsWith("finetune")) {
                    runs.add(run(seed, mode, RunRecord.BASELINE, 1, arm++, offsets));
                }
                for (String strategy : STRATEGIES) {
                    runs.add(run(seed, mode, strategy, 1, arm++, offsets));
                }
            }
        }
        return runs;
    }

    @Test
    void everyChartDrawsEveryArmInsideItsPlotWithWholeLegendAndLabels() {
        Analysis analysis = Analysis.of(study());
        ModelGroup group = analysis.groups().get(0);
        assertEquals(19, group.arms().size());
        List<ChartFile> charts = ReportCharts.of(analysis, group, ChartNames.of(group, false));
        Set<String> names = new HashSet<>();
        charts.forEach(c -> names.add(c.name().replaceAll("-.*", "")));
        assertEquals(
                Set.of(
                        "tpr.png",
                        "weights.png",
                        "tradeoff.png",
                        "cost.png",
                        "forest.png",
                        "frontier.png",
                        "variance.png",
                        "confusion"),
                names,
                "every kind of chart");
        assertAll(charts.stream().map(chart -> () -> readable(chart)));
    }

    @Test
    void theFrontierOfEighteenArmsIsReadable() {
        Analysis analysis = Analysis.of(study(true));
        ModelGroup group = analysis.groups().get(0);
        List<ChartFile> frontier =
                ReportCharts.of(analysis, group, ChartNames.of(group, false)).stream()
                        .filter(c -> c.name().equals("frontier.png"))
                        .toList();
        assertEquals(1, frontier.size());
        assertEquals(
                18, ((XYPlot) frontier.get(0).chart().getPlot()).getDataset().getSeriesCount());
        readable(frontier.get(0));
    }

    @Test
    void theChartsOfSmallerStudiesAreReadableToo() {
        for (List<RunRecord> runs : List.of(SyntheticRuns.twoStage(), SyntheticRuns.mixed())) {
            Analysis analysis = Analysis.of(runs);
            ModelGroup group = analysis.groups().get(0);
            assertAll(
                    ReportCharts.of(analysis, group, ChartNames.of(group, false)).stream()
                            .map(chart -> () -> readable(chart)));
        }
    }

    @Test
    void armsAreNamedByWhatTellsThemApart() throws IOException {
        Analysis analysis = Analysis.of(study());
        ModelGroup group = analysis.groups().get(0);
        ArmNames names = ArmNames.of(group);
        assertEquals(
                "every arm: schedule=linear, averaging=ema:decay=0.999, warmup=0.15,"
                        + " label-smoothing=0.1, test-time=flip; arms of modes finetune,"
                        + " finetune+posthoc: finetune-lr=0.01",
                names.sharedText(s -> s, group.modes()));
        List<String> labels = group.arms().stream().map(a -> names.label(a.arm())).toList();
        assertEquals("uniform (two-stage)", labels.get(0));
        assertTrue(labels.contains("mean-ratio:gamma=2 (finetune+posthoc)"), labels.toString());
        assertTrue(
                labels.contains(
                        "shifted-power:gamma=0.5,eps=0.001 [loss=focal:gamma=2;apply=sampling;"
                                + "ema=0.5;mix=0.1;warmup=3;max-ratio=5;score-epochs=3]"
                                + " (two-stage)"),
                "what differs stays: " + labels);
        assertEquals(19, new HashSet<>(labels).size(), "every arm named apart");

        ChartNames files = ChartNames.of(group, false);
        assertEquals(19, new HashSet<>(files.confusion().values()).size());
        for (String file : files.confusion().values()) {
            assertTrue(
                    file.length() <= "confusion-".length() + ChartNames.LONGEST + ".png".length(),
                    file);
            assertFalse(file.contains("schedule"), file);
        }
        assertTrue(
                files.confusion()
                        .containsValue("confusion-mean-ratio-gamma-2-finetune-posthoc.png"),
                files.confusion().toString());

        // the report states the shared settings once, and its writer owns its charts: a chart of
        // the old long names is removed
        Path stale =
                dir.resolve(
                        "confusion-mean-ratio-gamma-2-finetune-lr-0.01-schedule-linear-averaging"
                                + "-ema-decay-0.999-warmup-0.15-label-smoothing-0.1-test-time-flip"
                                + "-finetune.png");
        Files.write(stale, new byte[] {1});
        ReportWriter.write(dir, study());
        assertFalse(Files.exists(stale));
        String md = Files.readString(dir.resolve(MarkdownReport.FILE));
        assertTrue(
                md.contains(
                        "Settings the arms share, left out of their names: every arm:"
                                + " `schedule=linear`, `averaging=ema:decay=0.999`,"),
                md);
        assertFalse(md.contains("[finetune-lr=0.01;schedule=linear"), md);
    }

    /**
     * Renders a chart at its size and checks it from its rendering info: a plot area of a readable
     * size, every item of every data set drawn inside it, every legend entry inside the image and
     * off the plot, every axis label whole, and no two series of one look.
     */
    static void readable(ChartFile file) {
        ChartRenderingInfo info = new ChartRenderingInfo();
        file.chart().createBufferedImage(file.width(), file.height(), info);
        Rectangle2D image = new Rectangle2D.Double(0, 0, file.width(), file.height());
        Rectangle2D data = info.getPlotInfo().getDataArea();
        String name = file.name() + " (" + file.width() + "x" + file.height() + ")";
        assertTrue(
                data.getWidth() >= 300 && data.getHeight() >= 150,
                name + ": the plot area is " + data);
        Plot plot = file.chart().getPlot();
        int items = 0;
        int legendEntries = 0;
        for (Object o : info.getEntityCollection().getEntities()) {
            ChartEntity e = (ChartEntity) o;
            Rectangle2D box = e.getArea().getBounds2D();
            if (e instanceof XYItemEntity || e instanceof CategoryItemEntity) {
                assertTrue(
                        data.contains(box.getCenterX(), box.getCenterY()),
                        name + ": an item outside the plot " + data + " at " + box);
                items++;
            } else if (e instanceof LegendItemEntity) {
                assertTrue(image.contains(box), name + ": a legend entry is cut: " + box);
                assertFalse(box.intersects(data), name + ": a legend entry covers the plot");
                legendEntries++;
            }
        }
        assertEquals(itemCount(plot), items, name + ": every item drawn inside the plot area");
        if (file.chart().getLegend() != null) {
            assertEquals(plot.getLegendItems().getItemCount(), legendEntries, name);
        }
        for (Axis axis : axes(plot)) {
            wholeLabel(name, axis, data, image, vertical(plot, axis));
        }
        distinctSeries(name, plot);
    }

    private static int itemCount(Plot plot) {
        int n = 0;
        if (plot instanceof XYPlot xy) {
            for (int d = 0; d < xy.getDatasetCount(); d++) {
                XYDataset dataset = xy.getDataset(d);
                for (int s = 0; dataset != null && s < dataset.getSeriesCount(); s++) {
                    n += dataset.getItemCount(s);
                }
            }
        } else if (plot instanceof CategoryPlot cat) {
            for (int d = 0; d < cat.getDatasetCount(); d++) {
                CategoryDataset dataset = cat.getDataset(d);
                if (dataset != null) {
                    n += dataset.getRowCount() * dataset.getColumnCount();
                }
            }
        }
        return n;
    }

    private static List<Axis> axes(Plot plot) {
        if (plot instanceof XYPlot xy) {
            return List.of(xy.getDomainAxis(), xy.getRangeAxis());
        }
        CategoryPlot cat = (CategoryPlot) plot;
        return List.of(cat.getDomainAxis(), cat.getRangeAxis());
    }

    private static boolean vertical(Plot plot, Axis axis) {
        boolean domain =
                plot instanceof XYPlot xy
                        ? axis == xy.getDomainAxis()
                        : axis == ((CategoryPlot) plot).getDomainAxis();
        PlotOrientation o =
                plot instanceof XYPlot xy
                        ? xy.getOrientation()
                        : ((CategoryPlot) plot).getOrientation();
        return domain == (o == PlotOrientation.HORIZONTAL);
    }

    /** An axis label, centred on the plot area along its axis, lies inside the image. */
    private static void wholeLabel(
            String name, Axis axis, Rectangle2D data, Rectangle2D image, boolean vertical) {
        if (axis.getLabel() == null || !axis.isVisible()) {
            return;
        }
        Font font = axis.getLabelFont();
        Graphics2D g2 = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        double length = g2.getFontMetrics(font).stringWidth(axis.getLabel());
        g2.dispose();
        double centre = vertical ? data.getCenterY() : data.getCenterX();
        double end = vertical ? image.getHeight() : image.getWidth();
        assertTrue(
                centre - length / 2 >= 0 && centre + length / 2 <= end,
                name + ": the axis label '" + axis.getLabel() + "' is cut");
    }

    /** No two series of a data set drawn alike: each arm its own colour and marker. */
    private static void distinctSeries(String name, Plot plot) {
        AbstractRenderer renderer;
        int series;
        if (plot instanceof XYPlot xy) {
            renderer = (AbstractRenderer) xy.getRenderer();
            series = xy.getDataset().getSeriesCount();
        } else {
            CategoryPlot cat = (CategoryPlot) plot;
            renderer = (AbstractRenderer) cat.getRenderer();
            series = cat.getDataset().getRowCount();
        }
        Set<Map.Entry<Paint, Shape>> looks = new HashSet<>();
        for (int s = 0; s < series; s++) {
            looks.add(Map.entry(renderer.lookupSeriesPaint(s), renderer.lookupSeriesShape(s)));
        }
        assertEquals(series, looks.size(), name + ": two series drawn alike");
    }
}
