package nn.api.registry;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import nn.api.plugin.Discovered;
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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Finds every provider through {@link Plugins} (the standard library registers itself exactly
 * like a third-party plugin) and binds each kind into a Guice MapBinder keyed by name. Built
 * through {@link Registry#module(Plugins)}, it also weighs what plugins' own Guice modules bind
 * (see {@link PluginModules}), under the same rule as providers from service files.
 *
 * <p>A name clash never stops the run: it becomes a {@link nn.api.plugin.PluginFault} that
 * the CLI prints and {@code nn plugins} lists. A provider the user preferred (--prefer) wins;
 * otherwise nn's own wins over a plugin's (the plugin's is left out, so {@code dense(128)}
 * keeps meaning nn's dense), and two plugins' providers of one name are both left out.
 * Layers, merges and activations share one namespace in .nn files, so the rule holds across
 * those three kinds too.
 */
public final class ProvidersModule extends AbstractModule {
    /** The kinds of provider nn's map binders hold. */
    static final List<Class<?>> KINDS = List.of(LayerProvider.class, MergeProvider.class, ActivationProvider.class,
            LossProvider.class, OptimizerProvider.class, InitializerProvider.class, ScheduleProvider.class,
            DatasetProvider.class, Backend.class);

    private final Plugins plugins;
    private final PluginModules pluginModules;

    /** The providers of service files only (a plugin's Guice modules may add to the map binders themselves). */
    public ProvidersModule(Plugins plugins) {
        this(plugins, PluginModules.none());
    }

    ProvidersModule(Plugins plugins, PluginModules pluginModules) {
        this.plugins = plugins;
        this.pluginModules = pluginModules;
    }

    public ProvidersModule(ClassLoader loader) {
        this(Plugins.classpath(loader));
    }

    @Override
    protected void configure() {
        bind(Plugins.class).toInstance(plugins);
        Map<String, Discovered<LayerProvider>> layers = choose(LayerProvider.class, Provider::name);
        Map<String, Discovered<MergeProvider>> merges = choose(MergeProvider.class, Provider::name);
        Map<String, Discovered<ActivationProvider>> activations = choose(ActivationProvider.class, Provider::name);
        separateOperations(List.of(layers, merges, activations), List.of("layer", "merge", "activation"));
        bindChosen(LayerProvider.class, layers);
        bindChosen(MergeProvider.class, merges);
        bindChosen(ActivationProvider.class, activations);
        bindAll(LossProvider.class, Provider::name);
        bindAll(OptimizerProvider.class, Provider::name);
        bindAll(InitializerProvider.class, Provider::name);
        bindAll(ScheduleProvider.class, Provider::name);
        bindAll(DatasetProvider.class, Provider::name);
        bindAll(Backend.class, Backend::name);
    }

    private <T> void bindAll(Class<T> kind, Function<T, String> nameOf) {
        bindChosen(kind, choose(kind, nameOf));
    }

    private <T> void bindChosen(Class<T> kind, Map<String, Discovered<T>> chosen) {
        MapBinder<String, T> binder = MapBinder.newMapBinder(binder(), String.class, kind);
        for (Map.Entry<String, Discovered<T>> e : chosen.entrySet()) {
            binder.addBinding(e.getKey()).toInstance(e.getValue().instance());
        }
    }

    private <T> Map<String, Discovered<T>> choose(Class<T> kind, Function<T, String> nameOf) {
        Map<String, List<Discovered<T>>> byName = new LinkedHashMap<>();
        for (Discovered<T> candidate : plugins.discover(kind)) {
            String name;
            try {
                name = nameOf.apply(candidate.instance());
            } catch (RuntimeException | LinkageError e) {
                plugins.fault(candidate.plugin(), candidate.instance().getClass().getName() + ".name() threw " + e);
                continue;
            }
            add(byName, name, candidate);
        }
        for (PluginModules.Contribution<T> bound : pluginModules.of(kind)) add(byName, bound.name(), bound.provider());
        Map<String, Discovered<T>> chosen = new LinkedHashMap<>();
        byName.forEach((name, candidates) -> {
            Discovered<T> winner = resolve(kindWord(kind), name, candidates);
            if (winner != null) chosen.put(name, winner);
        });
        return chosen;
    }

    private static <T> void add(Map<String, List<Discovered<T>>> byName, String name, Discovered<T> candidate) {
        List<Discovered<T>> same = byName.computeIfAbsent(name, n -> new ArrayList<>());
        if (same.stream().noneMatch(d -> sameProvider(d, candidate))) same.add(candidate);
    }

    /** One jar reached twice (class path and plugin path) is no clash. */
    private static boolean sameProvider(Discovered<?> a, Discovered<?> b) {
        Class<?> x = a.instance().getClass(), y = b.instance().getClass();
        return x.getName().equals(y.getName()) && Origin.of(x).equals(Origin.of(y));
    }

    /** Decides a name clash (see the class comment); every loser is recorded as a fault; null when none may win. */
    private <T> Discovered<T> resolve(String kind, String name, List<Discovered<T>> candidates) {
        if (candidates.size() == 1) return candidates.get(0);
        List<Discovered<T>> preferred = candidates.stream().filter(Discovered::preferred).toList();
        if (preferred.size() == 1) return preferred.get(0);
        List<Discovered<T>> contenders = preferred.isEmpty() ? candidates : preferred;
        Discovered<T> builtIn = contenders.stream()
                .filter(d -> BuiltIn.is(d.instance().getClass(), d.plugin())).findFirst().orElse(null);
        if (builtIn != null) {
            for (Discovered<T> d : contenders) if (d != builtIn) alreadyBuiltIn(kind, name, d);
            return builtIn;
        }
        Discovered<T> first = contenders.get(0), last = contenders.get(contenders.size() - 1);
        plugins.fault(last.plugin(), "two " + kind + "s are named '" + name + "': " + describe(first) + " and "
                + describe(last) + "; neither is loaded: rename one, or choose with --prefer "
                + (last.plugin().equals(Plugins.CLASSPATH) ? first.plugin() : last.plugin()));
        return null;
    }

    private void alreadyBuiltIn(String kind, String name, Discovered<?> loser) {
        plugins.fault(loser.plugin(), "'" + name + "' is already a built-in " + kind + ", so "
                + loser.instance().getClass().getName() + " is left out: rename it"
                + (loser.plugin().equals(Plugins.CLASSPATH) ? ""
                : " (or replace nn's own '" + name + "' in every model with --prefer " + loser.plugin() + ")"));
    }

    /** A layer, a merge and an activation may not share a name; the same rule as within one kind decides. */
    private void separateOperations(List<? extends Map<String, ? extends Discovered<?>>> kinds, List<String> words) {
        Map<String, List<Integer>> kindsByName = new LinkedHashMap<>();
        for (int k = 0; k < kinds.size(); k++) {
            for (String name : kinds.get(k).keySet()) kindsByName.computeIfAbsent(name, n -> new ArrayList<>()).add(k);
        }
        kindsByName.forEach((name, in) -> {
            if (in.size() < 2) return;
            Integer builtIn = in.stream().filter(k -> {
                Discovered<?> d = kinds.get(k).get(name);
                return BuiltIn.is(d.instance().getClass(), d.plugin());
            }).findFirst().orElse(null);
            List<String> described = new ArrayList<>();
            String lastPlugin = Plugins.CLASSPATH;
            for (int k : in) {
                if (builtIn != null && k == builtIn) continue;
                Discovered<?> d = kinds.get(k).remove(name);
                if (builtIn != null) alreadyBuiltIn(words.get(builtIn), name, d);
                described.add("a " + words.get(k) + " (" + describe(d) + ")");
                lastPlugin = d.plugin();
            }
            if (builtIn == null) {
                plugins.fault(lastPlugin, "'" + name + "' is both " + String.join(" and ", described)
                        + "; neither is loaded: rename one");
            }
        });
    }

    private static String describe(Discovered<?> d) {
        return d.instance().getClass().getName() + " from " + Origin.of(d.instance().getClass());
    }

    static String kindWord(Class<?> kind) {
        return kind.getSimpleName().replace("Provider", "").toLowerCase();
    }
}
