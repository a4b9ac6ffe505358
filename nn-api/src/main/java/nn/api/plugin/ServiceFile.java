package nn.api.plugin;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The class names a {@code META-INF/services} file lists, in the format ServiceLoader reads: one per line, '#' starts a comment. */
final class ServiceFile {
    private ServiceFile() {
    }

    static String resourceName(Class<?> kind) {
        return "META-INF/services/" + kind.getName();
    }

    static List<String> classNames(URL file) throws IOException {
        List<String> names = new ArrayList<>();
        try (InputStream in = file.openStream();
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                int comment = line.indexOf('#');
                String name = (comment >= 0 ? line.substring(0, comment) : line).trim();
                if (!name.isEmpty() && !names.contains(name)) names.add(name);
            }
        }
        return names;
    }
}
