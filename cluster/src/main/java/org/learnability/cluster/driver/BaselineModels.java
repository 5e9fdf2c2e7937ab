package org.learnability.cluster.driver;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.learnability.experiments.plan.BaselinePlan;
import org.learnability.experiments.plan.ExperimentPlan;
import org.learnability.experiments.protocol.ModelStore;
import org.learnability.experiments.protocol.SaveModels;
import org.learnability.experiments.record.RunRecord;
import org.learnability.experiments.record.SavedModel;
import org.learnability.runner.data.DatasetDefinition;
import org.learnability.runner.pipeline.Pipeline;
import org.learnability.runner.training.Models;

/**
 * The baselines' models on the driver, as {@code run} keeps them ({@link ModelStore}): a baseline a
 * task sent back (its parameters in DJL's format) saved into each experiment directory that shares
 * it, and a baseline recorded before read from its saved file for the arms that build on it.
 */
public final class BaselineModels {

    private final Pipeline pipeline;
    private final Models models;

    /**
     * Creates the driver's models from the application's services.
     *
     * @param pipeline finds engines and data sets
     * @param models saves and loads the models
     */
    @Inject
    public BaselineModels(Pipeline pipeline, Models models) {
        this.pipeline = pipeline;
        this.models = models;
    }

    /**
     * Saves the baseline a task trained into every experiment that shares it, where the grid saves
     * baselines, and returns the task's records with the saved file's checksum in the baseline's.
     */
    List<RunRecord> saved(
            List<GridExperiment> sharing,
            String engineName,
            List<RunRecord> records,
            byte[] parameters,
            SaveModels saveModels) {
        if (!saveModels.saves(true) || parameters.length == 0) {
            return records;
        }
        List<RunRecord> out = new ArrayList<>();
        for (RunRecord r : records) {
            SavedModel saved = null;
            for (GridExperiment e : r.isBaseline() ? sharing : List.<GridExperiment>of()) {
                SavedModel here =
                        ModelStore.locked(e.dir(), saveModels)
                                .save(
                                        r.modelKey(),
                                        dir -> {
                                            try (Model m =
                                                    model(e.plan(), engineName, parameters)) {
                                                models.save(m, dir);
                                            }
                                        });
                saved = saved == null ? here : saved;
            }
            out.add(saved == null ? r : r.withSavedModel(saved));
        }
        return out;
    }

    /**
     * The parameters of a recorded baseline from its saved file in an experiment directory, for the
     * arms that build on it; empty (with one warning where the file is missing or damaged) if there
     * is none to load, and the task trains it again.
     */
    byte[] savedParameters(GridExperiment e, RunRecord baseline, PrintWriter warnings) {
        pipeline.engine(Optional.of(baseline.provenance().engine()));
        DatasetDefinition data = data(e.plan());
        ModelStore.Loading loading =
                ModelStore.of(e.dir(), SaveModels.NONE)
                        .load(
                                baseline,
                                dir ->
                                        models.load(
                                                e.plan().baseline().model(),
                                                data.imageShape(),
                                                data.numClasses(),
                                                Device.cpu(),
                                                baseline.provenance().engine(),
                                                dir));
        if (loading instanceof ModelStore.Loaded loaded) {
            try (Model model = loaded.model()) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                try (DataOutputStream out = new DataOutputStream(bytes)) {
                    model.getBlock().saveParameters(out);
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
                return bytes.toByteArray();
            }
        }
        if (loading instanceof ModelStore.Damaged damaged) {
            warnings.println(
                    "warning: "
                            + e.name()
                            + ": "
                            + baseline.key()
                            + ": its saved model "
                            + damaged.path()
                            + " "
                            + damaged.why()
                            + "; the arms built on it train it again (its record stays)");
            warnings.flush();
        }
        return new byte[0];
    }

    /** A model of a plan's architecture on the driver's CPU, with parameters a task sent. */
    private Model model(ExperimentPlan plan, String engineName, byte[] parameters) {
        Model model = blank(plan, engineName);
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(parameters))) {
            // initialised first, so that the block knows its inputs' names and Model.save works
            model.getBlock()
                    .initialize(
                            model.getNDManager(),
                            DataType.FLOAT32,
                            data(plan).imageShape().batch(1));
            model.getBlock().loadParameters(model.getNDManager(), in);
            return model;
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            throw new IllegalStateException(
                    "cannot make the baseline's model from a task's parameters: " + e.getMessage(),
                    e);
        }
    }

    private Model blank(ExperimentPlan plan, String engineName) {
        pipeline.engine(Optional.of(engineName));
        DatasetDefinition data = data(plan);
        return models.create(
                plan.baseline().model(),
                data.imageShape(),
                data.numClasses(),
                Device.cpu(),
                engineName);
    }

    /** A plan's data set as its data makes it (a user's folder or table: its classes, shape). */
    private DatasetDefinition data(ExperimentPlan plan) {
        BaselinePlan b = plan.baseline();
        return pipeline.dataset(b.dataset(), b.source(), b.dataOptions());
    }
}
