package nn.api.registry;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import nn.api.spi.ActivationProvider;
import nn.api.spi.Backend;
import nn.api.spi.DatasetProvider;
import nn.api.spi.InitializerProvider;
import nn.api.spi.LayerProvider;
import nn.api.spi.LossProvider;
import nn.api.spi.MergeProvider;
import nn.api.spi.OptimizerProvider;
import nn.api.spi.Provider;
import nn.api.spi.ScheduleProvider;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Function;

/**
 * Finds every provider through ServiceLoader (the standard library registers itself exactly
 * like a third-party plugin) and binds each kind into a Guice MapBinder keyed by name.
 * Two providers of one name is an error naming both origins.
 */
public final class ProvidersModule extends AbstractModule {
    private final ClassLoader loader;

    public ProvidersModule(ClassLoader loader) {
        this.loader = loader;
    }

    @Override
    protected void configure() {
        bindAll(LayerProvider.class, Provider::name);
        bindAll(MergeProvider.class, Provider::name);
        bindAll(ActivationProvider.class, Provider::name);
        bindAll(LossProvider.class, Provider::name);
        bindAll(OptimizerProvider.class, Provider::name);
        bindAll(InitializerProvider.class, Provider::name);
        bindAll(ScheduleProvider.class, Provider::name);
        bindAll(DatasetProvider.class, Provider::name);
        bindAll(Backend.class, Backend::name);
    }

    private <T> void bindAll(Class<T> kind, Function<T, String> nameOf) {
        MapBinder<String, T> binder = MapBinder.newMapBinder(binder(), String.class, kind);
        for (Map.Entry<String, T> e : discover(kind, nameOf).entrySet()) {
            binder.addBinding(e.getKey()).toInstance(e.getValue());
        }
    }

    private <T> Map<String, T> discover(Class<T> kind, Function<T, String> nameOf) {
        Map<String, T> found = new LinkedHashMap<>();
        for (T provider : ServiceLoader.load(kind, loader)) {
            String name = nameOf.apply(provider);
            T earlier = found.putIfAbsent(name, provider);
            if (earlier != null && earlier.getClass() != provider.getClass()) {
                throw new PluginException("two " + kind.getSimpleName() + "s are named '" + name + "': "
                        + earlier.getClass().getName() + " from " + Origin.of(earlier.getClass()) + " and "
                        + provider.getClass().getName() + " from " + Origin.of(provider.getClass()));
            }
        }
        return found;
    }
}
