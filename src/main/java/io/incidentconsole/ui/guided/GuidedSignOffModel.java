package io.incidentconsole.ui.guided;

import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.SignOffRecord;
import io.incidentconsole.plan.SignOff;
import io.incidentconsole.ui.incident.IncidentSession;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** The approvals guided mode asks for in the phase it shows, and who signed them. */
public final class GuidedSignOffModel {

    private final Supplier<GuidedViewModel.Page> page;
    private final IncidentSession session;

    GuidedSignOffModel(Supplier<GuidedViewModel.Page> page, IncidentSession session) {
        this.page = page;
        this.session = session;
    }

    /** The approvals for this phase, then those for the whole plan. */
    public List<SignOff.Approval> approvals() {
        GuidedViewModel.Page current = page.get();
        if (current == null) {
            return List.of();
        }
        String phaseId = current.phase().id();
        return current.plan().signOff().approvals().stream()
                .filter(a -> a.phase() == null || a.phase().equals(phaseId))
                .sorted(Comparator.comparing(a -> a.phase() == null ? 1 : 0))
                .toList();
    }

    public List<SignOffRecord> signOffs(String approvalId) {
        GuidedViewModel.Page current = page.get();
        if (current == null || !current.live()) {
            return List.of();
        }
        return current.state().signOffs().stream().filter(s -> s.approvalId().equals(approvalId)).toList();
    }

    /** Signs an approval as the incident's operator; the role is required, the note optional. */
    public Optional<String> signOff(SignOff.Approval approval, String role, String note) {
        Optional<String> blocked = GuidedViewModel.writableProblem(page.get());
        if (blocked.isPresent()) {
            return blocked;
        }
        if (role == null || role.isBlank()) {
            return Optional.of("Say in which role you sign (e.g. Incident commander).");
        }
        session.record(new EventPayload.SignOffGiven(approval.id(), role.strip(),
                note == null || note.isBlank() ? null : note.strip()));
        return Optional.empty();
    }
}
