package nn.cli.sweep;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
}
