package org.learnability.api.scores;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A confusion matrix over {@code C} classes: {@code counts[a][p]} is the number of samples of
 * actual class {@code a} that the model predicted as class {@code p}. Rows are the actual classes,
 * columns the predicted ones, as in scikit-learn's {@code confusion_matrix}.
 *
 * @param classNames the name of every class, in class-index order
 * @param counts the counts, {@code C x C}, none negative
 */
public record ConfusionMatrix(List<String> classNames, long[][] counts) {

    /** Validates the matrix and takes immutable copies of both components. */
    public ConfusionMatrix {
        if (counts == null || counts.length == 0) {
            throw new IllegalArgumentException("a confusion matrix needs at least one class");
        }
        int n = counts.length;
        long[][] copy = new long[n][];
        for (int a = 0; a < n; a++) {
            if (counts[a] == null || counts[a].length != n) {
                throw new IllegalArgumentException(
                        "confusion matrix row "
                                + a
                                + " has "
                                + (counts[a] == null ? 0 : counts[a].length)
                                + " entries; a matrix over "
                                + n
                                + " classes needs "
                                + n);
            }
            for (int p = 0; p < n; p++) {
                if (counts[a][p] < 0) {
                    throw new IllegalArgumentException(
                            "confusion matrix entry ["
                                    + a
                                    + "]["
                                    + p
                                    + "] is "
                                    + counts[a][p]
                                    + "; counts must be >= 0");
                }
            }
            copy[a] = counts[a].clone();
        }
        counts = copy;
        classNames = checkClassNames(classNames, n);
    }

    /**
     * A matrix whose classes are named by their index, {@code "0"}, {@code "1"}, ...
     *
     * @param counts the counts, {@code counts[actual][predicted]}
     * @return the matrix
     */
    public static ConfusionMatrix of(long[][] counts) {
        return new ConfusionMatrix(indexNames(counts == null ? 0 : counts.length), counts);
    }

    /**
     * Class names {@code "0"} to {@code "n-1"}, used where a source gives none.
     *
     * @param n the number of classes
     * @return the names
     */
    public static List<String> indexNames(int n) {
        List<String> names = new ArrayList<>(n);
        for (int c = 0; c < n; c++) {
            names.add(Integer.toString(c));
        }
        return List.copyOf(names);
    }

    static List<String> checkClassNames(List<String> names, int n) {
        if (names == null || names.size() != n) {
            throw new IllegalArgumentException(
                    (names == null ? 0 : names.size())
                            + " class names given for "
                            + n
                            + " classes; give one name per class");
        }
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("class names must not be blank: " + names);
            }
            if (!seen.add(name)) {
                throw new IllegalArgumentException("class name '" + name + "' appears twice");
            }
        }
        return List.copyOf(names);
    }

    /**
     * Returns a copy of the counts.
     *
     * @return {@code counts[actual][predicted]}
     */
    @Override
    public long[][] counts() {
        long[][] copy = new long[counts.length][];
        for (int a = 0; a < counts.length; a++) {
            copy[a] = counts[a].clone();
        }
        return copy;
    }

    /**
     * Returns the number of classes.
     *
     * @return {@code C}
     */
    public int numClasses() {
        return counts.length;
    }

    /**
     * Returns how many samples of one class were predicted as another.
     *
     * @param actual the actual class
     * @param predicted the predicted class
     * @return the count
     */
    public long count(int actual, int predicted) {
        return counts[actual][predicted];
    }

    /**
     * Returns the support of a class: how many samples actually belong to it (its row sum).
     *
     * @param c the class
     * @return the row sum
     */
    public long support(int c) {
        return Arrays.stream(counts[c]).sum();
    }

    /**
     * Returns how many samples were predicted as a class (its column sum).
     *
     * @param c the class
     * @return the column sum
     */
    public long predicted(int c) {
        long sum = 0;
        for (long[] row : counts) {
            sum += row[c];
        }
        return sum;
    }

    /**
     * Returns the number of samples counted.
     *
     * @return the sum of all entries
     */
    public long total() {
        return Arrays.stream(counts).flatMapToLong(Arrays::stream).sum();
    }

    /**
     * Returns the number of correct predictions.
     *
     * @return the trace
     */
    public long correct() {
        long sum = 0;
        for (int c = 0; c < counts.length; c++) {
            sum += counts[c][c];
        }
        return sum;
    }

    /**
     * Returns the sum of this matrix and another over the same classes.
     *
     * @param other the other matrix
     * @return the element-wise sum
     */
    public ConfusionMatrix plus(ConfusionMatrix other) {
        if (!classNames.equals(other.classNames)) {
            throw new IllegalArgumentException(
                    "cannot add confusion matrices over different classes: "
                            + classNames
                            + " and "
                            + other.classNames);
        }
        long[][] sum = counts();
        for (int a = 0; a < sum.length; a++) {
            for (int p = 0; p < sum.length; p++) {
                sum[a][p] += other.counts[a][p];
            }
        }
        return new ConfusionMatrix(classNames, sum);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfusionMatrix m
                && classNames.equals(m.classNames)
                && Arrays.deepEquals(counts, m.counts);
    }

    @Override
    public int hashCode() {
        return 31 * classNames.hashCode() + Arrays.deepHashCode(counts);
    }

    @Override
    public String toString() {
        return "ConfusionMatrix" + classNames + Arrays.deepToString(counts);
    }
}
