package nn.stdlib.init;

import nn.api.runtime.Initializer;
import nn.api.schema.Args;
import nn.api.schema.Param;
import nn.api.schema.ParamType;
import nn.api.schema.Schema;
import nn.api.spi.BaseProvider;
import nn.api.spi.InitializerProvider;

import java.util.Random;

/** U(-scale, scale) with a fixed scale; ignores fan-in and fan-out. */
public final class Uniform implements Initializer {
    private final double scale;

    public Uniform(double scale) {
        this.scale = scale;
    }

    @Override
    public double[] values(long count, int fanIn, int fanOut, Random rng) {
        double[] v = new double[Math.toIntExact(count)];
        for (int i = 0; i < v.length; i++) v[i] = (rng.nextDouble() * 2 - 1) * scale;
        return v;
    }

    public static final class Provider extends BaseProvider implements InitializerProvider {
        public Provider() {
            super("uniform", "uniform: U(-scale, scale)", Schema.of(
                    Param.optional("scale", ParamType.FLOAT, 0.05, "half the width of the interval").range(0.0, null)));
        }

        @Override
        public Initializer create(Args args) {
            return new Uniform(args.getDouble("scale"));
        }
    }
}
