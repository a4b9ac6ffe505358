package nn.cli.sweep;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The runs of a sweep: the grid, the random draw, seeds and directory names. */
class SweepGridTest {

    @Test
    void commasInsideListsAndStringsBelongToTheValue() {
        assertEquals(new SweepGrid.Axis("norm", List.of("[0.5, 0.5]", "[0.1307, 0.3081]")),
                SweepGrid.axis("norm=[0.5, 0.5],[0.1307, 0.3081]"));
        assertEquals(List.of("\"a,b\"", "c"), SweepGrid.axis("s=\"a,b\",c").values());
        assertEquals(List.of("1e-3", "3e-3"), SweepGrid.axis("lr=1e-3, 3e-3").values());
    }

    @Test
    void badAssignmentsAreRefusedWithTheOption() {
        assertEquals("--set lr: expected NAME=VALUE[,VALUE...] (--set lr=1e-3,3e-3)",
                assertThrows(IllegalArgumentException.class, () -> SweepGrid.axis("lr")).getMessage());
        assertEquals("--set lr=1,,2: an empty value; separate values by single commas",
                assertThrows(IllegalArgumentException.class, () -> SweepGrid.axis("lr=1,,2")).getMessage());
        assertEquals("--set lr=1,1: a value is given twice",
                assertThrows(IllegalArgumentException.class, () -> SweepGrid.axis("lr=1,1")).getMessage());
    }

    @Test
    void theGridHasEveryCombinationTheFirstAxisSlowestThenEverySeed() {
        List<SweepRun> runs = SweepGrid.runs(List.of(SweepGrid.axis("lr=1,2"), SweepGrid.axis("width=8,16")), 0,
                List.of(1L, 2L));
        assertEquals(List.of("lr=1_width=8_seed=1", "lr=1_width=8_seed=2", "lr=1_width=16_seed=1",
                        "lr=1_width=16_seed=2", "lr=2_width=8_seed=1", "lr=2_width=8_seed=2", "lr=2_width=16_seed=1",
                        "lr=2_width=16_seed=2"),
                runs.stream().map(SweepRun::directoryName).toList());
        assertEquals(List.of("--set", "lr=1", "--set", "width=8"), runs.get(0).setArguments());
    }

    @Test
    void aRandomDrawIsTheSameEveryTimeAndKeepsTheGridsOrder() {
        List<SweepGrid.Axis> axes = List.of(SweepGrid.axis("a=1,2,3,4"), SweepGrid.axis("b=5,6,7"));
        List<Long> fileSeed = Arrays.asList((Long) null);
        List<SweepRun> first = SweepGrid.runs(axes, 4, fileSeed);
        assertEquals(4, first.size());
        assertEquals(first, SweepGrid.runs(axes, 4, fileSeed));
        List<SweepRun> all = SweepGrid.runs(axes, 0, fileSeed);
        for (int i = 1; i < first.size(); i++) {
            assertEquals(true, all.indexOf(first.get(i - 1)) < all.indexOf(first.get(i)));
        }
        assertEquals(12, SweepGrid.runs(axes, 50, fileSeed).size(), "more than the grid holds: the whole grid");
    }

    @Test
    void directoryNamesHoldOnlySafeCharacters() {
        assertEquals("norm=-0.5--0.5-_seed=3", new SweepRun(Map.of("norm", "[0.5, 0.5]"), 3L).directoryName());
        assertEquals("act=-relu-", new SweepRun(Map.of("act", "\"relu\""), null).directoryName());
    }

    @Test
    void rangesAreReadWithTheirKind() {
        SweepRange lr = SweepGrid.axis("lr=1e-4..1e-2:log").range();
        assertEquals(new SweepRange("1e-4..1e-2:log", 1e-4, 1e-2, false, true), lr);
        assertEquals(new SweepRange("64..512:int", 64, 512, true, false), SweepGrid.axis("width=64..512:int").range());
        assertEquals(new SweepRange("32..1024:int:log", 32, 1024, true, true),
                SweepGrid.axis("width=32..1024:int:log").range());
        assertEquals(List.of(), SweepGrid.axis("drop=0.1..0.5").values());
        assertEquals(null, SweepGrid.axis("s=\"a..b\"").range(), "a string holding two dots is a value");
    }

