package nn.api.inference;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;

/**
 * Decodes an untrusted picture (PNG, JPEG, GIF, BMP): its declared width and height are read
 * from the header and checked before a single pixel is allocated.
 */
public final class ImageDecoder {
    private final int maxSide;

    /** @param maxSide the largest width or height accepted */
    public ImageDecoder(int maxSide) {
        this.maxSide = maxSide;
    }

    public int maxSide() {
        return maxSide;
    }

    public BufferedImage decode(byte[] bytes) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new InvalidInput("not an image nn can read; expected PNG, JPEG, GIF or BMP");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int w = reader.getWidth(0), h = reader.getHeight(0);
                if (w < 1 || h < 1 || w > maxSide || h > maxSide) {
                    throw new InvalidInput.TooLarge("image is " + w + "x" + h + "; expected at most " + maxSide + "x" + maxSide);
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInput invalid) throw invalid;
            throw new InvalidInput("cannot decode the image (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); expected PNG, JPEG, GIF or BMP");
        }
    }
}
