package org.learnability.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Grid files expand into experiments: named ones over the fixed options, times the varied. */
class GridSpecTest {

    @TempDir Path dir;

    private GridSpec read(String json) throws IOException {
        return GridSpec.read(Files.writeString(dir.resolve("grid.json"), json));
    }

    @Test
    void namedExperimentsSetTheirOptionsOverFixedAndVaryMultipliesThem() throws IOException {
        GridSpec grid =
                read(
                        """
                        {"fixed": {"model": "cnn-small", "loss": "ce"},
                         "experiments": {"focal": {"loss": "focal:gamma=2"},
                                         "cosine": {"schedule": "cosine"}},
                         "vary": {"seeds": [2, 3]}}
                        """);
        List<GridSpec.Named> experiments = grid.experiments();
        assertEquals(
                List.of("focal seeds=2", "focal seeds=3", "cosine seeds=2", "cosine seeds=3"),
                experiments.stream().map(GridSpec.Named::name).toList());
        assertEquals(
                "{\"model\":\"cnn-small\",\"loss\":\"focal:gamma=2\",\"seeds\":3}",
                experiments.get(1).options().toString());
        assertEquals(
                "{\"model\":\"cnn-small\",\"loss\":\"ce\",\"schedule\":\"cosine\",\"seeds\":2}",
                experiments.get(2).options().toString());
    }

    @Test
    void anOptionBothNamedAndVariedIsRefused() throws IOException {
        Path file = dir.resolve("grid.json");
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                read(
                                        """
                                        {"experiments": {"a": {"epochs": 2}},
                                         "vary": {"epochs": [1, 3]}}
                                        """));
        assertEquals(
                file + ": experiments.a sets epochs, which vary varies; give it in one place",
                e.getMessage());
    }
}
