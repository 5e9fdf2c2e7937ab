package org.learnability.runner.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Binder;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.MapBinder;
import java.util.Map;
import org.learnability.runner.model.ChannelsLastInput;
import org.learnability.runner.model.CnnSmall;
import org.learnability.runner.model.Mlp;
import org.learnability.runner.model.ModelArchitecture;
import org.learnability.runner.model.ResNet20;
import org.learnability.runner.model.ResNetPeifer;
import org.learnability.runner.registry.Registry;

/**
 * The model architectures, registered by name. A new architecture is one class and one {@link
 * #architectures} line, here or in a module of its own.
 */
public final class ModelModule extends AbstractModule {

    /**
     * Returns the binder that architectures are registered with, by name.
     *
     * @param binder the module's binder
     * @return the map binder
     */
    public static MapBinder<String, ModelArchitecture> architectures(Binder binder) {
        return MapBinder.newMapBinder(binder, String.class, ModelArchitecture.class);
    }

    @Override
    protected void configure() {
        architectures(binder()).addBinding(CnnSmall.NAME).to(CnnSmall.class);
        architectures(binder()).addBinding(ResNetPeifer.NAME).to(ResNetPeifer.class);
        ChannelsLastInput nhwc = new ChannelsLastInput(new ResNetPeifer());
        architectures(binder()).addBinding(nhwc.name()).toInstance(nhwc);
        architectures(binder()).addBinding(ResNet20.NAME).to(ResNet20.class);
        architectures(binder()).addBinding(Mlp.NAME).to(Mlp.class);
    }

    @Provides
    @Singleton
    Registry<ModelArchitecture> registry(Map<String, ModelArchitecture> architectures) {
        return new Registry<>("model", "known models:", architectures);
    }
}
