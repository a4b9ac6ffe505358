package nn.cli;

import nn.api.checkpoint.CheckpointMetadata;
import nn.api.checkpoint.CheckpointReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * `--set` on the commands that compile a file, and `nn sweep` end to end on a slice of MNIST:
 * every combination trained in its own JVM and directory, a table, a chart, and on a second
 * start finished runs skipped and an interrupted one resumed from its checkpoint.
 */
class SweepCommandTest {
    static final String TINY = """
            let width = 8
            let rate = 1e-2
            model tiny {
                input image: [1, 28, 28]
                image -> flatten() -> dense(width) -> relu() -> dense(10) -> logits
                output logits
            }
            train {
                data      = mnist(normalize = [0.5, 0.5])
                loss      = cross_entropy(logits, label)
                optimizer = adam(lr = rate)
                batch     = 50
                epochs    = 1
                seed      = 3
            }
            """;

    static Path tiny(Path dir) throws Exception {
        Path file = dir.resolve("tiny.nn");
        Files.writeString(file, TINY);
        return file;
    }

    @Test
    void aBadSetIsOneLineNamingTheOptionWithExitCode2(@TempDir Path dir) throws Exception {
        String file = tiny(dir).toString();
        for (String command : List.of("check", "summary", "train", "graph")) {
            CliRun r = CliRun.of(command, file, "--set", "widht=16");
            assertEquals(2, r.exitCode(), command + ": " + r.err());
            assertEquals("--set widht=16: error: the file has no constant 'widht'; did you mean 'width'?\n", r.err(), command);
        }
        CliRun wrongType = CliRun.of("check", file, "--set", "width=0.5");
        assertEquals(2, wrongType.exitCode());
        assertEquals("--set width=0.5: error: 'width' is an int (let width = 8 at " + file + ":1:5), and 0.5 is a float\n",
                wrongType.err());
        CliRun noValue = CliRun.of("check", file, "--set", "width");
        assertEquals(2, noValue.exitCode());
        assertEquals(1, noValue.err().lines().count(), noValue.err());
    }

    @Test
    void checkShowsTheReplacedValueAndTrainRecordsItInTheCheckpoint(@TempDir Path dir) throws Exception {
        String file = tiny(dir).toString();
        CliRun check = CliRun.of("check", file, "--set", "width=24");
        assertEquals(0, check.exitCode(), check.err());
        assertTrue(check.out().contains("[24]"), check.out());

        Path out = dir.resolve("run");
        CliRun train = CliRun.of("train", file, "--set", "width=24", "--set", "rate=5e-3", "--train-limit", "200",
                "--test-limit", "100", "--no-progress", "--out", out.toString());
        assertEquals(0, train.exitCode(), train.err());
        CheckpointMetadata meta = CheckpointReader.readMetadata(out.resolve("model.nnc"));
        assertEquals(Map.of("width", "24", "rate", "5e-3"), meta.provenance().overrides());
        assertEquals(List.of("width", "rate"), List.copyOf(meta.provenance().overrides().keySet()));
        assertEquals(24, CheckpointReader.read(out.resolve("model.nnc")).graph().node("dense_1").args().get("units"));

        CliRun resumeWithSet = CliRun.of("train", "--resume", out.resolve("model.nnc").toString(), "--set", "width=8");
        assertEquals(2, resumeWithSet.exitCode());
    }

