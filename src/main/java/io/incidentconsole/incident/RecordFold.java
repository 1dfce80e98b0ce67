package io.incidentconsole.incident;

import io.incidentconsole.incident.EventPayload.CommandCopied;
import io.incidentconsole.incident.EventPayload.CommandGenerated;
import io.incidentconsole.incident.EventPayload.DecisionTaken;
import io.incidentconsole.incident.EventPayload.NoteAdded;
import io.incidentconsole.incident.EventPayload.ParameterEntered;
import io.incidentconsole.incident.EventPayload.ScriptRun;
import io.incidentconsole.incident.EventPayload.SignOffGiven;
import io.incidentconsole.incident.EventPayload.UpdatePublished;

/**
 * The fold of what is kept as a record: parameters entered, commands generated, copied and run, decisions,
 * sign-offs, notes and published updates. None of them changes a phase by itself.
 */
final class RecordFold {

    private RecordFold() {
    }

    static void register(FoldHandlers.Table table) {
        table.on(ParameterEntered.class, (f, e, p) -> f.parameters.put(p.name(),
                new ParameterValue(p.name(), p.value(), p.sourceStep(), e.operator(), e.at())));
        table.on(CommandGenerated.class, (f, e, p) -> f.commands.add(new CommandRecord(CommandAction.GENERATED,
                p.source(), p.scriptSha256(), p.script(), null, null, e.operator(), e.at())));
        table.on(CommandCopied.class, (f, e, p) -> f.commands.add(new CommandRecord(CommandAction.COPIED,
                p.source(), p.scriptSha256(), null, null, null, e.operator(), e.at())));
        table.on(ScriptRun.class, (f, e, p) -> f.commands.add(new CommandRecord(CommandAction.RUN,
                p.source(), p.scriptSha256(), null, p.exitCode(), p.outputTail(), e.operator(), e.at())));
        table.on(DecisionTaken.class, (f, e, p) -> f.decisions.add(
                new DecisionRecord(p.treeId(), p.answers(), p.outcomeId(), e.operator(), e.at())));
        table.on(NoteAdded.class, (f, e, p) -> f.notes.add(
                new NoteRecord(p.phaseId(), p.text(), e.operator(), e.at())));
        table.on(SignOffGiven.class, (f, e, p) -> f.signOffs.add(
                new SignOffRecord(p.approvalId(), p.role(), p.note(), e.operator(), e.at())));
        table.on(UpdatePublished.class, (f, e, p) -> f.updates.add(
                new UpdateRecord(p.cadenceId(), p.audience(), p.text(), e.operator(), e.at())));
    }
}
