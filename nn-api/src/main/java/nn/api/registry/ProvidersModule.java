package nn.api.registry;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import nn.api.plugin.Discovered;
import nn.api.plugin.PluginException;
import nn.api.plugin.Plugins;
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
import java.util.function.Function;

/**
 * Finds every provider through {@link Plugins} (the standard library registers itself exactly
 * like a third-party plugin) and binds each kind into a Guice MapBinder keyed by name, to
 * which plugins' own Guice modules may add. Two providers of one name is an error naming
 * both plugins, unless exactly one of them comes from a plugin the user preferred.
 */
public final class ProvidersModule extends AbstractModule {
    private final Plugins plugins;

    public ProvidersModule(Plugins plugins) {
        this.plugins = plugins;
    }

    public ProvidersModule(ClassLoader loader) {
        this(Plugins.classpath(loader));
    }

    @Override
    protected void configure() {
        bind(Plugins.class).toInstance(plugins);
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
        for (Map.Entry<String, T> e : choose(kind, nameOf).entrySet()) {
            binder.addBinding(e.getKey()).toInstance(e.getValue());
        }
    }

    private <T> Map<String, T> choose(Class<T> kind, Function<T, String> nameOf) {
        Map<String, Discovered<T>> chosen = new LinkedHashMap<>();
        for (Discovered<T> candidate : plugins.discover(kind)) {
            String name;
            try {
                name = nameOf.apply(candidate.instance());
            } catch (RuntimeException | LinkageError e) {
                plugins.fault(candidate.plugin(), candidate.instance().getClass().getName() + ".name() threw " + e);
                continue;
            }
            Discovered<T> earlier = chosen.get(name);
            if (earlier == null || winsOver(candidate, earlier, kind, name)) chosen.put(name, candidate);
        }
        Map<String, T> instances = new LinkedHashMap<>();
        chosen.forEach((name, d) -> instances.put(name, d.instance()));
        return instances;
    }

    /** Decides a name clash: the preferred plugin wins; one jar reached twice (class path and plugin path) is no clash. */
    private static <T> boolean winsOver(Discovered<T> candidate, Discovered<T> earlier, Class<T> kind, String name) {
        Class<?> a = candidate.instance().getClass(), b = earlier.instance().getClass();
        if (a.getName().equals(b.getName()) && Origin.of(a).equals(Origin.of(b))) return false;
        if (candidate.preferred() != earlier.preferred()) return candidate.preferred();
        throw new PluginException("two " + kindWord(kind) + "s are named '" + name + "': "
                + earlier.instance().getClass().getName() + " from " + Origin.of(earlier.instance().getClass())
                + " and " + candidate.instance().getClass().getName() + " from " + Origin.of(candidate.instance().getClass())
                + "; remove one, or choose with --prefer " + (candidate.plugin().equals(Plugins.CLASSPATH)
                ? earlier.plugin() : candidate.plugin()));
    }

    static String kindWord(Class<?> kind) {
        return kind.getSimpleName().replace("Provider", "").toLowerCase();
    }
}
