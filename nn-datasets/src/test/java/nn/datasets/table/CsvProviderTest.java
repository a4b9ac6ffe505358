package nn.datasets.table;

import nn.api.data.DataException;
import nn.api.data.DataLocation;
import nn.api.data.Dataset;
import nn.api.data.TableSet;
import nn.api.data.Task;
import nn.api.schema.Args;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CsvProviderTest {
    @TempDir
    Path dir;
    final CsvProvider provider = new CsvProvider();

    Path file(String name, String content) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, content);
        return f;
    }

    Dataset load(Object... keyValues) throws IOException {
        Map<String, Object> args = new LinkedHashMap<>();
        for (var param : provider.schema().params()) if (!param.isRequired()) args.put(param.name(), param.defaultValue());
        for (int i = 0; i < keyValues.length; i += 2) args.put((String) keyValues[i], keyValues[i + 1]);
        return provider.load(new Args(args), DataLocation.resolve(null));
    }

    /** The one-line message a bad file gives. */
    String error(Object... keyValues) {
        return assertThrows(DataException.class, () -> load(keyValues)).getMessage();
    }

    @Test
    void wordTargetsBecomeSortedClassesWithRfc4180Quoting() throws IOException {
        Path train = file("fruit.csv", "w,\"h, cm\",kind\n1,2,pear\n3,4,\"apple\"\n5,6,pear\n");
        Path test = file("fruit-test.csv", "kind,w,\"h, cm\"\napple,1,1\n");
        Dataset d = load("file", train.toString(), "target", "kind", "test", test.toString(), "standardize", false);
        assertEquals(Task.CLASSES, d.task());
        assertEquals(List.of("apple", "pear"), d.classNames());
        assertEquals(List.of("w", "h, cm"), d.columns().features());
        assertEquals(3, d.train().count());
        assertEquals(1, d.train().label(0));
        assertEquals(0, d.test().label(0));
        // The test file's columns are matched by name, not position.
        assertArrayEquals(new float[]{1, 1}, ((TableSet) d.test()).features());
    }

    @Test
    void numericTargetsAreValuesAndStandardisationComesFromTheTrainingSplitOnly() throws IOException {
        Path train = file("t.csv", "a;b;y;z\n0;1;10;1\n2;1;20;2\n4;1;30;3\n");
        Path test = file("u.csv", "a;b;y;z\n100;7;0;0\n");
        Dataset d = load("file", train.toString(), "targets", List.of("y", "z"), "test", test.toString(), "delimiter", ";");
        assertEquals(Task.VALUES, d.task());
        assertEquals(2, d.train().targetWidth());
        assertEquals(20f, d.train().target(1, 0));
        assertArrayEquals(new double[]{2, 1}, d.standardization().mean(), 1e-9);
        assertEquals(((TableSet) d.test()).standardization(), d.standardization());
    }

    @Test
    void aSeededSplitIsTheSameEveryTimeAndDiffersBetweenSeeds() throws IOException {
        StringBuilder s = new StringBuilder("x,y\n");
        for (int i = 0; i < 50; i++) s.append(i).append(',').append(i * 2).append('\n');
        Path f = file("s.csv", s.toString());
        TableSet a = (TableSet) load("file", f.toString(), "target", "y", "seed", 1).test();
        TableSet b = (TableSet) load("file", f.toString(), "target", "y", "seed", 1).test();
        TableSet c = (TableSet) load("file", f.toString(), "target", "y", "seed", 2).test();
        assertEquals(10, a.count());
        assertArrayEquals(a.features(), b.features());
        assertEquals(false, java.util.Arrays.equals(a.features(), c.features()));
    }

    @Test
    void aShareHoldsOnlyItsTrainingRowsStandardisedAsTheWholeReadHasThem() throws IOException {
        StringBuilder s = new StringBuilder("x,w,kind\n");
        for (int i = 0; i < 60; i++) s.append(i * 0.37).append(',').append(i % 7).append(',').append(i % 3 == 0 ? "cat" : "dog").append('\n');
        s.append("1,2,bird\n"); // the last row holds the only 'bird': a class even for shares that do not keep it
        Path f = file("share.csv", s.toString());
        Map<String, Object> args = new LinkedHashMap<>();
        for (var param : provider.schema().params()) if (!param.isRequired()) args.put(param.name(), param.defaultValue());
        args.putAll(Map.of("file", f.toString(), "target", "kind", "seed", 3, "train_limit", 40));
        Dataset whole = provider.load(new Args(args), DataLocation.resolve(null));
        int[] asked = new int[1];

        Dataset share = provider.load(new Args(args), DataLocation.resolve(null), count -> {
            asked[0] = count;
            return new int[]{0, 5, 6, 39};
        });

        assertEquals(40, asked[0], "chosen out of the training split after the test split and the limit");
        TableSet expected = ((TableSet) whole.train()).select(new int[]{0, 5, 6, 39});
        TableSet got = (TableSet) share.train();
        assertArrayEquals(expected.features(), got.features());
        assertArrayEquals(expected.labels(), got.labels());
        assertEquals(whole.standardization(), share.standardization(), "fitted on every training row, to the bit");
        assertEquals(List.of("bird", "cat", "dog"), share.classNames());
        assertEquals(0, share.test().count());
        assertEquals(whole.checksums(), share.checksums());
    }

    @Test
    void aShareStillNamesTheLineOfABadRowItDoesNotKeep() throws IOException {
        Path f = file("badshare.csv", "x,y\n1,2\n2,3\nthree,4\n5,6\n");
        Map<String, Object> args = new LinkedHashMap<>();
        for (var param : provider.schema().params()) if (!param.isRequired()) args.put(param.name(), param.defaultValue());
        args.putAll(Map.of("file", f.toString(), "target", "y", "test", f.toString()));
        String message = assertThrows(DataException.class,
                () -> provider.load(new Args(args), DataLocation.resolve(null), count -> new int[]{0})).getMessage();
        assertEquals(f + ":4: column 'x': 'three' is not a finite number", message);
    }

    @Test
    void intTargetsAreClassesWhenAskedAndKeepTheirNames() throws IOException {
        Path f = file("d.csv", "x,digit\n1,7\n2,3\n3,7\n4,10\n5,3\n");
        Dataset d = load("file", f.toString(), "target", "digit", "task", "classes", "test", f.toString());
        assertEquals(List.of("3", "7", "10"), d.classNames());
    }

    @Test
    void badFilesGiveOneLineWithFileLineAndColumn() throws IOException {
        Path p = file("bad.csv", "x1,x2,price\n1,2,3\n4,5\n");
        assertEquals(p + ":3: 2 fields, but the header has 3", error("file", p.toString(), "target", "price"));

        p = file("nan.csv", "x1,x2,price\n1,2,3\n4,five,6\n");
        assertEquals(p + ":3: column 'x2': 'five' is not a finite number", error("file", p.toString(), "target", "price"));

        p = file("hole.csv", "x1,x2,price\n1,,3\n");
        assertEquals(p + ":2: column 'x2': empty cell", error("file", p.toString(), "target", "price"));

        p = file("empty.csv", "");
        assertEquals(p + ": empty file, expected a header row of column names", error("file", p.toString(), "target", "y"));

        p = file("header.csv", "x,y\n");
        assertEquals(p + ": no data rows after the header", error("file", p.toString(), "target", "y"));

        p = file("typo.csv", "x1,x2,price\n1,2,3\n");
        assertEquals(p + ":1: no target column 'prise'; did you mean 'price'?", error("file", p.toString(), "target", "prise"));

        p = file("missing.csv", "x1,x2,price\n1,2,3\n");
        assertEquals(dir.resolve("nope.csv") + ": no such file", error("file", dir.resolve("nope.csv").toString(), "target", "price"));

        p = file("words.csv", "x,y\n1,2\n2,three\n3,4\n");
        assertEquals(p + ":3: 'three' in column 'y' is not a number, but task = \"values\" needs numbers",
                error("file", p.toString(), "target", "y", "task", "values"));

        Path train = file("tr.csv", "x,kind\n1,a\n2,b\n");
        Path test = file("te.csv", "x,kind\n1,a\n2,c\n");
        assertEquals(test + ":3: column 'kind': class 'c' is not among the training classes [a, b]",
                error("file", train.toString(), "target", "kind", "test", test.toString()));

        p = file("quote.csv", "x,y\n1,\"2\n");
        String broken = error("file", p.toString(), "target", "y");
        assertEquals(true, broken.startsWith(p + ": ") && !broken.contains("\n"), broken);
    }

    @Test
    void relativeFileNamesResolveAgainstTheModelsDirectory() {
        Map<String, Object> args = provider.resolveFiles(Map.of("file", "data/a.csv", "test", "", "target", "y"), Path.of("/m"));
        assertEquals("/m/data/a.csv", args.get("file"));
        assertEquals("", args.get("test"));
    }
}
