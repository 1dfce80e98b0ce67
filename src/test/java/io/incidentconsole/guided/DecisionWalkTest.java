package io.incidentconsole.guided;

import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.plan.DecisionTree;
import io.incidentconsole.plan.PlanLoader;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DecisionWalkTest {

    private static final DecisionTree TREE = new PlanLoader().loadBundledSeed().plan().decisions().stream()
            .filter(t -> t.id().equals("schema-cleanup")).findFirst().orElseThrow();

    @Test
    void startsAtTheTreesFirstQuestion() {
        DecisionWalk walk = DecisionWalk.start(TREE);

        assertThat(walk.current()).hasValueSatisfying(n ->
                assertThat(n.question()).isEqualTo("Does the audit show userId is null for all users?"));
        assertThat(walk.finished()).isFalse();
        assertThat(walk.path()).isEmpty();
    }

    @Test
    void yesThenYesProceeds() {
        DecisionWalk walk = DecisionWalk.start(TREE).answer(0);
        assertThat(walk.current()).hasValueSatisfying(n -> assertThat(n.id()).isEqualTo("cli-safe"));

        DecisionWalk done = walk.answer(0);

        assertThat(done.finished()).isTrue();
        assertThat(done.outcome()).hasValueSatisfying(o -> assertThat(o.title()).isEqualTo("PROCEED with schema cleanup"));
        assertThat(done.path()).containsExactly(
                new EventPayload.Answer("audit-null", "Yes: userId is null for all users"),
                new EventPayload.Answer("cli-safe", "Yes: the CLI won't regenerate the field"));
    }

    @Test
    void yesThenNoSkipsAndNoDoesNotRemove() {
        assertThat(DecisionWalk.start(TREE).answer(0).answer(1).outcome())
                .hasValueSatisfying(o -> assertThat(o.id()).isEqualTo("skip"));
        DecisionWalk no = DecisionWalk.start(TREE).answer(1);
        assertThat(no.outcome()).hasValueSatisfying(o -> {
            assertThat(o.id()).isEqualTo("do-not-remove");
            assertThat(o.actions()).containsExactly("Investigate why it's populated", "Fix data inconsistency first");
        });
        assertThat(no.path()).hasSize(1);
    }

    @Test
    void backTakesTheLastAnswerBack() {
        DecisionWalk back = DecisionWalk.start(TREE).answer(0).answer(1).back();

        assertThat(back.current()).hasValueSatisfying(n -> assertThat(n.id()).isEqualTo("cli-safe"));
        assertThat(back.path()).hasSize(1);
        assertThat(DecisionWalk.start(TREE).back().current()).hasValueSatisfying(n -> assertThat(n.id()).isEqualTo("audit-null"));
    }

    @Test
    void answersOutsideTheQuestionOrAfterTheOutcomeAreRefused() {
        assertThatThrownBy(() -> DecisionWalk.start(TREE).answer(2)).hasMessageContaining("has 2 answers");
        assertThatThrownBy(() -> DecisionWalk.start(TREE).answer(1).answer(0)).hasMessageContaining("already taken");
    }

    @Test
    void aTreeNamingAMissingOutcomeStopsWithAProblem() {
        DecisionTree broken = new DecisionTree("t", "T", null, "q",
                List.of(new DecisionTree.DecisionNode("q", "Q?", List.of(new DecisionTree.Answer("yes", null, "gone")))),
                List.of());

        DecisionWalk walk = DecisionWalk.start(broken).answer(0);

        assertThat(walk.finished()).isTrue();
        assertThat(walk.outcome()).isEmpty();
        assertThat(walk.problem()).hasValueSatisfying(p -> assertThat(p).contains("'gone'"));
        assertThat(DecisionWalk.start(new DecisionTree("t", "T", null, "none", List.of(), List.of())).problem())
                .isPresent();
    }
}
