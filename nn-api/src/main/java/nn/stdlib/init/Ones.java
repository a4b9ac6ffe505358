package nn.stdlib.init;

import nn.api.runtime.Initializer;
import nn.api.schema.Args;
import nn.api.schema.Schema;
import nn.api.spi.BaseProvider;
import nn.api.spi.InitializerProvider;

import java.util.Arrays;
import java.util.Random;

/** All ones (batch norm's scale). */
public final class Ones implements Initializer {
    @Override
    public double[] values(long count, int fanIn, int fanOut, Random rng) {
        double[] v = new double[Math.toIntExact(count)];
        Arrays.fill(v, 1.0);
        return v;
    }

    public static final class Provider extends BaseProvider implements InitializerProvider {
        public Provider() {
            super("ones", "all ones", Schema.empty());
        }

        @Override
        public Initializer create(Args args) {
            return new Ones();
        }
    }
}
