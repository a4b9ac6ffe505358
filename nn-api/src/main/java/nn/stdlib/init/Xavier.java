package nn.stdlib.init;

import nn.api.runtime.Initializer;
import nn.api.schema.Args;
import nn.api.schema.Schema;
import nn.api.spi.BaseProvider;
import nn.api.spi.InitializerProvider;

import java.util.Random;

/** Glorot/Xavier uniform: U(-a, a) with a = sqrt(6 / (fanIn + fanOut)). */
public final class Xavier implements Initializer {
    @Override
    public double[] values(long count, int fanIn, int fanOut, Random rng) {
        double a = Math.sqrt(6.0 / (fanIn + fanOut));
        double[] v = new double[Math.toIntExact(count)];
        for (int i = 0; i < v.length; i++) v[i] = (rng.nextDouble() * 2 - 1) * a;
        return v;
    }

    public static final class Provider extends BaseProvider implements InitializerProvider {
        public Provider() {
            super("xavier", "Glorot uniform: U(-a, a), a = sqrt(6 / (fan_in + fan_out))", Schema.empty());
        }

        @Override
        public Initializer create(Args args) {
            return new Xavier();
        }
    }
}
