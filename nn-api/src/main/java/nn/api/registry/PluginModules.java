package nn.cli;

import com.google.inject.Module;
import com.google.inject.spi.Element;
import com.google.inject.spi.Elements;
import com.google.inject.spi.Message;
import nn.api.plugin.Discovered;
import nn.api.plugin.Plugins;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a plugin's Guice module once into a recording, so a module that throws or binds
 * nonsense is reported as that plugin's fault and left out, instead of stopping nn.
 */
final class PluginModules {
    private PluginModules() {
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
