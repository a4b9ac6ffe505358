package nn.cli;

import nn.api.inference.ImageDecoder;
import nn.api.inference.InvalidInput;
import nn.api.inference.Preprocessing;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a picture file named on the command line into the model's raw pixels, failing in one line that names it. */
final class ImageInput {
    /** Any photo fits; a header declaring more is refused before its pixels are decoded. */
    private static final ImageDecoder DECODER = new ImageDecoder(10_000);
    private static final long MAX_FILE_BYTES = 256L << 20;

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
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new UserError(file + ": " + Files.size(file) / (1 << 20) + " MB is larger than any picture nn reads ("
                        + MAX_FILE_BYTES / (1 << 20) + " MB)");
            }
            image = DECODER.decode(Files.readAllBytes(file));
        } catch (InvalidInput e) {
            throw new UserError(file + ": " + e.getMessage());
        } catch (IOException e) {
            throw new UserError(file + ": cannot read image: " + e.getMessage());
        }
        return preprocessing.pixels(image);
    }
}
