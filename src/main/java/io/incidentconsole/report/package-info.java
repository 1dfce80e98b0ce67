/**
 * Stakeholder updates and the post-incident report, written from what the console already knows, with no UI
 * toolkit (charts are drawn with Java2D, which works headless).
 *
 * <p>{@link io.incidentconsole.report.CadenceClock} says which of the plan's communication cadences owes an update
 * and by when, from the journal and a clock. {@link io.incidentconsole.report.StakeholderUpdate} composes the
 * update (Markdown) since the last one published; {@link io.incidentconsole.report.PostIncidentReport} builds the
 * full record as a {@link io.incidentconsole.report.ReportDocument}, which
 * {@link io.incidentconsole.report.ReportRenderer} turns into Markdown or a standalone HTML page (inline CSS,
 * charts as data: URIs, every text escaped) and {@link io.incidentconsole.report.ReportFiles} writes to disk.
 *
 * <p>Metric values come through {@link io.incidentconsole.report.MetricHistory}: a metrics export
 * ({@link io.incidentconsole.report.FileMetricHistory}), the simulator replayed over the incident
 * ({@link io.incidentconsole.report.SimulatedMetricHistory}, labelled simulated in every report), or the console's
 * live store: wrap {@code LiveMetrics}' {@code SeriesStore} in a {@link io.incidentconsole.report.StoreMetricHistory}
 * and pass it (as the {@code metrics} function of the UI's {@code ReportsViewModel}) on the FX thread.
 */
package io.incidentconsole.report;
