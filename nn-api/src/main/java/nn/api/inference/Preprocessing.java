package nn.api.inference;

import nn.api.checkpoint.ModelSignature;
import nn.api.data.Normalization;
import nn.api.graph.Shape;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * The one place raw inputs become model inputs, exactly as the training data did: values on
 * the data set's scale (pixels 0..255) are checked against the input's shape and normalised
 * with the checkpoint's {@link ModelSignature}; pictures of any size are first made into such
 * pixels. `nn predict`, `nn serve` and the Java API all go through here.
 */
public final class Preprocessing {
    private final Shape input;
    private final float[] table;
    private final Normalization normalization;
    /** What training applied to each example: pixel normalisation or a table's standardisation. */
    private final nn.api.data.Preprocessing training;

    public Preprocessing(Shape input, ModelSignature signature) {
        this.input = input;
        this.normalization = signature.normalization();
        this.table = normalization.lookupTable();
        this.training = nn.api.data.Preprocessing.of(signature);
    }

    public Shape inputShape() {
        return input;
    }

    public Normalization normalization() {
        return normalization;
    }

    /** How many values one example holds. */
    public int size() {
        return Math.toIntExact(input.size());
    }

    /** Raw values (pixels 0..255 flattened in the input's C order, or a table row's features) into the model's input. */
    public float[] modelInput(float[] raw) {
        if (raw.length != size()) {
            throw new InvalidInput("expected " + size() + " values (shape " + Arrays.toString(input.dims())
                    + "), got " + raw.length);
        }
        for (int i = 0; i < raw.length; i++) {
            if (!Float.isFinite(raw[i])) throw new InvalidInput("value " + i + " is " + raw[i] + "; expected a finite number");
        }
        return training.toModelInput(raw);
    }

    /** Pixels 0..255 as bytes (a data set's or a picture's) into the model's input values. */
    public float[] modelInput(byte[] pixels) {
        if (pixels.length != size()) {
            throw new InvalidInput("expected " + size() + " pixels, got " + pixels.length);
        }
        float[] x = new float[pixels.length];
        for (int i = 0; i < pixels.length; i++) x[i] = table[pixels[i] & 0xFF];
        return x;
    }

    /** Whether the model takes one grey picture, [1, H, W]: only then does an image make sense. */
    public boolean takesImages() {
        return input.rank() == 3 && input.dim(0) == 1;
    }

    /**
     * A picture of any size as the model's raw pixels: grey, resized to the input, light digits
     * on a dark ground like MNIST's (a picture that is mostly light, ink on paper, is inverted).
     */
    public byte[] pixels(BufferedImage image) {
        if (!takesImages()) {
            throw new InvalidInput("this model takes " + Arrays.toString(input.dims())
                    + " values, not an image; images suit models with a [1, H, W] input");
        }
        int h = input.dim(1), w = input.dim(2);
        BufferedImage grey = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = grey.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(image, 0, 0, w, h, Color.WHITE, null); // transparent areas count as paper
        g.dispose();
        byte[] pixels = new byte[w * h];
        grey.getRaster().getDataElements(0, 0, w, h, pixels);
        long sum = 0;
        for (byte p : pixels) sum += p & 0xFF;
        if (sum / pixels.length > 127) {
            for (int i = 0; i < pixels.length; i++) pixels[i] = (byte) (255 - (pixels[i] & 0xFF));
        }
        return pixels;
    }

    /** A picture straight into model input. */
    public float[] modelInput(BufferedImage image) {
        return modelInput(pixels(image));
    }
}
