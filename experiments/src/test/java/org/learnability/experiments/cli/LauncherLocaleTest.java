package org.learnability.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launchers {@code bin/learnability} (of the distribution and of the cluster distribution)
 * start Java under a UTF-8 character type when the locale has none (issue 33, item 9): {@code
 * LC_CTYPE=C.UTF-8}, or {@code LC_ALL=C.UTF-8} when {@code LC_ALL} is set; a UTF-8 locale is left
 * as it is. Run as Maven filters them (its dotted {@code ${...}} properties emptied) on a stand-in
 * for {@code java} that prints the locale it was started under.
 */
class LauncherLocaleTest {

    private static final List<Path> LAUNCHERS =
            List.of(
                    Path.of("src/dist/bin/learnability"),
                    Path.of("../cluster/src/dist/bin/learnability"));

    @TempDir Path dir;

    /** Runs a launcher under a locale with JAVA_HOME a stand-in; returns what the stand-in saw. */
    private String launch(Path launcher, Map<String, String> locale)
            throws IOException, InterruptedException {
        Path java = dir.resolve("jdk/bin/java");
        Files.createDirectories(java.getParent());
        Files.writeString(
                java,
                "#!/usr/bin/env bash\n"
                        + "echo \"LC_ALL=${LC_ALL:-} LC_CTYPE=${LC_CTYPE:-} charmap=$(locale"
                        + " charmap 2>/dev/null)\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path filtered = dir.resolve("bin/learnability");
        Files.createDirectories(filtered.getParent());
        Files.writeString(
                filtered,
                Files.readString(launcher).replaceAll("\\$\\{[a-z0-9]+(\\.[a-z0-9]+)+}", ""));
        ProcessBuilder builder =
                new ProcessBuilder("bash", filtered.toString(), "--version")
                        .redirectError(ProcessBuilder.Redirect.DISCARD)
                        .redirectOutput(dir.resolve("seen").toFile());
        for (String name : List.of("LANG", "LANGUAGE", "LC_ALL", "LC_CTYPE")) {
            builder.environment().remove(name);
        }
        builder.environment().putAll(locale);
        builder.environment().put("JAVA_HOME", dir.resolve("jdk").toString());
        Process process = builder.start();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue());
        return Files.readString(dir.resolve("seen"), StandardCharsets.UTF_8).strip();
    }

    @Test
    void aLocaleWithoutUtf8GetsCUtf8ForItsCharacters() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/locale")), "the locale command");
        for (Path launcher : LAUNCHERS) {
            assertEquals(
                    "LC_ALL= LC_CTYPE=C.UTF-8 charmap=UTF-8",
                    launch(launcher, Map.of()),
                    launcher + ", LANG unset");
            assertEquals(
                    "LC_ALL=C.UTF-8 LC_CTYPE= charmap=UTF-8",
                    launch(launcher, Map.of("LC_ALL", "C")),
                    launcher + ", LC_ALL=C");
            assertEquals(
                    "LC_ALL= LC_CTYPE= charmap=UTF-8",
                    launch(launcher, Map.of("LANG", "C.UTF-8")),
                    launcher + ", a UTF-8 LANG is left as it is");
        }
    }
}
