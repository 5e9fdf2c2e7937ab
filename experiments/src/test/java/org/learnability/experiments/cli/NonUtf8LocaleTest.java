package org.learnability.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learnability.experiments.testing.CliRun;
import org.learnability.experiments.testing.JavaCommand;
import org.learnability.experiments.testing.OneEngineTest;

/**
 * A JVM started without a UTF-8 locale (LANG and LC_ALL unset, LC_ALL=C: cron, minimal containers)
 * decodes file names and arguments as ASCII (issue 33, item 9): a class folder {@code été} and an
 * {@code --out} with accents are one {@code error:} line naming the cause and the remedy, with
 * nothing written; under {@code LC_CTYPE=C.UTF-8}, which {@code bin/learnability} sets for such a
 * locale ({@link LauncherLocaleTest}), the same folder trains.
 */
@OneEngineTest
class NonUtf8LocaleTest {

    private static final String REMEDY = "; start it under a UTF-8 locale, e.g. LANG=C.UTF-8\n";

    @TempDir Path dir;

    private Path images;

    @BeforeEach
    void writeImages() throws IOException {
        assumeTrue(
                "UTF-8".equals(System.getProperty("sun.jnu.encoding")),
                "the test's own JVM must write the names été");
        images = dir.resolve("images");
        for (String name : List.of("été", "hiver")) {
            Path classFolder = Files.createDirectories(images.resolve(name));
            for (int i = 0; i < 6; i++) {
                BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY);
                int value = name.equals("hiver") ? 40 + i : 180 + i;
                for (int y = 0; y < 8; y++) {
                    for (int x = 0; x < 8; x++) {
                        image.getRaster().setSample(x, y, 0, value);
                    }
                }
                ImageIO.write(image, "png", classFolder.resolve(i + ".png").toFile());
            }
        }
        Files.createDirectories(dir.resolve("plugins"));
    }

    private List<String> runArgs(Path out) {
        return List.of(
                "run",
                "--no-progress",
                "--dataset",
                "image-folder",
                "--data-dir",
                images.toString(),
                "--model",
                "cnn-small",
                "--test-size",
                "4",
                "--val-size",
                "4",
                "--epochs",
                "1",
                "--seeds",
                "1",
                "--devices",
                "cpu",
                "--strategies",
                "mean-ratio:gamma=2",
                "--plugins",
                dir.resolve("plugins").toString(),
                "--out",
                out.toString());
    }

    /** Runs the command line in a JVM of its own under a locale; ASCII output read as such. */
    private CliRun java(Map<String, String> locale, List<String> args)
            throws IOException, InterruptedException {
        ProcessBuilder builder =
                new ProcessBuilder(JavaCommand.of(Main.class, args))
                        .redirectOutput(dir.resolve("java.out").toFile())
                        .redirectError(dir.resolve("java.err").toFile());
        for (String name : List.of("LANG", "LANGUAGE", "LC_ALL", "LC_CTYPE")) {
            builder.environment().remove(name);
        }
        builder.environment().putAll(locale);
        Process process = builder.start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "finishes");
        return new CliRun(
                process.exitValue(),
                Files.readString(dir.resolve("java.out"), StandardCharsets.ISO_8859_1),
                Files.readString(dir.resolve("java.err"), StandardCharsets.ISO_8859_1));
    }

    private static void assertOneLine(CliRun run, String start) {
        assertEquals(1, run.exitCode(), run.err());
        assertEquals("", run.out(), "nothing on standard output");
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("error: " + start), run.err());
        assertTrue(run.err().endsWith(REMEDY), run.err());
    }

    @Test
    void aClassFolderWithAccentsIsNamedWithTheCauseNotCalledAnUnreadableImage() throws Exception {
        for (Map<String, String> locale :
                List.of(Map.<String, String>of(), Map.of("LC_ALL", "C"))) {
            Path out = dir.resolve("out");
            CliRun run = java(locale, runArgs(out));
            assertOneLine(run, images.resolve("").toString());
            assertTrue(
                    run.err().contains(": a name with characters this JVM cannot decode (its"),
                    run.err());
            assertFalse(run.err().contains("not an image"), run.err());
            assertFalse(Files.exists(out), "nothing written");
        }
    }

    @Test
    void anOutWithAccentsIsNamedWithTheCauseNotAnInvalidPathException() throws Exception {
        Path out = dir.resolve("sortie-é");
        List<String> args = new ArrayList<>(runArgs(out));
        CliRun run = java(Map.of("LC_ALL", "C"), args);
        assertOneLine(run, "the argument '");
        assertTrue(run.err().contains("' has characters this JVM cannot decode (its"), run.err());
        assertFalse(run.err().contains("InvalidPathException"), run.err());
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void underTheLaunchersLocaleTheSameFolderTrains() throws Exception {
        Path out = dir.resolve("sortie-é");
        CliRun run = java(Map.of("LC_CTYPE", "C.UTF-8"), runArgs(out));
        assertEquals(0, run.exitCode(), run.err());
        String records = Files.readString(out.resolve("runs.jsonl"), StandardCharsets.UTF_8);
        assertTrue(records.contains("été"), records);
    }
}
