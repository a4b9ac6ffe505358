package nn.cli;

import com.google.inject.Inject;
import nn.api.data.Dataset;
import nn.api.data.ImageSet;
import nn.api.graph.Call;
import nn.api.registry.Registry;
import nn.cli.plot.ImageGrid;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** `nn data NAME [--grid N -o FILE]`: what a data set holds, before training on it. */
@Command(name = "data", mixinStandardHelpOptions = true,
        description = "Show a data set: its examples per class in each split, and a grid of sample images.")
final class DataCommand implements Callable<Integer> {
    private final Registry registry;

    @Parameters(index = "0", paramLabel = "NAME", description = "a data set, e.g. mnist or fashion-mnist")
    String name;

    @Option(names = "--grid", paramLabel = "N", description = "draw the first N training images with their labels")
    Integer grid;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "the grid's PNG (default: NAME-samples.png)")
    Path output;

    @Mixin
    DataOptions data;

    @Spec
    CommandSpec spec;

    @Inject
    DataCommand(Registry registry) {
        this.registry = registry;
    }

    @Override
    public Integer call() throws IOException {
        String id = name.replace('-', '_'); // fashion-mnist on the command line, fashion_mnist in .nn files
        if (!registry.datasets().containsKey(id)) {
            throw new UserError("no data set named '" + name + "'; installed: " + registry.datasets().keySet());
        }
        if (grid != null) Options.positive("--grid", grid);
        if (output != null && grid == null) throw new UserError("-o names the sample grid's file: give --grid N too");
        Dataset dataset = data.load(registry, new Call(id, Map.of()), null);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%s: %s%n", dataset.name(), registry.datasets().get(id).description());
        out.print(counts(dataset));
        if (grid != null) {
            Path file = output != null ? output : Path.of(id + "-samples.png");
            ImageSet train = dataset.trainImages(grid);
            int n = Math.min(grid, train.count());
            List<ImageGrid.Tile> tiles = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                tiles.add(Tiles.of(train, i, dataset.classNames().get(train.label(i)), false));
            }
            ImageGrid.write(tiles, file);
            out.printf("wrote %s (the first %d training images)%n", file, n);
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** Examples per class in each split, with the totals. */
    static String counts(Dataset d) {
        List<String> names = d.classNames();
        long[] train = perClass(d.train(), names.size()), test = perClass(d.test(), names.size());
        int width = "class".length();
        for (String n : names) width = Math.max(width, n.length());
        StringBuilder s = new StringBuilder(String.format("%-" + width + "s  %8s  %8s%n", "class", "train", "test"));
        for (int c = 0; c < names.size(); c++) {
            s.append(String.format("%-" + width + "s  %,8d  %,8d%n", names.get(c), train[c], test[c]));
        }
        s.append(String.format("%-" + width + "s  %,8d  %,8d%n", "total", d.train().count(), d.test().count()));
        return s.toString();
    }

    private static long[] perClass(nn.api.data.Examples set, int classes) {
        long[] counts = new long[classes];
        for (int i = 0; i < set.count(); i++) counts[set.label(i)]++;
        return counts;
    }
}
