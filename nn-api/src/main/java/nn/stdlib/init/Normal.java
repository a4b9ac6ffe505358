package nn.stdlib.init;

import nn.api.runtime.Initializer;
import nn.api.schema.Args;
import nn.api.schema.Param;
import nn.api.schema.ParamType;
import nn.api.schema.Schema;
import nn.api.spi.BaseProvider;
import nn.api.spi.InitializerProvider;

import java.util.Random;

/** N(mean, std^2) with a fixed standard deviation (GPT-2's 0.02); ignores fan-in and fan-out. */
public final class Normal implements Initializer {
    private final double std;
    private final double mean;

    public Normal(double std, double mean) {
        this.std = std;
        this.mean = mean;
    }

    @Override
    public double[] values(long count, int fanIn, int fanOut, Random rng) {
        double[] v = new double[Math.toIntExact(count)];
        for (int i = 0; i < v.length; i++) v[i] = mean + rng.nextGaussian() * std;
        return v;
    }

    public static final class Provider extends BaseProvider implements InitializerProvider {
        public Provider() {
            super("normal", "normal: N(mean, std^2)", Schema.of(
                    Param.optional("std", ParamType.FLOAT, 0.01, "standard deviation").range(0.0, null),
                    Param.optional("mean", ParamType.FLOAT, 0.0, "mean")));
        }

        @Override
        public Initializer create(Args args) {
            return new Normal(args.getDouble("std"), args.getDouble("mean"));
        }
    }
}
