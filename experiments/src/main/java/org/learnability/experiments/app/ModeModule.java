package org.learnability.experiments.app;

import com.google.inject.AbstractModule;
import com.google.inject.Binder;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.MapBinder;
import java.util.Map;
import org.learnability.experiments.mode.DynamicMode;
import org.learnability.experiments.mode.ExperimentMode;
import org.learnability.experiments.mode.FinetuneMode;
import org.learnability.experiments.mode.HeadMode;
import org.learnability.experiments.mode.IterativeMode;
import org.learnability.experiments.mode.PosthocMode;
import org.learnability.experiments.mode.PosthocOnMode;
import org.learnability.experiments.mode.TwoStageMode;
import org.learnability.runner.registry.Registry;

/**
 * The experiment modes, registered by name. A new mode is one class implementing {@link
 * ExperimentMode} and one {@link #modes} line, here or in a module of its own.
 */
public final class ModeModule extends AbstractModule {

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
    }

    @Provides
    @Singleton
    Registry<ExperimentMode> registry(Map<String, ExperimentMode> modes) {
        return new Registry<>("mode", "expected one of", modes);
    }
}
