package nn.cli;

import com.google.inject.Inject;
import nn.api.checkpoint.Checkpoint;
import nn.api.data.DataLocation;
import nn.api.data.Dataset;
import nn.api.data.ImageSet;
import nn.api.graph.Call;
import nn.api.graph.TrainSpec;
import nn.api.inference.Model;
import nn.api.registry.Registry;
import nn.api.schema.Args;
import nn.api.spi.DatasetProvider;
import nn.serve.ModelServer;
import nn.serve.ServeConfig;
import nn.serve.TestExamples;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** `nn serve CKPT...`: the models behind HTTP until SIGTERM or Ctrl-C, which end it gracefully with exit code 0. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve checkpoints over HTTP: a JSON/image prediction API with dynamic batching, /metrics, /healthz,",
                "and a page at / to draw digits on. SIGTERM or Ctrl-C finishes the requests in flight and exits 0."})
final class ServeCommand implements Callable<Integer> {
    /** Test images kept for the page's strip. */
    private static final int STRIP_IMAGES = 100;
    private final Registry registry;

    @Parameters(arity = "0..*", paramLabel = "CKPT", description = "checkpoints written by nn train (model.nnc); each served under its model's name")
    List<Path> checkpoints = new ArrayList<>();

    @Option(names = "--ensemble", paramLabel = "NAME=A.nnc,B.nnc,...",
            description = "serve several checkpoints of the same task as one model NAME that averages their class probabilities (repeatable)")
    List<String> ensembles = new ArrayList<>();

    @Option(names = "--host", paramLabel = "HOST", description = "address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface)")
    String host = ServeConfig.defaults().host();

    @Option(names = "--port", paramLabel = "PORT", description = "port (default: ${DEFAULT-VALUE}; 0 for any free port)")
    int port = ServeConfig.defaults().port();

    @Option(names = "--max-batch", paramLabel = "N", description = "most examples in one forward pass (default: ${DEFAULT-VALUE})")
    int maxBatch = ServeConfig.defaults().maxBatch();

    @Option(names = "--max-wait-ms", paramLabel = "MS", description = "how long a batch may wait for requests being read (default: ${DEFAULT-VALUE})")
    int maxWaitMillis = ServeConfig.defaults().maxWaitMillis();

    @Option(names = "--workers", paramLabel = "N", description = "forward passes at once per model, each on its own copy (default: ${DEFAULT-VALUE})")
    int workers = ServeConfig.defaults().workers();

    @Option(names = "--max-body-bytes", paramLabel = "BYTES", description = "largest request body (default: ${DEFAULT-VALUE})")
    long maxBodyBytes = ServeConfig.defaults().maxBodyBytes();

    @Option(names = "--max-image-side", paramLabel = "PX", description = "largest width or height of an uploaded image (default: ${DEFAULT-VALUE})")
    int maxImageSide = ServeConfig.defaults().maxImageSide();

    @Option(names = "--max-instances", paramLabel = "N", description = "most instances in one request (default: ${DEFAULT-VALUE})")
    int maxInstances = ServeConfig.defaults().maxInstances();

    @Option(names = "--timeout-ms", paramLabel = "MS", description = "longest a request waits for its answer before a 503 (default: ${DEFAULT-VALUE})")
    long timeoutMillis = ServeConfig.defaults().timeoutMillis();

    @Mixin
    DataOptions data;

    @Mixin
    BackendOptions backend;

    @Spec
    CommandSpec spec;

    @Inject
    ServeCommand(Registry registry) {
        this.registry = registry;
    }

