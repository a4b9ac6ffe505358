package nn.backend.cuda;

import java.util.Arrays;

/**
 * An NVIDIA driver version such as 510.47.03, and what CUDA 11.6 needs of it (NVIDIA, "CUDA
 * Toolkit Release Notes", table "CUDA Toolkit and Corresponding Driver Versions", and "CUDA
 * Compatibility", minor-version compatibility): Linux x86_64 CUDA 11.6 GA ships with and
 * fully supports >= 510.39.01; any CUDA 11.x application runs, with a limited feature set
 * (no PTX JIT of newer code), on >= 450.80.02.
 */
record DriverVersion(int[] parts, String text) implements Comparable<DriverVersion> {
    static final DriverVersion MINIMUM = parse("450.80.02");
    static final DriverVersion FULL_11_6 = parse("510.39.01");

    static DriverVersion parse(String text) {
        String[] pieces = text.trim().split("\\.");
        int[] parts = new int[pieces.length];
        for (int i = 0; i < pieces.length; i++) parts[i] = Integer.parseInt(pieces[i]);
        return new DriverVersion(parts, text.trim());
    }

    @Override
    public int compareTo(DriverVersion o) {
        return Arrays.compare(parts, o.parts);
    }

    boolean atLeast(DriverVersion o) {
        return compareTo(o) >= 0;
    }

    @Override
    public String toString() {
        return text;
    }
}
