package nn.api.data;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;

/**
 * Decodes a picture (PNG, JPEG, GIF, BMP) from an untrusted source: its header's size is checked
 * before any pixel is decoded, since a file of a few kilobytes can declare 50,000 × 50,000 pixels
 * (10 GB once decoded).
 */
public final class ImageDecoder {
    /** 40 megapixels: any photo, 160 MB decoded. */
    public static final long MAX_PIXELS = 40_000_000L;

    private ImageDecoder() {
    }

    /** The decoded image; a DataException naming `name` for anything that is not a readable, sane image. */
    public static BufferedImage decode(InputStream bytes, String name) throws DataException {
        try (ImageInputStream in = ImageIO.createImageInputStream(bytes)) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new DataException(name + ": not an image nn can read (PNG, JPEG, GIF or BMP)");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long width = reader.getWidth(0), height = reader.getHeight(0);
                if (width <= 0 || height <= 0 || width * height > MAX_PIXELS) {
                    throw new DataException(name + ": the image declares " + width + " x " + height
                            + " pixels; nn reads images of at most " + MAX_PIXELS / 1_000_000 + " megapixels");
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (DataException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new DataException(name + ": cannot read image: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }
}
