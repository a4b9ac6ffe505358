package org.example.nnplugin;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import nn.api.spi.ActivationProvider;

/**
 * A plugin's own Guice module, found through META-INF/services/com.google.inject.Module.
 * Providers bound here are created by Guice, so their constructors may {@code @Inject}
 * whatever this module (or nn) binds; this one only registers gelu, to show the route.
 */
public final class ExamplePluginModule extends AbstractModule {
    @Override
    protected void configure() {
        MapBinder.newMapBinder(binder(), String.class, ActivationProvider.class)
                .addBinding("gelu").to(Gelu.Provider.class);
    }
}
