package org.learnability.runner.training;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.learnability.runner.engine.EngineSelection;
import org.learnability.runner.model.ImageShape;
import org.learnability.runner.model.ModelFactory;

/**
 * Makes, saves and loads models on the selected engine: a DJL {@link Model} around a block from the
 * {@link ModelFactory}, on the first training device.
 */
public final class Models {

    private final ModelFactory factory;
    private final EngineSelection engine;
    private final Device device;

    /**
     * Creates the service.
     *
     * @param factory the model architectures
     * @param engine the engine the models run on
     * @param devices the training devices; models are made on the first
     */
    public Models(ModelFactory factory, EngineSelection engine, Device[] devices) {
        this.factory = factory;
        this.engine = engine;
        this.device = devices[0];
    }

    /**
     * Makes a model with a fresh, uninitialised block.
     *
     * @param architecture the model name, e.g. {@code resnet-peifer}
     * @param input the shape of one image
     * @param numClasses the number of classes
     * @return the model; the caller closes it
     */
    public Model create(String architecture, ImageShape input, int numClasses) {
        Model model =
                Model.newInstance(factory.architecture(architecture).name(), device, engine.name());
        model.setBlock(factory.build(architecture, input, numClasses));
        return model;
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
     * @param architecture the model name
     * @param input the shape of one image
     * @param numClasses the number of classes
     * @param dir the directory the model was saved to
     * @return the loaded model; the caller closes it
     */
    public Model load(String architecture, ImageShape input, int numClasses, Path dir) {
        Model model = create(architecture, input, numClasses);
        try {
            model.load(dir, model.getName());
            return model;
        } catch (IOException | MalformedModelException e) {
            model.close();
            throw new IllegalArgumentException(
                    "cannot load model " + architecture + " from " + dir + ": " + e.getMessage(),
                    e);
        }
    }
}
