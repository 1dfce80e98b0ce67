package io.incidentconsole.rollback;

import java.util.List;
import java.util.stream.Collectors;

/** Generation was refused: each problem names the parameter and the rule its value breaks. */
public final class ScriptRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<FieldProblem> problems;

    public ScriptRefusedException(List<FieldProblem> problems) {
        super(problems.stream().map(FieldProblem::message).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
