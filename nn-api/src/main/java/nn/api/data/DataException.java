package nn.api.data;

import java.io.IOException;

/** A data file is missing, truncated or corrupt; the message names the file. */
public class DataException extends IOException {
    public DataException(String message) {
        super(message);
    }

    public DataException(String message, Throwable cause) {
        super(message, cause);
    }
}
