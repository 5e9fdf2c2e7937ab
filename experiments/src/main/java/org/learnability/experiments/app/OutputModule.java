package org.learnability.experiments.app;

import com.google.gson.Gson;
import com.google.inject.AbstractModule;
import org.learnability.experiments.io.Json;

/** Output: the application's one {@link Gson} ({@link Json#GSON}). */
public final class OutputModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(Gson.class).toInstance(Json.GSON);
    }
}
