package nn.api.spi;

import nn.api.schema.Schema;

/**
 * What every plugin kind shares: the word used in `.nn` files, a line of documentation and
 * a typed parameter schema that the checker validates calls against before anything runs.
 */
public interface Provider {
    String name();

    String description();

    Schema schema();
}
