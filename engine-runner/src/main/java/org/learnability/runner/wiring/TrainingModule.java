package org.learnability.runner.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Binder;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.MapBinder;
import java.util.Map;
import org.learnability.runner.loss.CrossEntropyFamily;
import org.learnability.runner.loss.FocalFamily;
import org.learnability.runner.loss.LossFamily;
import org.learnability.runner.loss.MarginFamily;
import org.learnability.runner.registry.Registry;

/**
 * Training: the loss families, registered by name. A new family is one class and one {@link
 * #losses} line, here or in a module of its own. The pipeline, the model service and the data
 * loader come in through their {@code @Inject} constructors.
 */
public final class TrainingModule extends AbstractModule {

    /**
     * Returns the binder that loss families are registered with, by name.
     *
     * @param binder the module's binder
     * @return the map binder
     */
    public static MapBinder<String, LossFamily> losses(Binder binder) {
        return MapBinder.newMapBinder(binder, String.class, LossFamily.class);
    }

    @Override
    protected void configure() {
        losses(binder()).addBinding(CrossEntropyFamily.NAME).to(CrossEntropyFamily.class);
        losses(binder()).addBinding(FocalFamily.NAME).to(FocalFamily.class);
        losses(binder()).addBinding(MarginFamily.NAME).to(MarginFamily.class);
    }

    @Provides
    @Singleton
    Registry<LossFamily> registry(Map<String, LossFamily> losses) {
        return new Registry<>("loss", "known losses:", losses);
    }
}
