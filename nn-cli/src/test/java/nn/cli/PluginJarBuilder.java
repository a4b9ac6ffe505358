package nn.cli;

import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/** Builds small plugin jars inside tests: Java sources compiled against nn's class path, plus service files. */
final class PluginJarBuilder {
    private final Map<String, String> sources = new LinkedHashMap<>();
    private final Map<String, String> services = new LinkedHashMap<>();

    /** A class, e.g. {@code source("test.Boom", "package test; public class Boom ...")}. */
    PluginJarBuilder source(String className, String code) {
        sources.put(className, code);
        return this;
    }

    /** A line in META-INF/services/KIND. */
    PluginJarBuilder service(Class<?> kind, String className) {
        services.merge(kind.getName(), className + "\n", String::concat);
        return this;
    }

    Path writeTo(Path jar) throws IOException {
        Path classes = Files.createTempDirectory("plugin-classes");
        compile(classes);
        Files.createDirectories(jar.getParent());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
            for (Map.Entry<String, String> s : services.entrySet()) {
                out.putNextEntry(new JarEntry("META-INF/services/" + s.getKey()));
                out.write(s.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return jar;
    }

    private void compile(Path classes) throws IOException {
        if (sources.isEmpty()) return;
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<JavaFileObject> units = new ArrayList<>();
        sources.forEach((name, code) -> units.add(new SimpleJavaFileObject(
                URI.create("string:///" + name.replace('.', '/') + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return code;
            }
        }));
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            files.setLocation(StandardLocation.CLASS_OUTPUT, List.of(classes.toFile()));
            StringWriter log = new StringWriter();
            List<String> options = List.of("-classpath", System.getProperty("java.class.path"), "--release", "17");
            if (!javac.getTask(log, files, null, options, null, units).call()) {
                throw new IllegalStateException("test plugin does not compile:\n" + log);
            }
        }
    }

    /** Copies a jar, adding a line to one of its service files (for a jar that names a missing class). */
    static Path copyWithExtraService(Path source, Path target, Class<?> kind, String className) throws IOException {
        Files.createDirectories(target.getParent());
        String serviceName = "META-INF/services/" + kind.getName();
        try (var in = new java.util.jar.JarFile(source.toFile());
             JarOutputStream out = new JarOutputStream(Files.newOutputStream(target))) {
            boolean found = false;
            for (JarEntry e : java.util.Collections.list(in.entries())) {
                out.putNextEntry(new JarEntry(e.getName()));
                byte[] bytes = in.getInputStream(e).readAllBytes();
                if (e.getName().equals(serviceName)) {
                    found = true;
                    bytes = (new String(bytes, StandardCharsets.UTF_8) + className + "\n").getBytes(StandardCharsets.UTF_8);
                }
                out.write(bytes);
                out.closeEntry();
            }
            if (!found) throw new IOException(source + " has no " + serviceName);
        }
        return target;
    }

}
