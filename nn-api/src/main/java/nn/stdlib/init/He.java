package nn.stdlib.init;

import nn.api.runtime.Initializer;
import nn.api.schema.Args;
import nn.api.schema.Schema;
import nn.api.spi.BaseProvider;
import nn.api.spi.InitializerProvider;

import java.util.Random;

/** He/Kaiming normal for ReLU networks: N(0, 2 / fanIn). */
public final class He implements Initializer {
    @Override
    public double[] values(long count, int fanIn, int fanOut, Random rng) {
        double std = Math.sqrt(2.0 / fanIn);
        double[] v = new double[Math.toIntExact(count)];
        for (int i = 0; i < v.length; i++) v[i] = rng.nextGaussian() * std;
        return v;
    }

    public static final class Provider extends BaseProvider implements InitializerProvider {
        public Provider() {
            super("he", "He normal: N(0, 2 / fan_in)", Schema.empty());
        }

        @Override
        public Initializer create(Args args) {
            return new He();
        }
    }
}
