package org.learnability.runner.training;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import jakarta.inject.Inject;
import java.io.EOFException;
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
        String cannot = "cannot load model " + architecture.name() + " from " + dir + ": ";
        try {
            model.load(dir, model.getName());
            requireFits(model, input, numClasses);
            return model;
        } catch (EOFException e) {
            model.close();
            throw new IllegalArgumentException(cannot + "its file ends early (truncated)", e);
        } catch (IOException | MalformedModelException e) {
            model.close();
            throw new IllegalArgumentException(cannot + describe(e), e);
        } catch (RuntimeException e) {
            model.close();
            throw new IllegalArgumentException(cannot + describe(e), e);
        }
    }

    /**
     * Checks that loaded parameters are those of this model: one image of its shape gives one score
     * per class. DJL loads parameters of any shape (a model of other data, with another number of
     * classes or another image size), which would fail or mislead only when used.
     */
    private static void requireFits(Model model, ImageShape input, int numClasses) {
        Shape scores;
        try (NDManager manager = model.getNDManager().newSubManager()) {
            NDArray image = manager.zeros(input.batch(1));
            try {
                scores =
                        model.getBlock()
                                .forward(
                                        new ParameterStore(manager, false),
                                        new NDList(image),
                                        false)
                                .head()
                                .getShape();
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(
                        "its parameters do not fit "
                                + input
                                + " inputs (a model of other data?): "
                                + describe(e),
                        e);
            }
        }
        if (!scores.equals(new Shape(1, numClasses))) {
            throw new IllegalArgumentException(
                    "its parameters give "
                            + (scores.dimension() == 2 ? scores.get(1) : scores)
                            + " scores per input, not one for each of the "
                            + numClasses
                            + " classes (a model of other data?)");
        }
    }

    /** An exception's first line, or its type when it has no message. */
    private static String describe(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank()
                ? e.getClass().getSimpleName()
                : message.lines().findFirst().orElse("").trim();
    }
}
