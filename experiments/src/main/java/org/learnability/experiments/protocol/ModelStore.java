package org.learnability.experiments.protocol;

import ai.djl.Model;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.learnability.experiments.record.ModelKey;
import org.learnability.experiments.record.RunRecord;
import org.learnability.experiments.record.SavedModel;
import org.learnability.experiments.report.ChartNames;
import org.learnability.runner.model.ModelArchitecture;
import org.learnability.runner.pipeline.Session;

/**
 * The models an experiment directory keeps: each in DJL's own format ({@code Model.save}) in a
 * directory of its own, {@code models/<slug of its key>/<architecture>-NNNN.params}, with the
 * file's SHA-256 in the model's record ({@link SavedModel}). A model is loaded only if its file is
 * there and has the recorded checksum, so a run never goes on with a model other than the one
 * recorded. A model is saved into a temporary directory first and moved into place ({@link
 * ModelStaging}), so a run stopped while saving leaves no half-written model under its name.
 */
public final class ModelStore {

    /** The directory of saved models inside an experiment directory. */
    public static final String DIR = "models";

    private final Path experiment;
    private final SaveModels policy;

    private ModelStore(Path experiment, SaveModels policy) {
        this.experiment = experiment;
        this.policy = policy;
    }

    /**
     * Returns the store of an experiment directory.
     *
     * @param experiment the directory
     * @param policy which models are saved
     * @return the store
     */
    public static ModelStore of(Path experiment, SaveModels policy) {
        return new ModelStore(experiment, policy);
    }

