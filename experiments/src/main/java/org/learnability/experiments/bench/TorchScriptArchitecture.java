package org.learnability.experiments.bench;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.nn.Block;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import org.learnability.runner.model.ImageShape;
import org.learnability.runner.model.ModelArchitecture;

/**
 * {@value #NAME}: a network written by PyTorch as a TorchScript file ({@code
 * bench/torchscript_export.py}), loaded by DJL's PyTorch engine with its parameters trainable
 * ({@code Model.load} with option {@code trainParam=true}: a {@code PtSymbolBlock} whose parameters
 * require gradients), so that Learnability's own training loop trains it. Its scripted forward may
 * set what DJL's NDArrays cannot: the channels-last memory format, bfloat16 compute. The file fixes
 * the input shape and the classes; the parameters start as PyTorch initialised them.
 */
public final class TorchScriptArchitecture implements ModelArchitecture {

    /** The model's name. */
    public static final String NAME = "torchscript";

    private final Path file;

    /**
     * Creates the architecture of one file.
     *
     * @param file the TorchScript file ({@code .pt})
     */
    public TorchScriptArchitecture(Path file) {
        this.file = file;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "the TorchScript module of " + file + ", trained through DJL's PyTorch engine";
    }

    @Override
    public String head() {
        return "not separable: the module is one block";
    }

    /**
     * Loads the file into a model of its own, whose block is returned: the block lives in that
     * model's manager, which stays open as long as the process (a benchmark's).
     */
    @Override
    public Block build(ImageShape input, int numClasses) {
        Model loaded = Model.newInstance(NAME, "PyTorch");
        try {
            loaded.load(file, null, Map.of("trainParam", "true"));
        } catch (IOException e) {
            loaded.close();
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (MalformedModelException | RuntimeException e) {
            loaded.close();
            throw new IllegalArgumentException(
                    "not a TorchScript module DJL loads: " + file + ": " + e.getMessage(), e);
        }
        return loaded.getBlock(); // trainParam=true: trainable
    }
}
