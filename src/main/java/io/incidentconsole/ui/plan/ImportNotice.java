package io.incidentconsole.ui.plan;

import io.incidentconsole.importer.ImportChoices;
import io.incidentconsole.importer.ImportReport;
import java.nio.file.Path;

/** What an import recognised and left as notes, for the operator to check, and the choices it applied. */
public record ImportNotice(Path file, ImportReport report, boolean readAsLatin1, ImportChoices choices) {
}
