package nn.api.registry;

import com.google.inject.Guice;
import com.google.inject.Inject;
import com.google.inject.Module;
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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every provider known to this run, by kind and name. Built by Guice from {@link ProvidersModule};
 * every entry point (the CLI, nn-spark's workers, the inference API) builds it through
 * {@link #module(Plugins)} or {@link #load(Plugins)}, so each honours plugins' Guice modules
 * under the same name-clash rule as their service files.
 */
public final class Registry {
    private final Map<String, LayerProvider> layers;
    private final Map<String, MergeProvider> merges;
    private final Map<String, ActivationProvider> activations;
    private final Map<String, LossProvider> losses;
    private final Map<String, OptimizerProvider> optimizers;
    private final Map<String, InitializerProvider> initializers;
    private final Map<String, ScheduleProvider> schedules;
    private final Map<String, DatasetProvider> datasets;
    private final Map<String, Backend> backends;

    @Inject
    public Registry(Map<String, LayerProvider> layers, Map<String, MergeProvider> merges,
                    Map<String, ActivationProvider> activations,
                    Map<String, LossProvider> losses, Map<String, OptimizerProvider> optimizers,
                    Map<String, InitializerProvider> initializers, Map<String, ScheduleProvider> schedules,
                    Map<String, DatasetProvider> datasets,
                    Map<String, Backend> backends) {
        this.layers = new TreeMap<>(layers);
        this.merges = new TreeMap<>(merges);
        this.activations = new TreeMap<>(activations);
        this.losses = new TreeMap<>(losses);
        this.optimizers = new TreeMap<>(optimizers);
        this.initializers = new TreeMap<>(initializers);
        this.schedules = new TreeMap<>(schedules);
        this.datasets = new TreeMap<>(datasets);
        this.backends = new TreeMap<>(backends);
        requireDistinct("layer", this.layers, "activation", this.activations);
        requireDistinct("layer", this.layers, "merge", this.merges);
        requireDistinct("merge", this.merges, "activation", this.activations);
    }

    /** Layers, merges and activations share one namespace in `.nn` files. */
    private static void requireDistinct(String kindA, Map<String, ?> a, String kindB, Map<String, ?> b) {
        for (String name : a.keySet()) {
            if (b.containsKey(name)) {
                throw new PluginException("'" + name + "' is both a " + kindA + " (" + Origin.of(a.get(name).getClass())
                        + ") and a " + kindB + " (" + Origin.of(b.get(name).getClass()) + ")");
            }
        }
    }

    /**
     * The Guice module of a run's registry: the providers of the plugins' service files and of
     * their Guice modules, name clashes decided by one rule (see {@link ProvidersModule}).
     */
    public static Module module(Plugins plugins) {
        return new ProvidersModule(plugins, PluginModules.of(plugins, ProvidersModule.KINDS));
    }

    /** The registry of a run's plugins (see {@link #module(Plugins)}). */
    public static Registry load(Plugins plugins) {
        return Guice.createInjector(module(plugins)).getInstance(Registry.class);
    }

    /** The registry of everything visible to this class loader, Guice modules found there included. */
    public static Registry load(ClassLoader loader) {
        return load(Plugins.classpath(loader));
    }

    public static Registry load() {
        return load(Registry.class.getClassLoader());
    }

    public Map<String, LayerProvider> layers() {
        return layers;
    }

    /** Multi-input operations: `add`, `concat`. */
    public Map<String, MergeProvider> merges() {
        return merges;
    }

    public Map<String, ActivationProvider> activations() {
        return activations;
    }

    public Map<String, LossProvider> losses() {
        return losses;
    }

    public Map<String, OptimizerProvider> optimizers() {
        return optimizers;
    }

    public Map<String, InitializerProvider> initializers() {
        return initializers;
    }

    /** Learning-rate schedules for `schedule = ...` in the train section. */
    public Map<String, ScheduleProvider> schedules() {
        return schedules;
    }

    public Map<String, DatasetProvider> datasets() {
        return datasets;
    }

    public Map<String, Backend> backends() {
        return backends;
    }

    /** A layer, merge or activation: what may stand in a model. Null if unknown. */
    public Provider operation(String name) {
        Provider p = layers.get(name);
        if (p == null) p = merges.get(name);
        return p != null ? p : activations.get(name);
    }

    /** Every name usable as an operation, for "did you mean" hints. */
    public List<String> operationNames() {
        TreeSet<String> names = new TreeSet<>(layers.keySet());
        names.addAll(merges.keySet());
        names.addAll(activations.keySet());
        return new ArrayList<>(names);
    }
}