    @Test
    void aSweepTrainsEveryCombinationThenSkipsThemWhenStartedAgain(@TempDir Path dir) throws Exception {
        String file = tiny(dir).toString();
        Path out = dir.resolve("sweep");
        String[] args = {"sweep", file, "--set", "width=4,8", "--set", "rate=1e-2", "--train-limit", "200",
                "--test-limit", "100", "--epochs", "2", "--jobs", "2", "--out", out.toString()};
        CliRun first = CliRun.of(args);
        assertEquals(0, first.exitCode(), first.out() + first.err());
        assertTrue(first.out().startsWith("sweep of 2 runs (2 settings x the file's seed), 2 at a time with 1 thread each"),
                first.out());
        for (String run : List.of("width=4_rate=1e-2", "width=8_rate=1e-2")) {
            assertTrue(Files.isRegularFile(out.resolve(run).resolve("model.nnc")), run);
            assertEquals(2, Files.readAllLines(out.resolve(run).resolve("metrics.jsonl")).size(), run);
        }
        List<String> csv = Files.readAllLines(out.resolve("sweep.csv"));
        assertEquals("width,rate,seed,status,epochs,final accuracy %,best accuracy %,best epoch,epoch s (median),wall s",
                csv.get(0));
        assertEquals(3, csv.size(), String.join("\n", csv));
        assertTrue(csv.get(1).startsWith("4,1e-2,file,finished,2,"), csv.get(1));
        assertTrue(Files.readString(out.resolve("sweep.md")).contains("| width | rate | seed | status |"));
        assertTrue(PngCheck.greyVariance(javax.imageio.ImageIO.read(out.resolve("sweep.png").toFile())) > PngCheck.MIN_VARIANCE);
        assertEquals(Map.of("width", "4", "rate", "1e-2"),
                CheckpointReader.readMetadata(out.resolve("width=4_rate=1e-2/model.nnc")).provenance().overrides());

        FileTime before = Files.getLastModifiedTime(out.resolve("width=8_rate=1e-2/model.nnc"));
        CliRun again = CliRun.of(args);
        assertEquals(0, again.exitCode(), again.err());
        assertEquals(2, again.out().lines().filter(l -> l.endsWith("finished before, skipped")).count(), again.out());
        assertEquals(before, Files.getLastModifiedTime(out.resolve("width=8_rate=1e-2/model.nnc")));

        List<String> reportArgs = new ArrayList<>(List.of(args));
        reportArgs.add("--report");
        CliRun report = CliRun.of(reportArgs.toArray(String[]::new));
        assertEquals(0, report.exitCode(), report.err());
        assertTrue(report.out().contains("| 4 | 1e-2 | file | finished | 2 |"), report.out());
        assertEquals(before, Files.getLastModifiedTime(out.resolve("width=8_rate=1e-2/model.nnc")));
    }

    @Test
    void seedsAloneRepeatTheFileAsItIsAndNothingToSweepIsRefused(@TempDir Path dir) throws Exception {
        String file = tiny(dir).toString();
        Path out = dir.resolve("seeds");
        CliRun seeds = CliRun.of("sweep", file, "--seeds", "2", "--train-limit", "100", "--test-limit", "50",
                "--epochs", "1", "--out", out.toString());
        assertEquals(0, seeds.exitCode(), seeds.out() + seeds.err());
        for (String run : List.of("seed=1", "seed=2")) {
            assertTrue(Files.isRegularFile(out.resolve(run).resolve("model.nnc")), run);
            assertEquals(Map.of(), CheckpointReader.readMetadata(out.resolve(run).resolve("model.nnc")).provenance().overrides());
        }
        assertEquals("seed,status,epochs,final accuracy %,best accuracy %,best epoch,epoch s (median),wall s",
                Files.readAllLines(out.resolve("sweep.csv")).get(0));

        CliRun nothing = CliRun.of("sweep", file, "--out", dir.resolve("none").toString());
        assertEquals(2, nothing.exitCode());
        assertEquals("nn: error: nothing to sweep: give --set NAME=V1,V2,... or --seeds N\n", nothing.err());
        CliRun randomWithoutSet = CliRun.of("sweep", file, "--seeds", "2", "--random", "3");
        assertEquals(2, randomWithoutSet.exitCode());
        assertEquals(1, randomWithoutSet.err().lines().count(), randomWithoutSet.err());
        assertFalse(Files.exists(dir.resolve("none")));
    }

