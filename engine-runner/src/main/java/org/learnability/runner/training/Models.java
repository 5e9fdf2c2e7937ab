package org.learnability.runner.training;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.learnability.runner.model.ImageShape;
import org.learnability.runner.model.ModelArchitecture;

/**
 * Makes, saves and loads models: a DJL {@link Model} around a block of a {@link ModelArchitecture},
 * on a given engine and device.
 */
public final class Models {

    /** Creates the service. */
    @Inject
    public Models() {}

    /**
     * Makes a model with a fresh, uninitialised block.
     *
     * @param architecture the architecture
     * @param input the shape of one image
     * @param numClasses the number of classes
     * @param device the device the model lives on
     * @param engine the name of the engine the model runs on, e.g. {@code PyTorch}
     * @return the model; the caller closes it
     * @throws IllegalArgumentException if the shape or the number of classes does not fit
     */
    public Model create(
            ModelArchitecture architecture,
            ImageShape input,
            int numClasses,
            Device device,
            String engine) {
        Model model = Model.newInstance(architecture.name(), device, engine);
        try {
            model.setBlock(architecture.build(input, numClasses));
            return model;
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /**
     * Saves a model's parameters as {@code dir/<model name>-0000.params}.
     *
     * @param model the trained model
     * @param dir the directory, made if missing
     */
    public void save(Model model, Path dir) {
        try {
            Files.createDirectories(dir);
            model.save(dir, model.getName());
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot save model " + model.getName() + " to " + dir + ": " + e.getMessage(),
                    e);
        }
    }

    /**
     * Makes a model and loads parameters saved by {@link #save}.
     *
     * @param architecture the architecture
     * @param input the shape of one image
     * @param numClasses the number of classes
     * @param device the device the model lives on
     * @param engine the name of the engine the model runs on
     * @param dir the directory the model was saved to
     * @return the loaded model; the caller closes it
     */
    public Model load(
            ModelArchitecture architecture,
            ImageShape input,
            int numClasses,
            Device device,
            String engine,
            Path dir) {
        Model model = create(architecture, input, numClasses, device, engine);
        try {
            model.load(dir, model.getName());
            return model;
        } catch (IOException | MalformedModelException e) {
            model.close();
            throw new IllegalArgumentException(
                    "cannot load model "
                            + architecture.name()
                            + " from "
                            + dir
                            + ": "
                            + e.getMessage(),
                    e);
        }
    }
}
