package org.learnability.runner.pipeline;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.learnability.runner.data.DataSplits;
import org.learnability.runner.model.ImageShape;
import org.learnability.runner.model.ModelArchitecture;
import org.learnability.runner.training.Models;

/**
 * The models of a session's data set: made, written and read with its image shape and classes, on
 * its first device and engine. {@link Session}'s part that makes, saves and loads models.
 */
final class SessionModels {

    private final Models models;
    private final ImageShape shape;
    private final int classes;
    private final Device device;
    private final String engineName;

    SessionModels(Models models, DataSplits splits, Device device, String engineName) {
        this.models = models;
        this.shape = ImageShape.of(splits.training().imageShape());
        this.classes = splits.classNames().size();
        this.device = device;
        this.engineName = engineName;
    }

    /** An untrained model; the caller closes it. */
    Model create(ModelArchitecture architecture) {
        return models.create(architecture, shape, classes, device, engineName);
    }

    /** A model's parameters as {@code Block.saveParameters} writes them. */
    byte[] parameters(Model model) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            model.getBlock().saveParameters(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the parameters of " + model.getName(), e);
        }
        return bytes.toByteArray();
    }

    /** A model with parameters written by {@link #parameters}; the caller closes it. */
    Model load(ModelArchitecture architecture, byte[] parameters) {
        Model model = create(architecture);
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(parameters))) {
            // initialised first, so that the block knows its inputs' names and Model.save works
            model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32, shape.batch(1));
            model.getBlock().loadParameters(model.getNDManager(), in);
            return model;
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            throw new IllegalArgumentException(
                    "not parameters of " + architecture.name() + " here: " + e.getMessage(), e);
        }
    }

    /** Saves a model with {@code Model.save} into a directory. */
    void save(Model model, Path dir) {
        models.save(model, dir);
    }

    /** A model saved by {@link #save}; the caller closes it. */
    Model load(ModelArchitecture architecture, Path dir) {
        return models.load(architecture, shape, classes, device, engineName, dir);
    }
}
