package org.learnability.runner.data;

import ai.djl.basicdataset.tabular.CsvDataset;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.Repository;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.Dataset.Usage;
import ai.djl.training.dataset.Record;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.learnability.runner.model.ImageShape;
import org.learnability.runner.model.InputKind;

/**
 * A user's own table: {@code --data-dir FILE.csv --label COLUMN}, checked by {@link CsvTable} and
 * read through DJL's {@link CsvDataset} (Apache Commons CSV underneath): every column but the label
 * is a numeric feature, read as it is and standardised on each seed's training split by {@link
 * DataSplits}; the label column's distinct values are the classes. A row of F features is held as a
 * {@code F x 1 x 1} sample ({@link InputKind#TABLE}), for the models of tables ({@code mlp}). A
 * table has no test set of its own: {@code --test-size} rows are held out, stratified, the same for
 * every seed ({@link TestCut}). As registered it knows no file; {@link #at} gives the data set of
 * one.
 */
public final class CsvTableDataset implements DatasetDefinition {

    /** The name on command lines and in records. */
    public static final String NAME = "csv";

    private final Optional<CsvTable> table;
    private final int testSize;

    /** The data set as registered: no file yet. */
    public CsvTableDataset() {
        this(Optional.empty(), 0);
    }

    private CsvTableDataset(Optional<CsvTable> table, int testSize) {
        this.table = table;
        this.testSize = testSize;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "your own table: --data-dir FILE.csv with a header row, --label COLUMN the classes,"
                + " every other column a numeric feature";
    }

    private CsvTable table() {
        return table.orElseThrow(
                () ->
                        new IllegalStateException(
                                NAME + " has the classes and rows of a file; give it one (at)"));
    }

    /** The label column's distinct values. */
    @Override
    public List<String> classNames() {
        return table().classes();
    }

    /** {@code features x 1 x 1}. */
    @Override
    public ImageShape imageShape() {
        return new ImageShape(table().features().size(), 1, 1);
    }

    @Override
    public InputKind input() {
        return InputKind.TABLE;
    }

    /** None: a file must be given. */
    @Override
    public boolean userData() {
        return true;
    }

    @Override
    public DataSource defaultSource() {
        return DataSource.download();
    }

    @Override
    public void checkOptions(DataOptions options) {
        if (options.imageSize() != 0) {
            throw new DataException(
                    "--image-size "
                            + options.imageSize()
                            + " is for image folders; "
                            + NAME
                            + " reads a table");
        }
        if (options.label().isEmpty()) {
            throw new DataException(
                    "--dataset "
                            + NAME
                            + " needs --label COLUMN: the column of the table that holds the"
                            + " classes");
        }
        if (options.testSize() == 0) {
            throw new DataException(
                    "--dataset "
                            + NAME
                            + " needs --test-size N: the rows held out as the test split (a"
                            + " table has no test set of its own), an equal count per class");
        }
    }

    @Override
    public DatasetDefinition at(DataSource source, DataOptions options, DataCache cache) {
        checkOptions(options);
        if (!(source instanceof DataSource.Local local)) {
            throw new DataException(NAME + " needs --data-dir FILE.csv: the table to read");
        }
        return new CsvTableDataset(
                Optional.of(CsvTable.read(local.path(), options.label())), options.testSize());
    }

    @Override
    public TestSource testSource() {
        return new TestSource(TestSource.CUT, table().file().toString(), testSize);
    }

    /** One part: the table's file, with its rows. */
    @Override
    public DataFingerprint fingerprint(DataSource source) {
        Path file = table().file().toAbsolutePath();
        return new DataFingerprint(
                List.of(
                        DataFingerprint.part(
                                file.getFileName().toString(),
                                file.getParent(),
                                List.of(file),
                                table().rows())));
    }

    /** The file's folder; the file was checked by {@link #at}. */
    @Override
    public Path prepare(Path location, DataCache cache) {
        return table().file().toAbsolutePath().getParent();
    }

    /**
     * Reads every row through DJL's {@link CsvDataset}: the features as they are ({@code
     * addNumericFeature(name, false)}), the label by the index of its class ({@code
     * addCategoricalLabel(label, classes, false)}). A table has only its rows ({@code TRAIN}); its
     * test rows are held out of them.
     */
    @Override
    public ArrayDataset djlDataset(
            Optional<Repository> repository, Usage usage, NDManager manager) {
        CsvTable t = table();
        if (usage != Usage.TRAIN) {
            throw new IllegalStateException(NAME + " has its rows only; the test rows are cut");
        }
        Map<String, Integer> classes = new HashMap<>();
        t.classes().forEach(c -> classes.put(c, classes.size()));
        CsvDataset.CsvBuilder<?> builder =
                CsvDataset.builder()
                        .optCsvFile(t.file())
                        .setCsvFormat(t.format())
                        .setSampling(1, false);
        t.features().forEach(f -> builder.addNumericFeature(f, false));
        builder.addCategoricalLabel(t.label(), classes, false);
        CsvDataset csv = builder.build();
        int features = t.features().size();
        try {
            csv.prepare();
            int rows = Math.toIntExact(csv.size());
            float[] values = new float[rows * features];
            float[] labels = new float[rows];
            try (NDManager scratch = manager.newSubManager()) {
                for (int i = 0; i < rows; i++) {
                    Record row = csv.get(scratch, i);
                    float[] x = row.getData().singletonOrThrow().toFloatArray();
                    System.arraycopy(x, 0, values, i * features, features);
                    labels[i] = row.getLabels().singletonOrThrow().toFloatArray()[0];
                    row.getData().close();
                    row.getLabels().close();
                }
            }
            return new ArrayDataset.Builder()
                    .setData(manager.create(values, new Shape(rows, 1, 1, features)))
                    .optLabels(manager.create(labels))
                    .setSampling(1, false)
                    .build();
        } catch (IOException | TranslateException e) {
            throw new DataException(
                    t.file() + ": DJL could not read it (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public String toString() {
        return NAME;
    }
}
