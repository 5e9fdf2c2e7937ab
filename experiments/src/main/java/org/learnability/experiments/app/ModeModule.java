package org.learnability.experiments.app;

import com.google.inject.AbstractModule;
import com.google.inject.Binder;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.MapBinder;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.learnability.experiments.mode.DynamicMode;
import org.learnability.experiments.mode.ExperimentMode;
import org.learnability.experiments.mode.IterativeMode;
import org.learnability.experiments.mode.TwoStageMode;
import org.learnability.experiments.mode.ensemble.EnsembleMode;
import org.learnability.experiments.mode.ensemble.EnsemblePosthocMode;
import org.learnability.experiments.mode.finetune.FinetuneMode;
import org.learnability.experiments.mode.head.HeadMode;
import org.learnability.experiments.mode.minimax.MinimaxMode;
import org.learnability.experiments.mode.posthoc.PosthocMode;
import org.learnability.experiments.mode.posthoc.PosthocOnMode;
import org.learnability.runner.registry.Registry;

/**
 * The experiment modes, registered by name: the built-in ones here, one line each (or in a module
 * of one's own, {@link #modes}), and every {@link ExperimentMode} a jar of the plugins directory
 * lists in its {@code META-INF/services/org.learnability.experiments.mode.ExperimentMode} ({@link
 * PluginModes}).
 */
public final class ModeModule extends AbstractModule {

    private final Path pluginsDirectory;

    /** Creates the module with the built-in modes only. */
    public ModeModule() {
        this(null);
    }

    /**
     * Creates the module with the built-in modes and those of the plugin jars.
     *
     * @param pluginsDirectory the directory whose jars may hold modes; null or missing for none
     */
    public ModeModule(Path pluginsDirectory) {
        this.pluginsDirectory = pluginsDirectory;
    }

    /**
     * Returns the binder that modes are registered with, by name.
     *
     * @param binder the module's binder
     * @return the map binder
     */
    public static MapBinder<String, ExperimentMode> modes(Binder binder) {
        return MapBinder.newMapBinder(binder, String.class, ExperimentMode.class);
    }

    @Override
    protected void configure() {
        modes(binder()).addBinding(TwoStageMode.NAME).to(TwoStageMode.class);
        modes(binder()).addBinding(IterativeMode.NAME).to(IterativeMode.class);
        modes(binder()).addBinding(DynamicMode.NAME).to(DynamicMode.class);
        modes(binder()).addBinding(PosthocMode.NAME).to(PosthocMode.class);
        FinetuneMode finetune = new FinetuneMode();
        modes(binder()).addBinding(FinetuneMode.NAME).toInstance(finetune);
        PosthocOnMode onFinetune = new PosthocOnMode(finetune);
        modes(binder()).addBinding(onFinetune.name()).toInstance(onFinetune);
        HeadMode head = new HeadMode();
        modes(binder()).addBinding(HeadMode.NAME).toInstance(head);
        PosthocOnMode onHead = new PosthocOnMode(head);
        modes(binder()).addBinding(onHead.name()).toInstance(onHead);
        modes(binder()).addBinding(EnsembleMode.NAME).to(EnsembleMode.class);
        modes(binder()).addBinding(EnsemblePosthocMode.NAME).to(EnsemblePosthocMode.class);
        modes(binder()).addBinding(MinimaxMode.NAME).to(MinimaxMode.class);
    }

    @Provides
    @Singleton
    Registry<ExperimentMode> registry(Map<String, ExperimentMode> modes) {
        Map<String, ExperimentMode> all = new LinkedHashMap<>(modes);
        PluginModes.find(ModeModule.class.getClassLoader(), pluginsDirectory)
                .forEach((name, mode) -> add(all, name, mode));
        return new Registry<>("mode", "expected one of", all);
    }

    private static void add(Map<String, ExperimentMode> all, String where, ExperimentMode mode) {
        if (all.putIfAbsent(mode.name(), mode) != null) {
            throw new IllegalArgumentException(
                    where + ": a mode named '" + mode.name() + "' is registered already");
        }
    }
}
