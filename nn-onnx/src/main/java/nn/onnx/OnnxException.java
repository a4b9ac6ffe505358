package nn.onnx;

/** An ONNX file or a model that cannot be converted: the message is the one line the user sees. */
public final class OnnxException extends RuntimeException {
    public OnnxException(String message) {
        super(message);
    }
}
