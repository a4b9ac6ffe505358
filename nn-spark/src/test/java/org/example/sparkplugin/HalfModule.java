package org.example.sparkplugin;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import nn.api.runtime.Activation;
import nn.api.schema.Args;
import nn.api.schema.Schema;
import nn.api.spi.ActivationProvider;
import nn.api.spi.BaseProvider;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A plugin that registers its activation `half` (y = x / 2) only through its Guice module,
 * listed in META-INF/services/com.google.inject.Module of nn-spark's test class path: no
 * service file names the provider, so a registry that ignored plugin modules would not know it.
 */
public final class HalfModule extends AbstractModule {
    @Override
    protected void configure() {
        MapBinder.newMapBinder(binder(), String.class, ActivationProvider.class).addBinding("half").to(Provider.class);
    }

    /** y = x / 2. */
    static final class Half implements Activation {
        @Override
        public void forward(INDArray x, INDArray y) {
            y.assign(x.mul(0.5));
        }

        @Override
        public void backward(INDArray x, INDArray y, INDArray gy, INDArray gx) {
            gx.assign(gy.mul(0.5));
        }

        @Override
        public double value(double x) {
            return x / 2;
        }

        @Override
        public double derivative(double x) {
            return 0.5;
        }
    }

    public static final class Provider extends BaseProvider implements ActivationProvider {
        public Provider() {
            super("half", "y = x / 2, registered by a plugin's Guice module", Schema.empty());
        }

        @Override
        public Activation create(Args args) {
            return new Half();
        }
    }
}
