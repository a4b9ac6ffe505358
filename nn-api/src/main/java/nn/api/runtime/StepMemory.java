package nn.api.runtime;

import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.ResetPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;
import org.nd4j.linalg.factory.Nd4j;

import java.util.function.Supplier;

/**
 * Bounds the native memory of one training step or one inference batch, whatever the layers
 * allocate. ND4J frees an array's native buffer only when its Java object is collected, and a
 * small heap is collected rarely, so a layer that allocates freely (`x.mul(beta)`, as a plugin
 * author naturally writes) piled up gigabytes within an epoch. Inside a scope every array lands
 * in an ND4J workspace (thread-local, one per purpose) whose memory is reused by the next scope;
 * after the first step the workspace has learnt its size and allocation is a pointer bump.
 *
 * <p>The rule this imposes, for nn's own code and plugins alike: an array that must outlive the
 * step (a buffer reused across steps, running statistics, optimizer state) is made through
 * {@link #outside} or {@link BatchBuffers}; everything else may be allocated at will and is
 * gone when the scope closes. Values a caller keeps from a scope (a loss, predicted classes)
 * are read out as Java numbers before it closes.
 */
public final class StepMemory implements AutoCloseable {
    /** Training steps and evaluation batches differ in size; each purpose learns its own. */
    public enum Purpose { TRAINING, INFERENCE }

    private static final WorkspaceConfiguration CONFIG = WorkspaceConfiguration.builder()
            .initialSize(0)
            .overallocationLimit(0.1)
            .policyAllocation(AllocationPolicy.OVERALLOCATE)
            .policyLearning(LearningPolicy.FIRST_LOOP)
            .policyReset(ResetPolicy.BLOCK_LEFT)
            .policySpill(SpillPolicy.REALLOCATE)
            .build();

    private final MemoryWorkspace workspace;

    private StepMemory(Purpose purpose) {
        this.workspace = Nd4j.getWorkspaceManager().getAndActivateWorkspace(CONFIG, "nn-" + purpose.name().toLowerCase());
    }

    /** Opens a scope on this thread; close it when the step or batch is done. */
    public static StepMemory open(Purpose purpose) {
        return new StepMemory(purpose);
    }

    /** Allocates something that outlives the current scope (a no-op outside scopes). */
    public static <T> T outside(Supplier<T> allocation) {
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            return allocation.get();
        }
    }

    @Override
    public void close() {
        workspace.close();
    }
}
