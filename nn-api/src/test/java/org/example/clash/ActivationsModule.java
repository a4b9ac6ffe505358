package org.example.clash;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import nn.api.runtime.Activation;
import nn.api.schema.Args;
import nn.api.schema.Schema;
import nn.api.spi.ActivationProvider;
import nn.api.spi.BaseProvider;

/** A plugin's Guice module binding one new activation and one named like nn's relu. */
public final class ActivationsModule extends AbstractModule {
    @Override
    protected void configure() {
        MapBinder<String, ActivationProvider> activations = MapBinder.newMapBinder(binder(), String.class, ActivationProvider.class);
        activations.addBinding("relu").to(PluginRelu.class);
        activations.addBinding("linear_from_module").to(Linear.class);
    }

    /** Named like nn's relu: left out unless the user prefers this plugin. */
    public static final class PluginRelu extends BaseProvider implements ActivationProvider {
        public PluginRelu() {
            super("relu", "a plugin's relu", Schema.empty());
        }

        @Override
        public Activation create(Args args) {
            return new nn.stdlib.activation.Identity();
        }
    }

    /** A name of its own: always loaded. */
    public static final class Linear extends BaseProvider implements ActivationProvider {
        public Linear() {
            super("linear_from_module", "y = x, bound by a plugin's Guice module", Schema.empty());
        }

        @Override
        public Activation create(Args args) {
            return new nn.stdlib.activation.Identity();
        }
    }
}
