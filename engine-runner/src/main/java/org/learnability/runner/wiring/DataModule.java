package org.learnability.runner.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Binder;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.MapBinder;
import java.nio.file.Path;
import java.util.Map;
import org.learnability.runner.data.Cifar10Dataset;
import org.learnability.runner.data.CsvTableDataset;
import org.learnability.runner.data.DataCache;
import org.learnability.runner.data.DatasetDefinition;
import org.learnability.runner.data.FashionMnistDataset;
import org.learnability.runner.data.ImageFolderDataset;
import org.learnability.runner.registry.Registry;

/**
 * The data sets, registered by name, and the cache that converted local layouts go to. A new data
 * set is one class and one {@link #datasets} line, here or in a module of its own.
 */
public final class DataModule extends AbstractModule {

    private final Path cacheDirectory;

    /**
     * Creates the module.
     *
     * @param cacheDirectory where converted local layouts are kept
     */
    public DataModule(Path cacheDirectory) {
        this.cacheDirectory = cacheDirectory;
    }

    /**
     * Returns the binder that data sets are registered with, by name.
     *
     * @param binder the module's binder
     * @return the map binder
     */
    public static MapBinder<String, DatasetDefinition> datasets(Binder binder) {
        return MapBinder.newMapBinder(binder, String.class, DatasetDefinition.class);
    }

    @Override
    protected void configure() {
        bind(DataCache.class).toInstance(new DataCache(cacheDirectory));
        datasets(binder()).addBinding(Cifar10Dataset.NAME).to(Cifar10Dataset.class);
        datasets(binder()).addBinding(FashionMnistDataset.NAME).to(FashionMnistDataset.class);
        datasets(binder()).addBinding(ImageFolderDataset.NAME).to(ImageFolderDataset.class);
        datasets(binder()).addBinding(CsvTableDataset.NAME).to(CsvTableDataset.class);
    }

    @Provides
    @Singleton
    Registry<DatasetDefinition> registry(Map<String, DatasetDefinition> datasets) {
        return new Registry<>("data set", "valid names:", datasets);
    }
}
