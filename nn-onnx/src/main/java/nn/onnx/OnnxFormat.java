package nn.onnx;

/**
 * The ONNX versions nn writes and reads. Export writes opset 17 (ONNX 1.12, IR version 8), which
 * every ONNX Runtime since 1.13 runs; import takes the default domain from opset 13 (where
 * Softmax became per-axis and Dropout's ratio an input) up to {@link #MAX_IMPORT_OPSET}.
 */
public final class OnnxFormat {
    public static final int OPSET = 17;
    public static final long IR_VERSION = 8;
    public static final int MIN_IMPORT_OPSET = 13;
    public static final int MAX_IMPORT_OPSET = 22;
    /** An .onnx file larger than this is refused before it is read (nn's models are a few MB). */
    public static final long MAX_FILE_BYTES = 512L << 20;
    /** Metadata keys that carry what the checkpoint's {@link nn.api.checkpoint.ModelSignature} says. */
    public static final String META_MEAN = "nn.normalization.mean";
    public static final String META_STD = "nn.normalization.std";
    public static final String META_PREPROCESSING = "nn.preprocessing";
    public static final String META_CLASSES = "nn.class_names";
    public static final String PREPROCESSING = "input = (pixel / 255 - mean) / std, pixel in 0..255";

    private OnnxFormat() {
    }
}
