package nn.api.registry;

import java.net.URL;
import java.security.CodeSource;

/** Where a provider class came from (a jar or a classes directory), for listings and errors. */
public final class Origin {
    private Origin() {
    }

    public static String of(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        URL location = source == null ? null : source.getLocation();
        return location == null ? "(unknown)" : location.getPath();
    }
}
