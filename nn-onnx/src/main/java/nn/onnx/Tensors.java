package nn.onnx;

import com.google.protobuf.ByteString;
import nn.onnx.proto.Onnx.TensorProto;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** ONNX tensors to and from ND4J arrays; everything a file declares is checked before it is allocated. */
final class Tensors {
    /** One tensor of a model nn can hold; far above any layer nn trains. */
    static final long MAX_ELEMENTS = 1L << 28;

    private Tensors() {
    }

    /** A float tensor with the array's shape and values, as little-endian raw data. */
    static TensorProto floats(String name, INDArray array) {
        INDArray values = array.castTo(DataType.FLOAT).dup('c');
        float[] data = values.data().asFloat();
        ByteBuffer bytes = ByteBuffer.allocate(data.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(data);
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT_VALUE)
                .setRawData(ByteString.copyFrom(bytes.array()));
        for (long d : array.shape()) t.addDims(d);
        return t.build();
    }

    static TensorProto scalar(String name, float value) {
        return TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT_VALUE).addFloatData(value).build();
    }

    static TensorProto int64s(String name, long... values) {
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.INT64_VALUE)
                .addDims(values.length);
        for (long v : values) t.addInt64Data(v);
        return t.build();
    }

    /** The number of elements the tensor declares, checked to be sane. */
    static long elements(TensorProto t) {
        long n = 1;
        for (long d : t.getDimsList()) {
            if (d < 0 || d > MAX_ELEMENTS) throw new OnnxException("tensor '" + t.getName() + "' has dimension " + d);
            n *= d;
            if (n > MAX_ELEMENTS) throw new OnnxException("tensor '" + t.getName() + "' has more than " + MAX_ELEMENTS + " values");
        }
        return n;
    }

    static long[] shape(TensorProto t) {
        elements(t);
        return t.getDimsList().stream().mapToLong(Long::longValue).toArray();
    }

    /** A float tensor's values as an array of its shape. */
    static INDArray toArray(TensorProto t) {
        if (t.getDataType() != TensorProto.DataType.FLOAT_VALUE) {
            throw new OnnxException("tensor '" + t.getName() + "' is " + typeName(t.getDataType()) + "; nn takes FLOAT weights");
        }
        if (t.hasDataLocation() && t.getDataLocation() == TensorProto.DataLocation.EXTERNAL) {
            throw new OnnxException("tensor '" + t.getName() + "' is stored in an external file, which nn does not read");
        }
        int n = Math.toIntExact(elements(t));
        // what the tensor holds is checked against what it declares before anything is allocated
        if (t.hasRawData() && t.getRawData().size() != (long) n * 4) {
            throw new OnnxException("tensor '" + t.getName() + "' declares " + n + " floats but holds "
                    + t.getRawData().size() + " bytes");
        }
        if (!t.hasRawData() && t.getFloatDataCount() != n) {
            throw new OnnxException("tensor '" + t.getName() + "' declares " + n + " floats but holds " + t.getFloatDataCount());
        }
        float[] values = new float[n];
        if (t.hasRawData()) {
            t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        } else {
            for (int i = 0; i < n; i++) values[i] = t.getFloatData(i);
        }
        long[] shape = shape(t);
        return shape.length == 0 ? Nd4j.scalar(values[0]) : Nd4j.create(values, shape, 'c');
    }

    /** An INT64 (or INT32) tensor's values, e.g. a Reshape's target shape. */
    static long[] toLongs(TensorProto t) {
        int n = Math.toIntExact(elements(t));
        long[] v = new long[n];
        if (t.getDataType() == TensorProto.DataType.INT64_VALUE) {
            if (t.hasRawData()) {
                if (t.getRawData().size() != (long) n * 8) throw new OnnxException("tensor '" + t.getName() + "' has the wrong size");
                t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(v);
            } else {
                if (t.getInt64DataCount() != n) throw new OnnxException("tensor '" + t.getName() + "' has the wrong size");
                for (int i = 0; i < n; i++) v[i] = t.getInt64Data(i);
            }
            return v;
        }
        if (t.getDataType() == TensorProto.DataType.INT32_VALUE && !t.hasRawData() && t.getInt32DataCount() == n) {
            for (int i = 0; i < n; i++) v[i] = t.getInt32Data(i);
            return v;
        }
        throw new OnnxException("tensor '" + t.getName() + "' is " + typeName(t.getDataType()) + "; expected INT64");
    }

    /** A one-value float tensor's value (a threshold, a dropout ratio). */
    static float toScalar(TensorProto t) {
        INDArray a = toArray(t);
        if (a.length() != 1) throw new OnnxException("tensor '" + t.getName() + "' should hold one value, not " + a.length());
        return a.getFloat(0);
    }

    static String typeName(int dataType) {
        TensorProto.DataType type = TensorProto.DataType.forNumber(dataType);
        return type == null ? "data type " + dataType : type.name();
    }
}
