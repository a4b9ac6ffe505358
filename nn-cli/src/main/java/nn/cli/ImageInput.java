package nn.cli;

import nn.api.inference.Preprocessing;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a picture file named on the command line into the model's raw pixels, failing in one line that names it. */
final class ImageInput {
    private ImageInput() {
    }

    static byte[] read(Path file, Preprocessing preprocessing) {
        if (!preprocessing.takesImages()) {
            throw new UserError("nn predict reads images for models with a [1, H, W] input; this model takes "
                    + preprocessing.inputShape());
        }
        if (!Files.isRegularFile(file)) throw new UserError(file + ": no such image file");
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw new UserError(file + ": cannot read image: " + e.getMessage());
        }
        if (image == null) throw new UserError(file + ": not an image nn can read (PNG, JPEG, GIF or BMP)");
        return preprocessing.pixels(image);
    }
}
