package org.learnability.experiments.report;

import static org.learnability.experiments.report.ChartStyle.BASELINE;
import static org.learnability.experiments.report.ChartStyle.PALETTE;
import static org.learnability.experiments.report.ChartStyle.lighter;

import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.GeneralPath;
import java.awt.geom.Rectangle2D;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jfree.chart.util.ShapeUtils;
import org.learnability.experiments.stats.Arm;
import org.learnability.experiments.stats.ArmResult;
import org.learnability.experiments.stats.ModelGroup;

/**
 * How each arm of a group is drawn in every chart: a colour and a marker, no pair used twice. Where
 * the group's strategies fit the {@link ChartStyle#PALETTE} and its modes (with engines) the {@link
 * #SHAPES}, the colour tells the strategy (grey the baseline) and the marker the mode and engine,
 * so that the arms of one mode read as a set; otherwise the arms take the pairs in turn, the
 * colours first, then the next marker, then lighter colours.
 */
final class ArmMarks {

    /**
     * The markers, 12 pixels across: circle, square, triangle up, diamond, triangle down, cross.
     */
    static final List<Shape> SHAPES =
            List.of(
                    new Ellipse2D.Double(-6, -6, 12, 12),
                    new Rectangle2D.Double(-5.5, -5.5, 11, 11),
                    triangle(1),
                    ShapeUtils.createDiamond(7),
                    triangle(-1),
                    ShapeUtils.createDiagonalCross(6, 1.8f));

    /**
     * An arm's look.
     *
     * @param color its colour
     * @param shape its marker
     */
    record Mark(Color color, Shape shape) {}

    private ArmMarks() {}

    /**
     * Gives every arm of a group its colour and marker.
     *
     * @param group the data set and model
     * @param names the arms' names
     * @return a distinct pair per arm
     */
    static Map<Arm, Mark> of(ModelGroup group, ArmNames names) {
        List<Arm> arms = group.arms().stream().map(ArmResult::arm).toList();
        List<String> strategies =
                arms.stream().filter(a -> !a.baseline()).map(names::strategy).distinct().toList();
        List<String> kinds = arms.stream().map(ArmMarks::kind).distinct().toList();
        Map<Arm, Mark> marks = new LinkedHashMap<>();
        Set<Mark> used = new HashSet<>();
        if (strategies.size() <= PALETTE.size() && kinds.size() <= SHAPES.size()) {
            for (Arm arm : arms) {
                Color color =
                        arm.baseline()
                                ? BASELINE
                                : PALETTE.get(strategies.indexOf(names.strategy(arm)));
                Mark mark = new Mark(color, SHAPES.get(kinds.indexOf(kind(arm))));
                marks.put(arm, mark);
                used.add(mark);
            }
            if (used.size() == arms.size()) {
                return marks;
            }
            marks.clear();
        }
        int pairs = PALETTE.size() * SHAPES.size();
        for (int i = 0; i < arms.size(); i++) {
            Color color = lighter(PALETTE.get(i % PALETTE.size()), i / pairs);
            marks.put(arms.get(i), new Mark(color, SHAPES.get(i / PALETTE.size() % SHAPES.size())));
        }
        return marks;
    }

    /**
     * Tells whether the arms of a chart can be told apart by colour alone.
     *
     * @param marks the arms' marks
     * @param arms the arms the chart draws
     * @return {@code true} if no two have one colour
     */
    static boolean coloursDiffer(Map<Arm, Mark> marks, List<ArmResult> arms) {
        return arms.stream().map(a -> marks.get(a.arm()).color()).distinct().count() == arms.size();
    }

    private static String kind(Arm arm) {
        return arm.mode() + "/" + arm.engine();
    }

    /** A triangle 12 pixels across, pointing up (1) or down (-1). */
    private static Shape triangle(int up) {
        GeneralPath path = new GeneralPath();
        path.moveTo(0, -6 * up);
        path.lineTo(6.5, 5 * up);
        path.lineTo(-6.5, 5 * up);
        path.closePath();
        return path;
    }
}
