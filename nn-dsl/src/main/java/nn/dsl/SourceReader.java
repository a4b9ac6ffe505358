package nn.dsl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the text of an imported file. The compiler reads files with {@link #FILES}; tests may map names elsewhere. */
@FunctionalInterface
public interface SourceReader {
    SourceReader FILES = Files::readString;

    String read(Path file) throws IOException;
}
