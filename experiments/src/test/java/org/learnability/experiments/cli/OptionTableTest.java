package org.learnability.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.learnability.experiments.app.ModeDiscovery;
import org.learnability.experiments.app.ModeModule;
import org.learnability.experiments.io.Json;
import org.learnability.experiments.mode.ExperimentMode;
import org.learnability.experiments.plan.PlanSchema;
import org.learnability.experiments.plan.Preset;
import org.learnability.experiments.setting.Settings;
import org.learnability.runner.registry.Registry;
import org.learnability.runner.wiring.StrategyModule;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The guide's table of {@code run}'s options ({@code docs/running-experiments.md}, columns {@code
 * option}, {@code meaning} and one per preset) against the declarations: a row for every plan
 * option, the modes' own included, showing each preset's value as {@code run --help} shows it, and
 * in its meaning what a mode sets it to; a column for every preset; no row for an option {@code
 * run} does not have.
 */
class OptionTableTest {

    private static final Path GUIDE = Path.of("..", "docs", "running-experiments.md");

    @Test
    void everyPlanOptionHasARowShowingEveryPresetsValue() throws IOException {
        PlanSchema schema = ModeDiscovery.schema(new String[0], List.of());
        Map<Preset, JsonObject> presets = HelpValues.presets(schema);
        Table table = Table.read(GUIDE);
        assertEquals(
                Arrays.stream(Preset.values()).map(Preset::toString).toList(),
                table.presets(),
                GUIDE + ": the table's columns after option and meaning are the presets");

        List<String> wrong = new ArrayList<>();
        for (Settings.Declaration d : schema.declarations()) {
            if (!d.setting().flag()) {
                continue;
            }
            Map<String, String> row = table.rows().get(d.option());
            if (row == null) {
                wrong.add(d.option() + ": no row");
                continue;
            }
            for (Preset p : Preset.values()) {
                JsonElement value = presets.get(p).get(d.key());
                String cell = row.get(p.toString());
                if (!shows(d, cell, value)) {
                    wrong.add(
                            d.option()
                                    + " under "
                                    + p
                                    + ": '"
                                    + cell
                                    + "', expected '"
                                    + HelpValues.shown(d, value).orElse("").replace("%%", "%")
                                    + "'");
                }
            }
        }
        assertEquals(List.of(), wrong, GUIDE + ": rows that do not show the presets' values");
    }

    @Test
    void whatAModeSetsAnOptionToIsInItsRow() throws IOException {
        PlanSchema schema = ModeDiscovery.schema(new String[0], List.of());
        Table table = Table.read(GUIDE);
        for (ExperimentMode mode : modes()) {
            mode.defaults()
                    .forEach(
                            (key, value) -> {
                                Settings.Declaration d =
                                        schema.byOption(schema.option(key)).orElseThrow();
                                String text =
                                        "--mode "
                                                + mode.name()
                                                + ": "
                                                + HelpValues.shown(d, Json.GSON.toJsonTree(value))
                                                        .orElseThrow();
                                assertTrue(
                                        table.meanings().get(d.option()).contains(text),
                                        d.option() + "'s meaning says " + text);
                            });
        }
    }

    @Test
    void everyRowIsAnOptionOfRunAndOnlyPlanOptionsHavePresetValues() throws IOException {
        PlanSchema schema = ModeDiscovery.schema(new String[0], List.of());
        Set<String> own = new TreeSet<>();
        for (OptionSpec o : CommandSpec.forAnnotatedObject(new RunCommand()).options()) {
            own.addAll(Arrays.asList(o.names()));
        }
        for (Map.Entry<String, Map<String, String>> row : Table.read(GUIDE).rows().entrySet()) {
            String option = row.getKey();
            boolean plan = schema.byOption(option).filter(d -> d.setting().flag()).isPresent();
            assertTrue(plan || own.contains(option), option + " is not an option of run");
            if (!plan) {
                for (Preset p : Preset.values()) {
                    assertEquals(
                            "",
                            row.getValue().get(p.toString()),
                            option + " is not a plan option: no preset sets it");
                }
            }
        }
    }

