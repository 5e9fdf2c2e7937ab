package org.learnability.experiments.record;

import com.google.gson.annotations.SerializedName;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.learnability.experiments.weighting.Weighting;

/**
 * How the {@code head} mode re-trains a baseline's final dense layer (classifier re-training: Kang
 * et al., "Decoupling Representation and Classifier for Long-Tailed Recognition", ICLR 2020, cRT;
 * on held-out data, Kirichenko et al., "Last Layer Re-Training is Sufficient for Robustness to
 * Spurious Correlations", ICLR 2023, DFR): the layers before it frozen, their features computed
 * once, the layer trained with the weighted loss and Adam at {@code headLr} for up to {@code
 * headEpochs} epochs for each L2 of {@link #L2_GRID}; the epochs and the L2 are then chosen on the
 * validation images it did not train on. Its {@link #variant} names what differs from the defaults
 * in keys and labels.
 *
 * @param headData what it trains on
 * @param headInit where the layer starts
 * @param headEpochs the most epochs tried for each L2; 0 for the baseline's layer as it is
 * @param headLr Adam's learning rate
 */
public record HeadRetraining(Data headData, Init headInit, int headEpochs, double headLr) {

    /** The L2 penalties tried, as Adam's weight decay: {@code g + l2 W}. */
    public static final List<Double> L2_GRID = List.of(0.0, 1e-4, 1e-3, 1e-2);

    /** What the head trains on. */
    public enum Data {
        /** One stratified, seeded half of the validation split; the other half judges it. */
        @SerializedName("holdout")
        HOLDOUT,
        /** The training split; the whole validation split judges it. */
        @SerializedName("train")
        TRAIN;

        /**
         * Parses a name as written on a command line.
         *
         * @param text {@code holdout} or {@code train}
         * @return the value
         * @throws IllegalArgumentException naming the valid names
         */
        public static Data parse(String text) {
            return HeadRetraining.parse(Data.class, "--head-data", text);
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Where the head starts. */
    public enum Init {
        /** The baseline's own dense layer: 0 epochs is the baseline. */
        @SerializedName("baseline")
        BASELINE,
        /** Every weight and bias 0. */
        @SerializedName("zero")
        ZERO;

        /**
         * Parses a name as written on a command line.
         *
         * @param text {@code baseline} or {@code zero}
         * @return the value
         * @throws IllegalArgumentException naming the valid names
         */
        public static Init parse(String text) {
            return HeadRetraining.parse(Init.class, "--head-init", text);
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Checks the values, naming the option at fault. */
    public HeadRetraining {
        if (headData == null || headInit == null) {
            throw new IllegalArgumentException("--head-data and --head-init must be given");
        }
        if (headEpochs < 0) {
            throw new IllegalArgumentException(
                    "--head-epochs is " + headEpochs + "; expected a whole number >= 0");
        }
        if (!(headLr > 0 && Double.isFinite(headLr))) {
            throw new IllegalArgumentException(
                    "--head-lr is " + headLr + "; expected a number > 0");
        }
    }

    /**
     * Describes how this differs from the defaults, for keys after the weighting's variant.
     *
     * @param defaults the defaults, as the {@code head} mode declares them
     * @return e.g. {@code head-data=train;head-epochs=20}, or empty for the defaults
     */
    public String variant(HeadRetraining defaults) {
        List<String> parts = new ArrayList<>();
        if (headData != defaults.headData) {
            parts.add("head-data=" + headData);
        }
        if (headInit != defaults.headInit) {
            parts.add("head-init=" + headInit);
        }
        if (headEpochs != defaults.headEpochs) {
            parts.add("head-epochs=" + headEpochs);
        }
        if (headLr != defaults.headLr) {
            parts.add("head-lr=" + Weighting.number(headLr));
        }
        return String.join(";", parts);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String option, String text) {
        String name = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (E value : type.getEnumConstants()) {
            if (value.toString().equals(name)) {
                return value;
            }
        }
        List<String> names = Arrays.stream(type.getEnumConstants()).map(Object::toString).toList();
        throw new IllegalArgumentException(
                option + " is '" + text + "'; expected one of " + String.join(", ", names));
    }
}
