package nn.stdlib.init;

import nn.api.runtime.Initializer;
import nn.api.schema.Args;
import nn.api.schema.Param;
import nn.api.schema.ParamType;
import nn.api.schema.Schema;
import nn.api.spi.BaseProvider;
import nn.api.spi.InitializerProvider;

import java.util.Arrays;
import java.util.Random;

/** Every element the same value (a PReLU slope at 0.25, a gate bias at 1); ignores fan-in and fan-out. */
public final class Constant implements Initializer {
    private final double value;

    public Constant(double value) {
        this.value = value;
    }

    @Override
    public double[] values(long count, int fanIn, int fanOut, Random rng) {
        double[] v = new double[Math.toIntExact(count)];
        Arrays.fill(v, value);
        return v;
    }

    public static final class Provider extends BaseProvider implements InitializerProvider {
        public Provider() {
            super("constant", "every element the same value", Schema.of(
                    Param.required("value", ParamType.FLOAT, "the value of every element")));
        }

        @Override
        public Initializer create(Args args) {
            return new Constant(args.getDouble("value"));
        }
    }
}
