package org.learnability.experiments.record;

import java.util.regex.Pattern;

/**
 * Where a model's parameters were saved, in DJL's own format ({@code Model.save}: one {@code
 * .params} file), and the SHA-256 of that file, by which a later run knows the file is the one
 * recorded before it loads it.
 *
 * @param path the file, relative to the experiment directory, {@code /}-separated, e.g. {@code
 *     models/pytorch-1-two-stage-uniform-0/cnn-small-0003.params}
 * @param sha256 the file's SHA-256, 64 lower-case hexadecimal digits
 */
public record SavedModel(String path, String sha256) {

    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    /** Checks the values. */
    public SavedModel {
        if (path == null || path.isBlank() || path.startsWith("/") || path.contains("..")) {
            throw new IllegalArgumentException(
                    "savedModel.path is " + path + "; expected a path inside the experiment");
        }
        if (sha256 == null || !HEX.matcher(sha256).matches()) {
            throw new IllegalArgumentException(
                    "savedModel.sha256 is " + sha256 + "; expected 64 hexadecimal digits");
        }
    }
}
