package nn.api.plugin;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.jar.JarFile;

/**
 * The plugins of one run: what the application's class path provides, plus each plugin
 * bundle in a class loader of its own (child of the application's, so it sees nn-api but not
 * other plugins). Discovery never fails as a whole: a class a service file names but that is
 * missing or broken, or a provider whose constructor throws, becomes a {@link PluginFault}
 * and every other provider is still found.
 */
public final class Plugins {
    public static final String CLASSPATH = "classpath";
    /** ServiceLoader resumes after a broken entry only on a best-effort basis: don't loop forever. */
    private static final int MAX_ERRORS_PER_KIND = 100;

    private final ClassLoader application;
    private final List<Loaded> bundles;
    private final Set<String> preferred;
    private final List<PluginFault> faults = Collections.synchronizedList(new ArrayList<>());

    private record Loaded(PluginBundle bundle, URLClassLoader loader) {
    }

    private Plugins(ClassLoader application, List<Loaded> bundles, Set<String> preferred) {
        this.application = application;
        this.bundles = bundles;
        this.preferred = preferred;
    }

    /** Only what the class loader sees: the standard library and jars on the class path. */
    public static Plugins classpath(ClassLoader application) {
        return new Plugins(application, List.of(), Set.of());
    }

    /**
     * The class path plus every bundle on the plugin path. {@code preferred} names plugins
     * (jar or folder names) whose providers win a name clash instead of making it an error.
     */
    public static Plugins load(ClassLoader application, List<PluginBundle> bundles, Set<String> preferred) {
        Set<String> unknown = new LinkedHashSet<>(preferred);
        unknown.removeIf(name -> name.equals(CLASSPATH) || bundles.stream().anyMatch(b -> b.isNamed(name)));
        if (!unknown.isEmpty()) {
            throw new PluginException("--prefer names no plugin on the plugin path: " + String.join(", ", unknown));
        }
        Plugins plugins = new Plugins(application, new ArrayList<>(), Set.copyOf(preferred));
        for (PluginBundle bundle : bundles) {
            String unreadable = unreadableJar(bundle);
            if (unreadable != null) {
                plugins.fault(bundle.name(), unreadable);
                continue;
            }
            URL[] urls = new URL[bundle.jars().size()];
            for (int i = 0; i < urls.length; i++) urls[i] = url(bundle.jars().get(i));
            plugins.bundles.add(new Loaded(bundle, new URLClassLoader("plugin " + bundle.name(), urls, application)));
        }
        return plugins;
    }

    /** Why a bundle's jar cannot be opened (not a zip, unreadable), or null. */
    private static String unreadableJar(PluginBundle bundle) {
        for (Path jar : bundle.jars()) {
            try (JarFile ignored = new JarFile(jar.toFile())) {
                // opened: a real jar
            } catch (IOException e) {
                return jar + " is not a readable jar (" + oneLine(e) + "); it is skipped";
            }
        }
        return null;
    }

    public List<PluginBundle> bundles() {
        return bundles.stream().map(Loaded::bundle).toList();
    }

    /** Problems met so far; discovery adds to them. */
    public List<PluginFault> faults() {
        synchronized (faults) {
            return List.copyOf(faults);
        }
    }

    /** Every provider of a kind: the class path's first, then each plugin's in plugin-path order. */
    public <T> List<Discovered<T>> discover(Class<T> kind) {
        List<Discovered<T>> found = new ArrayList<>();
        boolean classpathPreferred = preferred.contains(CLASSPATH);
        Iterator<T> it = ServiceLoader.load(kind, application).iterator();
        for (int errors = 0; errors < MAX_ERRORS_PER_KIND; ) {
            try {
                if (!it.hasNext()) break;
                found.add(new Discovered<>(it.next(), CLASSPATH, classpathPreferred));
            } catch (ServiceConfigurationError | LinkageError e) {
                errors++;
                fault(CLASSPATH, describe(e));
            }
        }
        for (Loaded b : bundles) {
            boolean isPreferred = preferred.stream().anyMatch(b.bundle()::isNamed);
            for (T instance : instantiate(kind, b)) found.add(new Discovered<>(instance, b.bundle().name(), isPreferred));
        }
        return found;
    }

    /** Records a problem with a plugin, for the warnings the CLI prints and `nn plugins` lists. */
    public void fault(String plugin, String message) {
        PluginFault f = new PluginFault(plugin, message);
        synchronized (faults) {
            if (!faults.contains(f)) faults.add(f);
        }
    }

    /** The bundle's own service files only (not the application's, which its loader also sees). */
    private <T> List<T> instantiate(Class<T> kind, Loaded b) {
        List<T> instances = new ArrayList<>();
        Enumeration<URL> files;
        try {
            files = b.loader().findResources(ServiceFile.resourceName(kind));
        } catch (IOException e) {
            fault(b.bundle().name(), "cannot read " + b.bundle().location() + ": " + e.getMessage());
            return instances;
        }
        while (files.hasMoreElements()) {
            URL file = files.nextElement();
            List<String> names;
            try {
                names = ServiceFile.classNames(file);
            } catch (IOException e) {
                fault(b.bundle().name(), "cannot read " + ServiceFile.resourceName(kind) + ": " + e.getMessage());
                continue;
            }
            for (String className : names) {
                try {
                    instances.add(create(kind, className, b.loader()));
                } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
                    fault(b.bundle().name(), ServiceFile.resourceName(kind) + " names " + className + ", which "
                            + whyNot(e) + "; its other providers are loaded");
                }
            }
        }
        return instances;
    }

    private static <T> T create(Class<T> kind, String className, ClassLoader loader) throws ReflectiveOperationException {
        Class<?> type = Class.forName(className, true, loader);
        if (!kind.isAssignableFrom(type)) {
            throw new ClassCastException("is not a " + kind.getName());
        }
        return kind.cast(type.getConstructor().newInstance());
    }

    private static String whyNot(Throwable e) {
        if (e instanceof InvocationTargetException ite && ite.getCause() != null) {
            return "threw " + oneLine(ite.getCause()) + " when created";
        }
        if (e instanceof ClassNotFoundException) return "is not in the plugin (class not found)";
        if (e instanceof NoClassDefFoundError) return "needs a class that is missing: " + e.getMessage();
        if (e instanceof NoSuchMethodException) return "has no public constructor without arguments";
        if (e instanceof ClassCastException) return e.getMessage();
        return "cannot be loaded: " + oneLine(e);
    }

    private static String describe(Throwable e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        return (e.getMessage() == null ? oneLine(cause) : e.getMessage().lines().findFirst().orElse(""))
                + (cause != e ? " (" + oneLine(cause) + ")" : "");
    }

    static String oneLine(Throwable t) {
        String m = t.getMessage();
        String first = m == null ? "" : m.lines().findFirst().orElse("");
        return t.getClass().getSimpleName() + (first.isEmpty() ? "" : ": " + first);
    }

    private static URL url(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new PluginException("not a usable plugin path: " + jar);
        }
    }
}
