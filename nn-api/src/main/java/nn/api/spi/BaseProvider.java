package nn.api.spi;

import nn.api.schema.Schema;

/** Name, description and schema held as fields: what most providers need and no more. */
public abstract class BaseProvider implements Provider {
    private final String name;
    private final String description;
    private final Schema schema;

    protected BaseProvider(String name, String description, Schema schema) {
        this.name = name;
        this.description = description;
        this.schema = schema;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final Schema schema() {
        return schema;
    }
}