    @Test
    void badRangesAreRefusedWithTheOption() {
        for (String[] bad : new String[][]{
                {"lr=1e-2..1e-4", "--set lr=1e-2..1e-4: LOW must be below HIGH"},
                {"lr=0..1e-2:log", "--set lr=0..1e-2:log: a :log range needs LOW above 0"},
                {"width=64.5..512:int", "--set width=64.5..512:int: an :int range takes whole numbers (64..512:int)"},
                {"lr=a..b", "--set lr=a..b: expected numbers LOW..HIGH (0.1..0.5, 1e-4..1e-2:log)"},
                {"lr=1..2..3", "--set lr=1..2..3: expected LOW..HIGH"},
                {"lr=1..2:cube", "--set lr=1..2:cube: 'cube' is not a kind of range; write :int, :log or both"}}) {
            assertEquals(bad[1], assertThrows(IllegalArgumentException.class, () -> SweepGrid.axis(bad[0])).getMessage());
        }
    }

    @Test
    void aGridRefusesARange() {
        List<SweepGrid.Axis> axes = List.of(SweepGrid.axis("lr=1e-4..1e-2:log"));
        assertEquals("--set lr=1e-4..1e-2:log: a range is sampled, it needs --random K; a grid takes listed values"
                        + " (--set lr=V1,V2)",
                assertThrows(IllegalArgumentException.class, () -> SweepGrid.runs(axes, 0, List.of(1L))).getMessage());
    }

    @Test
    void randomDrawsFromRangesStayInsideThemAndAreTheSameEveryTime() {
        List<SweepGrid.Axis> axes = List.of(SweepGrid.axis("lr=1e-4..1e-2:log"), SweepGrid.axis("drop=0.1..0.5"),
                SweepGrid.axis("width=64..512:int"), SweepGrid.axis("act=\"relu\",\"gelu\""));
        List<Long> seeds = List.of(1L, 2L);
        List<SweepRun> runs = SweepGrid.runs(axes, 40, seeds);
        assertEquals(80, runs.size());
        assertEquals(runs, SweepGrid.runs(axes, 40, seeds), "a resumed sweep draws the same runs");
        assertEquals(runs.get(0).settings(), runs.get(1).settings(), "each draw with every seed");
        int belowMilli = 0;
        java.util.Set<String> acts = new java.util.HashSet<>();
        for (SweepRun run : runs) {
            double lr = Double.parseDouble(run.settings().get("lr"));
            double drop = Double.parseDouble(run.settings().get("drop"));
            String width = run.settings().get("width");
            assertTrue(lr >= 1e-4 && lr <= 1e-2, run.toString());
            assertTrue(drop >= 0.1 && drop <= 0.5, run.toString());
            assertTrue(width.matches("\\d+") && Integer.parseInt(width) >= 64 && Integer.parseInt(width) <= 512, width);
            assertTrue(run.settings().get("drop").matches("0\\.\\d{1,3}"), "three significant digits: " + run.settings());
            if (lr < 1e-3) belowMilli++;
            acts.add(run.settings().get("act"));
        }
        // Log-uniform: half the draws below the geometric middle 1e-3 (uniform would put 9 % there).
        assertTrue(belowMilli >= 24 && belowMilli <= 56, "draws below 1e-3 of 80: " + belowMilli);
        assertEquals(java.util.Set.of("\"relu\"", "\"gelu\""), acts, "listed values are drawn among too");
        assertEquals(40, runs.stream().map(SweepRun::settings).distinct().count(), "40 distinct settings");
        assertEquals(80, runs.stream().map(SweepRun::directoryName).distinct().count());
    }

    @Test
    void aSmallRangeGivesItsDistinctSettingsOnce() {
        List<SweepRun> runs = SweepGrid.runs(List.of(SweepGrid.axis("depth=1..3:int")), 10, Arrays.asList((Long) null));
        assertEquals(java.util.Set.of("1", "2", "3"),
                new java.util.HashSet<>(runs.stream().map(r -> r.settings().get("depth")).toList()));
        assertEquals(3, runs.size());
    }

    @Test
    void floatsAreWrittenAsTheLanguageReadsThem() {
        assertEquals("0.000347", SweepRange.floatText(0.000347));
        assertEquals("3.47e-5", SweepRange.floatText(0.0000347));
        assertEquals("1.0e-5", SweepRange.floatText(1e-5));
        assertEquals("2.0", SweepRange.floatText(2));
        assertEquals("2.5e6", SweepRange.floatText(2.5e6));
        assertEquals("-0.25", SweepRange.floatText(-0.25));
        assertEquals("64.0", SweepGrid.axis("width=64..512").range().lowest());
    }
}