    @Override
    public Integer call() throws InterruptedException {
        ServeConfig config = config();
        if (checkpoints.isEmpty() && ensembles.isEmpty()) throw new UserError("what to serve? give checkpoints (or --ensemble NAME=A.nnc,B.nnc)");
        List<ServedEnsemble> groups = new ArrayList<>();
        for (String e : ensembles) groups.add(ServedEnsemble.parse(e)); // every option checked before anything loads
        List<Checkpoint> read = new ArrayList<>();
        for (Path file : checkpoints) read.add(Checkpoints.readForInference(file)); // every file readable before anything starts
        for (ServedEnsemble g : groups) g.read();
        TrainSpec train = (read.isEmpty() ? groups.get(0).checkpoints().get(0) : read.get(0)).graph().train();
        backend.activate(registry, train == null ? null : train.settings().backend(), train == null ? 0 : train.settings().threads());
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Map<Model, TestExamples> models = new LinkedHashMap<>();
        for (int i = 0; i < read.size(); i++) {
            Model model;
            try {
                model = Model.of(read.get(i), registry, new Model.Options(config.workers(), config.maxBatch(), null, 0));
            } catch (IllegalArgumentException e) {
                throw new UserError(checkpoints.get(i) + ": " + e.getMessage());
            }
            models.put(model, testImages(read.get(i), err));
        }
        for (ServedEnsemble g : groups) {
            Model.Options options = new Model.Options(config.workers(), config.maxBatch(), null, 0);
            models.put(g.model(registry, options), testImages(g.checkpoints().get(0), err));
        }
        read.clear(); // the models hold what they need
        ModelServer server;
        try {
            server = new ModelServer(models, config);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        CountDownLatch stop = new CountDownLatch(1);
        StopSignals.install(stop::countDown);
        int actual;
        try {
            actual = server.start();
        } catch (RuntimeException e) {
            throw new RunFailure("cannot listen on " + host + ":" + port + ": " + rootMessage(e), e);
        }
        String base = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + actual;
        out.printf("nn serve: listening on %s%n", base);
        for (Model m : models.keySet()) {
            out.printf("  %s: POST %s/v1/models/%s:predict  (input %s, %d outputs)%n", m.name(), base, m.name(),
                    Arrays.toString(m.inputShape().dims()), m.outputSize());
        }
        out.printf("  page %s/   metrics %s/metrics   health %s/healthz; SIGTERM or Ctrl-C stops%n", base, base, base);
        out.flush();
        stop.await();
        out.println("nn serve: stopping: finishing the requests in flight");
        out.flush();
        server.close();
        out.println("nn serve: stopped");
        return ExitCodes.OK;
    }

    private ServeConfig config() {
        try {
            return new ServeConfig(host, port, maxBatch, maxWaitMillis, workers, maxBodyBytes, maxImageSide, maxInstances,
                    timeoutMillis, Math.max(4096, 4 * maxInstances));
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    /** The first test images of the checkpoint's data set, for the page; none (with a warning) when it cannot be read here. */
    private TestExamples testImages(Checkpoint checkpoint, PrintWriter err) {
        TrainSpec train = checkpoint.graph().train();
        if (train == null || train.data() == null) return TestExamples.NONE;
        Call call = train.data();
        DatasetProvider provider = registry.datasets().get(call.name());
        if (provider == null) return TestExamples.NONE;
        Map<String, Object> args = new LinkedHashMap<>(call.args());
        // Only a handful of test images are shown: read no more than that where the data set allows it.
        if (provider.schema().find("train_limit") != null) args.put("train_limit", 1);
        if (provider.schema().find("test_limit") != null) args.put("test_limit", STRIP_IMAGES);
        try {
            DataLocation where = data.location();
            Dataset dataset = provider.load(new Args(args), where);
            if (!dataset.isImages()) return TestExamples.NONE;
            ImageSet test = dataset.testImages(STRIP_IMAGES);
            List<byte[]> pixels = new ArrayList<>();
            List<Integer> labels = new ArrayList<>();
            int size = test.imageSize();
            for (int i = 0; i < test.count(); i++) {
                pixels.add(Arrays.copyOfRange(test.pixels(), i * size, (i + 1) * size));
                labels.add(test.label(i));
            }
            return new TestExamples(pixels, labels);
        } catch (Exception e) {
            err.println("nn: warning: " + checkpoint.graph().name() + ": no test images for the page's strip ("
                    + rootMessage(e) + ")");
            return TestExamples.NONE;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
