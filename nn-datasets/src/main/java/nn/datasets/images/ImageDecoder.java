package nn.datasets.images;

import nn.api.data.DataException;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/** One picture of any size to `channels` x H x W uint8 (channel-major), resized bilinearly. */
final class ImageDecoder {
    /** Pictures larger than this are refused before decoding their pixels (a decompression bomb). */
    static final long MAX_PIXELS = 50_000_000;

    private ImageDecoder() {
    }

    static void decode(Path file, int channels, int height, int width, byte[] out, int at) throws DataException {
        BufferedImage image;
        try (var in = javax.imageio.ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) throw new DataException(file + ": cannot open");
            var readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) throw new DataException(file + ": not a PNG or JPEG image");
            var reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_PIXELS) throw new DataException(file + ": " + reader.getWidth(0) + "x" + reader.getHeight(0) + " is too large");
                image = reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (DataException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new DataException(file + ": unreadable or truncated image (" + e.getMessage() + ")", e);
        }
        BufferedImage scaled = new BufferedImage(width, height, channels == 1 ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scaled.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, width, height, null);
        g.dispose();
        int plane = height * width;
        if (channels == 1) {
            byte[] grey = (byte[]) scaled.getRaster().getDataElements(0, 0, width, height, null);
            System.arraycopy(grey, 0, out, at, plane);
            return;
        }
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int rgb = scaled.getRGB(x, y);
                out[at + y * width + x] = (byte) (rgb >> 16);
                out[at + plane + y * width + x] = (byte) (rgb >> 8);
                out[at + 2 * plane + y * width + x] = (byte) rgb;
            }
        }
    }
}
