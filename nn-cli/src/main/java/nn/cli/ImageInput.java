package nn.cli;

import nn.api.data.DataException;
import nn.api.data.ImageDecoder;

import nn.api.graph.Shape;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Turns a picture (PNG, JPEG, any size) into what an MNIST-style model expects: grey, resized
 * to the model's input, light digits on a dark ground (a photo of ink on paper is inverted),
 * as bytes 0..255 like the data set's.
 */
final class ImageInput {
    private ImageInput() {
    }

    static byte[] read(Path file, Shape input) {
        if (input.rank() != 3 || input.dim(0) != 1) {
            throw new UserError("nn predict reads images for models with a [1, H, W] input; this model takes " + input);
        }
        if (!Files.isRegularFile(file)) throw new UserError(file + ": no such image file");
        BufferedImage image;
        try (InputStream in = Files.newInputStream(file)) {
            image = ImageDecoder.decode(in, file.toString());
        } catch (DataException e) {
            throw new UserError(e.getMessage());
        } catch (IOException e) {
            throw new UserError(file + ": cannot read image: " + e.getMessage());
        }
        int h = input.dim(1), w = input.dim(2);
        BufferedImage grey = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = grey.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(image, 0, 0, w, h, java.awt.Color.WHITE, null); // transparent areas count as paper
        g.dispose();
        byte[] pixels = new byte[w * h];
        grey.getRaster().getDataElements(0, 0, w, h, pixels);
        long sum = 0;
        for (byte p : pixels) sum += p & 0xFF;
        if (sum / pixels.length > 127) { // mostly light: dark ink on paper, the opposite of MNIST
            for (int i = 0; i < pixels.length; i++) pixels[i] = (byte) (255 - (pixels[i] & 0xFF));
        }
        return pixels;
    }
}
