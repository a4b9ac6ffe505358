/**
 * nn's internal fast path for small float32 arrays in host memory ({@code HostKernels}) and
 * bulk copies to Java ({@code Matrices}). Not an API: plugins must not use these classes, which
 * may change or go away in any release. Whether the kernels run is decided by the capability the
 * started backend reports ({@link nn.api.spi.Backend.Capability#HOST_MEMORY_KERNELS}).
 */
package nn.api.internal.kernels;
