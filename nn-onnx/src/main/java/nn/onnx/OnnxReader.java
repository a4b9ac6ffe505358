package nn.onnx;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import nn.onnx.proto.Onnx.ModelProto;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads an .onnx file, refusing one larger than {@link OnnxFormat#MAX_FILE_BYTES} before reading it. */
public final class OnnxReader {
    private OnnxReader() {
    }

    public static ModelProto read(Path file) throws IOException {
        long size = Files.size(file);
        if (size > OnnxFormat.MAX_FILE_BYTES) {
            throw new OnnxException(file + ": " + size + " bytes, more than the " + OnnxFormat.MAX_FILE_BYTES
                    + " an ONNX model for nn may have");
        }
        try (InputStream in = Files.newInputStream(file)) {
            CodedInputStream coded = CodedInputStream.newInstance(in);
            coded.setSizeLimit((int) OnnxFormat.MAX_FILE_BYTES);
            ModelProto model = ModelProto.parseFrom(coded);
            if (!model.hasGraph()) throw new OnnxException(file + ": not an ONNX model (no graph)");
            return model;
        } catch (InvalidProtocolBufferException e) {
            throw new OnnxException(file + ": not an ONNX model (" + e.getMessage() + ")");
        }
    }
}
