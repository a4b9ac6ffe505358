package nn.api.registry;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.multibindings.MapBinder;
import com.google.inject.spi.Element;
import com.google.inject.spi.Elements;
import com.google.inject.spi.Message;
import com.google.inject.util.Types;
import nn.api.plugin.Discovered;
import nn.api.plugin.Plugins;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The providers that plugins' Guice modules (found through
 * {@code META-INF/services/com.google.inject.Module}) bind into nn's map binders. Each module
 * runs in an injector of its own, so a module that throws or binds nonsense is reported as that
 * plugin's fault and left out instead of stopping nn, and what it binds becomes candidates that
 * {@link ProvidersModule} weighs under the same clash rule as providers from service files.
 */
final class PluginModules {
    /** A provider a module bound under a name. */
    record Contribution<T>(String name, Discovered<T> provider) {
    }

    private final Map<Class<?>, List<Contribution<?>>> byKind;

    private PluginModules(Map<Class<?>, List<Contribution<?>>> byKind) {
        this.byKind = byKind;
    }

    static PluginModules none() {
        return new PluginModules(Map.of());
    }

    /** Runs every plugin module once and keeps what it binds for each of {@code kinds}. */
    static PluginModules of(Plugins plugins, List<Class<?>> kinds) {
        Map<Class<?>, List<Contribution<?>>> byKind = new LinkedHashMap<>();
        for (Discovered<Module> m : oncePerClass(plugins.discover(Module.class), plugins)) {
            Module checked = recorded(m, plugins);
            if (checked == null) continue;
            Map<Class<?>, List<Contribution<?>>> bound = bound(m, checked, plugins, kinds);
            if (bound != null) bound.forEach((kind, list) -> byKind.computeIfAbsent(kind, k -> new ArrayList<>()).addAll(list));
        }
        return new PluginModules(byKind);
    }

    @SuppressWarnings("unchecked")
    <T> List<Contribution<T>> of(Class<T> kind) {
        List<Contribution<T>> list = new ArrayList<>();
        for (Contribution<?> c : byKind.getOrDefault(kind, List.of())) list.add((Contribution<T>) c);
        return list;
    }

    /** The module's providers by kind, or null (with a fault recorded) if its injector cannot be made. */
    private static Map<Class<?>, List<Contribution<?>>> bound(Discovered<Module> module, Module checked, Plugins plugins,
                                                             List<Class<?>> kinds) {
        try {
            Injector injector = Guice.createInjector(binder -> {
                binder.bind(Plugins.class).toInstance(plugins);
                for (Class<?> kind : kinds) MapBinder.newMapBinder(binder, String.class, kind);
            }, checked);
            Map<Class<?>, List<Contribution<?>>> byKind = new LinkedHashMap<>();
            for (Class<?> kind : kinds) {
                Map<String, ?> map = mapOf(injector, kind);
                for (Map.Entry<String, ?> e : map.entrySet()) {
                    byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(new Contribution<>(e.getKey(),
                            new Discovered<>(e.getValue(), module.plugin(), module.preferred())));
                }
            }
            return byKind;
        } catch (com.google.inject.CreationException e) {
            plugins.fault(module.plugin(), leftOut(module) + firstLine(e.getErrorMessages().isEmpty() ? e.getMessage()
                    : e.getErrorMessages().iterator().next().getMessage()));
        } catch (RuntimeException | LinkageError e) {
            plugins.fault(module.plugin(), leftOut(module) + "it threw " + e);
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> mapOf(Injector injector, Class<?> kind) {
        return (Map<String, ?>) injector.getInstance(Key.get(Types.mapOf(String.class, kind)));
    }

    private static String leftOut(Discovered<Module> module) {
        return "Guice module " + module.instance().getClass().getName() + " is left out: ";
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    /**
     * One module per class: the same plugin installed twice (two copies of its jar) would bind
     * everything twice. The copy from a preferred plugin is kept, else the first found.
     */
    static List<Discovered<Module>> oncePerClass(List<Discovered<Module>> modules, Plugins plugins) {
        Map<String, Discovered<Module>> chosen = new LinkedHashMap<>();
        for (Discovered<Module> m : modules) {
            String type = m.instance().getClass().getName();
            Discovered<Module> earlier = chosen.get(type);
            if (earlier == null) {
                chosen.put(type, m);
                continue;
            }
            Discovered<Module> loser = m.preferred() && !earlier.preferred() ? earlier : m;
            if (loser == earlier) chosen.put(type, m);
            plugins.fault(loser.plugin(), "Guice module " + type + " is left out: plugin "
                    + (loser == earlier ? m : earlier).plugin() + " has it too");
        }
        return new ArrayList<>(chosen.values());
    }

    /** The module's recorded bindings, or null (with a fault recorded) if configuring it failed. */
    static Module recorded(Discovered<Module> module, Plugins plugins) {
        String which = "Guice module " + module.instance().getClass().getName();
        try {
            List<Element> elements = Elements.getElements(module.instance());
            for (Element e : elements) {
                if (e instanceof Message message) {
                    plugins.fault(module.plugin(), which + " is left out: " + message.getMessage());
                    return null;
                }
            }
            return Elements.getModule(elements);
        } catch (RuntimeException | LinkageError e) {
            plugins.fault(module.plugin(), which + " is left out: it threw " + e);
            return null;
        }
    }
}
