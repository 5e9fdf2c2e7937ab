package org.learnability.experiments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.title.TextTitle;
import org.junit.jupiter.api.Test;
import org.learnability.experiments.stats.Analysis;
import org.learnability.experiments.stats.ModelGroup;
import org.learnability.experiments.stats.Recommendation;
import org.learnability.experiments.stats.SyntheticRuns;

/** The forest chart's legend and subtitle name a recommended arm only where there is one. */
class ForestChartTest {

    private static final ModelGroup GROUP = Analysis.of(SyntheticRuns.twoStage()).groups().get(0);

    @Test
    void aRecommendedArmIsStarredAndHasItsLegendEntry() {
        List<Recommendation> recommendations = Recommendation.of(GROUP, 0.005);
        assertTrue(recommendations.stream().anyMatch(r -> !r.chosen().isEmpty()));
        JFreeChart chart = ForestChart.of(GROUP, recommendations);
        assertEquals(
                List.of("arm (mean, 95% interval)", "recommended (chosen on validation)"),
                legend(chart));
        assertTrue(subtitles(chart).contains("★ recommended on the validation split"));
    }

    @Test
    void withNoRecommendedArmTheLegendHasNoRecommendedEntry() {
        JFreeChart chart = ForestChart.of(GROUP, List.of());
        assertEquals(List.of("arm (mean, 95% interval)"), legend(chart));
        String subtitles = subtitles(chart);
        assertTrue(subtitles.contains("no arm recommended on the validation split"), subtitles);
        assertFalse(subtitles.contains("★"), subtitles);
    }

    private static List<String> legend(JFreeChart chart) {
        LegendItemCollection items = chart.getXYPlot().getLegendItems();
        return IntStream.range(0, items.getItemCount())
                .mapToObj(i -> items.get(i).getLabel())
                .toList();
    }

    private static String subtitles(JFreeChart chart) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            if (chart.getSubtitle(i) instanceof TextTitle title) {
                text.append(title.getText()).append('\n');
            }
        }
        return text.toString();
    }
}
