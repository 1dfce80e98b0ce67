package io.incidentconsole.incident;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AppendLogTest {

    @Test
    void snapshotsNeverChangeWhenLaterOnesGrow() {
        AppendLog.Builder<String> builder = AppendLog.<String>empty().builder();
        builder.add("a");
        AppendLog<String> one = builder.snapshot();
        for (int i = 0; i < 100; i++) {
            builder.add("x" + i);
        }
        AppendLog<String> many = builder.snapshot();

        assertThat(one).containsExactly("a");
        assertThat(many).hasSize(101).startsWith("a", "x0");
        assertThatThrownBy(() -> one.get(1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> one.add("no")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void twoBuildersFromOneSnapshotBranchApart() {
        AppendLog.Builder<String> start = AppendLog.<String>empty().builder();
        start.add("a");
        AppendLog<String> base = start.snapshot();

        AppendLog.Builder<String> left = base.builder();
        AppendLog.Builder<String> right = base.builder();
        left.add("left");
        right.add("right");

        assertThat(left.snapshot()).containsExactly("a", "left");
        assertThat(right.snapshot()).containsExactly("a", "right");
        assertThat(base).containsExactly("a");
        assertThat(base).isEqualTo(List.of("a")).hasSameHashCodeAs(List.of("a"));
    }

    /** Any sequence of appends and branches gives the lists plain copying would give. */
    @Property
    void behavesLikeCopyingLists(@ForAll @Size(max = 60) List<@IntRange(min = 0, max = 9) Integer> ops) {
        List<AppendLog<Integer>> logs = new ArrayList<>(List.of(AppendLog.empty()));
        List<List<Integer>> copies = new ArrayList<>(List.of(List.of()));
        int n = 0;
        for (int op : ops) {
            int from = op % logs.size();
            AppendLog.Builder<Integer> builder = logs.get(from).builder();
            List<Integer> copy = new ArrayList<>(copies.get(from));
            for (int i = 0; i <= op % 3; i++) {
                builder.add(n);
                copy.add(n++);
            }
            logs.add(builder.snapshot());
            copies.add(copy);
        }
        assertThat(logs).isEqualTo(copies);
    }
}