    @Test
    void aSweepKilledDuringARunResumesItFromItsCheckpoint(@TempDir Path dir) throws Exception {
        String file = tiny(dir).toString();
        Path out = dir.resolve("sweep");
        List<String> args = List.of("sweep", file, "--set", "width=4", "--train-limit", "500", "--test-limit", "100",
                "--epochs", "40", "--out", out.toString());
        Path run = out.resolve("width=4");
        Process sweep = nn(args);
        List<ProcessHandle> children = new ArrayList<>();
        try {
            // Kill the sweep (SIGKILL: no shutdown hook runs) as soon as its run has a checkpoint and an epoch.
            long deadline = System.currentTimeMillis() + 300_000;
            while (!(Files.isRegularFile(run.resolve("model.nnc")) && Files.isRegularFile(run.resolve("metrics.jsonl"))
                    && !Files.readAllLines(run.resolve("metrics.jsonl")).isEmpty())) {
                assertTrue(sweep.isAlive() && System.currentTimeMillis() < deadline, "the sweep ended before an epoch");
                Thread.sleep(20);
            }
            children.addAll(sweep.descendants().toList());
            assertEquals(1, children.size(), "one train process");
            sweep.destroyForcibly().waitFor();
            // The orphaned run sees its sweep gone and stops by itself.
            long stopBy = System.currentTimeMillis() + 30_000;
            while (children.stream().anyMatch(ProcessHandle::isAlive) && System.currentTimeMillis() < stopBy) {
                Thread.sleep(50);
            }
            assertTrue(children.stream().noneMatch(ProcessHandle::isAlive), "a run outlived its killed sweep");
        } finally {
            children.forEach(ProcessHandle::destroyForcibly);
            sweep.destroyForcibly().waitFor();
        }
        assertTrue(Files.notExists(run.resolve("sweep-run.json")), "killed before the run ended");
        assertTrue(Files.readString(run.resolve("train.log")).contains("that started this run has ended; stopping"),
                Files.readString(run.resolve("train.log")));

        CliRun resumed = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, resumed.exitCode(), resumed.out() + resumed.err());
        assertTrue(resumed.out().contains("width=4: resumed and finished"), resumed.out());
        assertTrue(Files.readString(run.resolve("train.log")).contains("resuming at epoch"));
        List<String> epochs = new ArrayList<>();
        for (String line : Files.readAllLines(run.resolve("metrics.jsonl"))) {
            epochs.add(line.replaceAll(".*\"epoch\"\\s*:\\s*(\\d+).*", "$1"));
        }
        List<String> expected = new ArrayList<>();
        for (int e = 1; e <= 40; e++) expected.add(Integer.toString(e));
        assertEquals(expected, epochs, "every epoch once, in order");
    }

    @Test
    void aBadValueInASweepIsRefusedBeforeAnyRunStarts(@TempDir Path dir) throws Exception {
        String file = tiny(dir).toString();
        Path out = dir.resolve("sweep");
        CliRun r = CliRun.of("sweep", file, "--set", "width=4,4.5", "--out", out.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("--set width=4.5: error: 'width' is an int"), r.err());
        assertTrue(Files.notExists(out));
        CliRun twice = CliRun.of("sweep", file, "--set", "width=4", "--set", "width=8", "--out", out.toString());
        assertEquals(2, twice.exitCode());
        assertEquals("nn: error: --set width is given twice; list its values in one --set\n", twice.err());
    }

    @Test
    void aRandomSweepDrawsFromRangesAndRecordsTheDrawnValues(@TempDir Path dir) throws Exception {
        String file = tiny(dir).toString();
        Path out = dir.resolve("sweep");
        String[] args = {"sweep", file, "--set", "width=4..16:int", "--set", "rate=1e-3..1e-2:log", "--random", "2",
                "--train-limit", "200", "--test-limit", "100", "--epochs", "1", "--jobs", "2", "--out", out.toString()};
        CliRun r = CliRun.of(args);
        assertEquals(0, r.exitCode(), r.out() + r.err());
        List<String> csv = Files.readAllLines(out.resolve("sweep.csv"));
        assertEquals(3, csv.size(), String.join("\n", csv));
        for (String row : csv.subList(1, 3)) {
            String[] cells = row.split(",");
            int width = Integer.parseInt(cells[0]);
            double rate = Double.parseDouble(cells[1]);
            assertTrue(width >= 4 && width <= 16 && rate >= 1e-3 && rate <= 1e-2, row);
            assertEquals("finished", cells[3], row);
            Path run = out.resolve("width=" + cells[0] + "_rate=" + cells[1]);
            assertEquals(Map.of("width", cells[0], "rate", cells[1]),
                    CheckpointReader.readMetadata(run.resolve("model.nnc")).provenance().overrides());
            assertEquals(width, CheckpointReader.read(run.resolve("model.nnc")).graph().node("dense_1").args().get("units"));
        }
        CliRun again = CliRun.of(args);
        assertEquals(0, again.exitCode(), again.err());
        assertEquals(2, again.out().lines().filter(l -> l.endsWith("finished before, skipped")).count(), again.out());
    }

    @Test
    void aRangeIsRefusedInAGridAndWhereItsTypeDoesNotFit(@TempDir Path dir) throws Exception {
        String file = tiny(dir).toString();
        Path out = dir.resolve("sweep");
        CliRun grid = CliRun.of("sweep", file, "--set", "rate=1e-3..1e-2:log", "--out", out.toString());
        assertEquals(2, grid.exitCode());
        assertEquals("nn: error: --set rate=1e-3..1e-2:log: a range is sampled, it needs --random K; a grid takes"
                + " listed values (--set rate=V1,V2)\n", grid.err());
        CliRun floats = CliRun.of("sweep", file, "--set", "width=4..16", "--random", "3", "--out", out.toString());
        assertEquals(2, floats.exitCode());
        assertEquals("nn: error: --set width=4..16: 'width' is an int constant of the file; draw whole numbers with"
                + " :int (--set width=4..16:int)\n", floats.err());
        CliRun bad = CliRun.of("sweep", file, "--set", "rate=1e-2..1e-3", "--random", "3", "--out", out.toString());
        assertEquals(2, bad.exitCode());
        assertEquals(1, bad.err().lines().count(), bad.err());
        assertTrue(Files.notExists(out));
    }

    static Process nn(List<String> args) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(args);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }
}
