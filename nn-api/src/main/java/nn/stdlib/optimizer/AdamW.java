package nn.stdlib.optimizer;

import nn.api.runtime.Optimizer;
import nn.api.schema.Args;
import nn.api.schema.Schema;
import nn.api.spi.BaseProvider;
import nn.api.spi.OptimizerProvider;

/** Adam with decoupled weight decay (Loshchilov and Hutter): p *= 1 - lr * wd before the Adam step. */
public final class AdamW extends Adam {
    public AdamW(Args args) {
        super(args);
    }

    @Override
    protected boolean decoupledWeightDecay() {
        return true;
    }

    public static final class Provider extends BaseProvider implements OptimizerProvider {
        public Provider() {
            super("adamw", "Adam with decoupled weight decay", new Schema(Adam.params(0.01)));
        }

        @Override
        public int stateSlots(Args args) {
            return 2; // first and second moments
        }

        @Override
        public Optimizer create(Args args) {
            return new AdamW(args);
        }
    }
}