    /**
     * Returns the store of an experiment directory that the caller holds the lock of, after
     * removing the staging directories of saves that stopped part-way ({@link ModelStaging}).
     *
     * @param experiment the directory, locked
     * @param policy which models are saved
     * @return the store
     * @throws UncheckedIOException naming a staging directory that cannot be removed
     */
    public static ModelStore locked(Path experiment, SaveModels policy) {
        try {
            ModelStaging.removeLeftOver(experiment);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot remove what a stopped save left in "
                            + experiment.resolve(DIR)
                            + ": "
                            + e.getMessage(),
                    e);
        }
        return of(experiment, policy);
    }

    /**
     * Returns a store that saves nothing and has nothing saved: a grid task's, whose experiment
     * directory is the driver's.
     *
     * @return the store
     */
    public static ModelStore none() {
        return new ModelStore(null, SaveModels.NONE);
    }

    /**
     * Tells whether a model is saved here.
     *
     * @param baseline whether it is a baseline
     * @return {@code true} if the policy saves it
     */
    public boolean saves(boolean baseline) {
        return experiment != null && policy.saves(baseline);
    }

    /**
     * Returns the directory of a model's key.
     *
     * @param key the key
     * @return {@code models/<slug>}, relative to the experiment directory
     */
    static String directory(ModelKey key) {
        return DIR + "/" + ChartNames.slug(key.toString());
    }

    /**
     * Saves a model under its key, replacing what was saved under it.
     *
     * @param key the model's key
     * @param session the session it lives in
     * @param model the model
     * @return where it went and its checksum, for its record
     * @throws UncheckedIOException naming the directory when it cannot be written
     */
    SavedModel save(ModelKey key, Session session, Model model) {
        return save(key, dir -> session.save(model, dir));
    }

    /**
     * Saves a model under its key, replacing what was saved under it.
     *
     * @param key the model's key
     * @param write writes the model in DJL's format into the directory it is given
     * @return where it went and its checksum, for its record
     * @throws UncheckedIOException naming the directory when it cannot be written
     */
    public SavedModel save(ModelKey key, Consumer<Path> write) {
        return save(directory(key), write, null).orElseThrow();
    }

    /**
     * Saves a baseline trained again in place of its missing or damaged file, if the file it gives
     * has the recorded checksum (training is deterministic); otherwise leaves things as they are.
     *
     * @param record the model's record, naming its file
     * @param session the session the model lives in
     * @param model the model trained again
     * @return whether the recorded file is whole again
     */
    boolean repair(RunRecord record, Session session, Model model) {
        String path = record.savedModel().path();
        String relative = path.substring(0, Math.max(0, path.lastIndexOf('/')));
        return relative.startsWith(DIR + "/")
                && save(relative, dir -> session.save(model, dir), record.savedModel()).isPresent();
    }

    /**
     * Saves a model into {@code relative} through a staging directory; with {@code expected}, only
     * if the file is that one.
     */
    private Optional<SavedModel> save(String relative, Consumer<Path> write, SavedModel expected) {
        Path target = experiment.resolve(relative);
        try {
            Path staging = ModelStaging.create(target);
            try {
                write.accept(staging);
                Path file = single(staging);
                SavedModel saved =
                        new SavedModel(relative + "/" + file.getFileName(), sha256(file));
                if (expected != null && !expected.equals(saved)) {
                    return Optional.empty();
                }
                ModelStaging.delete(target);
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
                return Optional.of(saved);
            } finally {
                ModelStaging.delete(staging);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot save a model into " + target + ": " + e.getMessage(), e);
        }
    }

    /**
     * Loads a recorded model: if its record names a saved file, the file is there and its checksum
     * is the recorded one.
     *
     * @param record the model's record
     * @param session the session to load it into
     * @param architecture its architecture
     * @return the model, or why there is none
     */
    Loading load(RunRecord record, Session session, ModelArchitecture architecture) {
        return load(record, dir -> session.load(architecture, dir));
    }

    /**
     * Loads a recorded model: if its record names a saved file, the file is there and its checksum
     * is the recorded one.
     *
     * @param record the model's record
     * @param read makes the model from the directory of its file
     * @return the model, or why there is none
     */
    public Loading load(RunRecord record, Function<Path, Model> read) {
        SavedModel saved = record.savedModel();
        if (experiment == null || saved == null) {
            return new NotSaved();
        }
        Path file = experiment.resolve(saved.path());
        String sha;
        try {
            sha = sha256(file);
        } catch (NoSuchFileException e) {
            return new Damaged(saved.path(), "is missing");
        } catch (IOException e) {
            return new Damaged(saved.path(), "cannot be read (" + e.getMessage() + ")");
        }
        if (!sha.equals(saved.sha256())) {
            return new Damaged(
                    saved.path(),
                    "has SHA-256 "
                            + sha.substring(0, 12)
                            + "…, not the recorded "
                            + saved.sha256().substring(0, 12)
                            + "…");
        }
        try {
            return new Loaded(read.apply(file.getParent()), saved.path());
        } catch (RuntimeException e) {
            return new Damaged(saved.path(), "cannot be loaded (" + firstLine(e) + ")");
        }
    }

    /** What loading a recorded model gave. */
    public sealed interface Loading permits Loaded, NotSaved, Damaged {}

    /**
     * The model, loaded.
     *
     * @param model the model; the caller closes it
     * @param path its file, relative to the experiment directory
     */
    public record Loaded(Model model, String path) implements Loading {}

    /** Nothing to load: the record names no saved file (or the store has no directory). */
    public record NotSaved() implements Loading {}

    /**
     * A saved file that is not the model recorded.
     *
     * @param path the file, relative to the experiment directory
     * @param why what is wrong with it, e.g. {@code is missing}
     */
    public record Damaged(String path, String why) implements Loading {}

    /**
     * The SHA-256 of a file.
     *
     * @param file the file
     * @return 64 lower-case hexadecimal digits
     * @throws IOException when it cannot be read
     */
    public static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The one file DJL wrote into a fresh directory. */
    private static Path single(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> params = files.filter(f -> f.toString().endsWith(".params")).toList();
            if (params.size() != 1) {
                throw new IOException("expected one .params file, found " + params);
            }
            return params.get(0);
        }
    }

    private static String firstLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse("");
    }
}