    /** The registered modes, put together as a command line does, without an engine. */
    private static List<ExperimentMode> modes() {
        return Guice.createInjector(new ModeModule(), new StrategyModule(null))
                .getInstance(Key.get(new TypeLiteral<Registry<ExperimentMode>>() {}))
                .all();
    }

    /**
     * Tells whether a cell shows a value: in its command-line form, as help shows it, or as a word
     * the option takes for it ({@code none} for 0); empty where help shows nothing.
     */
    private static boolean shows(Settings.Declaration d, String cell, JsonElement value) {
        String shown = HelpValues.shown(d, value).orElse("").replace("%%", "%");
        if (cell.equals(shown)) {
            return true;
        }
        for (String word : d.setting().words()) {
            String[] parts = word.split("=", 2);
            if (cell.equals(parts[0]) && JsonParser.parseString(parts[1]).equals(value)) {
                return true;
            }
            if (cell.equals(parts[0])
                    && value.isJsonPrimitive()
                    && value.getAsJsonPrimitive().isNumber()
                    && JsonParser.parseString(parts[1]).getAsDouble() == value.getAsDouble()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The markdown table whose header starts {@code | option | meaning |}: each row by the option
     * its first cell names (the first word of its first code span, {@code [no-]} left out), the
     * preset columns' cells by the column's name, code spans' backticks removed.
     */
    private record Table(
            List<String> presets,
            Map<String, Map<String, String>> rows,
            Map<String, String> meanings) {

        static Table read(Path file) throws IOException {
            List<String> lines = Files.readAllLines(file);
            int header = -1;
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).replace(" ", "").startsWith("|option|meaning|")) {
                    assertEquals(-1, header, file + ": one table of options");
                    header = i;
                }
            }
            assertTrue(header >= 0, file + ": a table whose header is | option | meaning | ...");
            List<String> columns =
                    cells(lines.get(header)).stream().map(c -> c.replace("`", "")).toList();
            List<String> presets = columns.subList(2, columns.size());
            Map<String, Map<String, String>> rows = new LinkedHashMap<>();
            Map<String, String> meanings = new LinkedHashMap<>();
            for (int i = header + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
                List<String> cells = cells(lines.get(i));
                assertEquals(columns.size(), cells.size(), file + ":" + (i + 1) + ": cells");
                String first = cells.get(0);
                int tick = first.indexOf('`');
                assertTrue(tick >= 0, file + ":" + (i + 1) + ": the option in backticks");
                String option =
                        first.substring(tick + 1, first.indexOf('`', tick + 1))
                                .split(" ")[0]
                                .replace("[no-]", "");
                Map<String, String> byPreset = new LinkedHashMap<>();
                for (int c = 2; c < columns.size(); c++) {
                    byPreset.put(columns.get(c), cells.get(c).replace("`", ""));
                }
                assertNotNull(option);
                meanings.put(option, cells.get(1).replace("`", ""));
                assertEquals(null, rows.put(option, byPreset), file + ": two rows for " + option);
            }
            return new Table(List.copyOf(presets), rows, meanings);
        }

        /** The cells of a table line, trimmed; {@code \|} is a bar inside a cell. */
        private static List<String> cells(String line) {
            List<String> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            String inner = line.trim();
            inner = inner.substring(1, inner.endsWith("|") ? inner.length() - 1 : inner.length());
            for (int i = 0; i < inner.length(); i++) {
                char ch = inner.charAt(i);
                if (ch == '\\' && i + 1 < inner.length() && inner.charAt(i + 1) == '|') {
                    cell.append('|');
                    i++;
                } else if (ch == '|') {
                    cells.add(cell.toString().trim());
                    cell.setLength(0);
                } else {
                    cell.append(ch);
                }
            }
            cells.add(cell.toString().trim());
            return cells;
        }
    }
}
