package nn.stdlib.init;

import nn.api.runtime.Initializer;
import nn.api.schema.Args;
import nn.api.schema.Schema;
import nn.api.spi.BaseProvider;
import nn.api.spi.InitializerProvider;

import java.util.Random;

/** All zeros (biases). */
public final class Zeros implements Initializer {
    @Override
    public double[] values(long count, int fanIn, int fanOut, Random rng) {
        return new double[Math.toIntExact(count)];
    }

    public static final class Provider extends BaseProvider implements InitializerProvider {
        public Provider() {
            super("zeros", "all zeros", Schema.empty());
        }

        @Override
        public Initializer create(Args args) {
            return new Zeros();
        }
    }
}
