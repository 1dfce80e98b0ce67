package io.incidentconsole.report;

import io.incidentconsole.plan.Metric;
import io.incidentconsole.plan.QuantityFormat;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A metric's line chart as a PNG, drawn with Java2D (no UI toolkit, works headless): the values, the baseline and
 * target as dashed lines, and a marker at each phase completion.
 */
public final class MetricChart {

    public static final int WIDTH = 760;
    public static final int HEIGHT = 260;

    private static final Color BACKGROUND = new Color(0xFFFFFF);
    private static final Color GRID = new Color(0xE3E7EC);
    private static final Color AXIS_TEXT = new Color(0x47505C);
    private static final Color LINE = new Color(0x2F6FB3);
    private static final Color BASELINE = new Color(0xB0452F);
    private static final Color TARGET = new Color(0x2E8540);
    private static final Color MARKER = new Color(0x8A8F98);
    private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneOffset.UTC);

    /** A phase completion to mark on the time axis. */
    public record Marker(Instant at, String label) {
    }

    private MetricChart() {
    }

    public static byte[] png(Metric metric, MetricHistory.Series series, List<Marker> markers, boolean simulated) {
        BufferedImage image = render(metric, series, markers, simulated);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the chart of " + metric.id(), e);
        }
        return out.toByteArray();
    }

    static BufferedImage render(Metric metric, MetricHistory.Series series, List<Marker> markers, boolean simulated) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(BACKGROUND);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            int left = 70;
            int right = WIDTH - 20;
            int top = 46;
            int bottom = HEIGHT - 34;

            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
            g.setColor(AXIS_TEXT);
            String unit = metric.unit() == null ? "" : " (" + metric.unit() + ")";
            g.drawString(metric.name() + unit + (simulated ? "  SIMULATED" : ""), left, 20);

            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < series.size(); i++) {
                double v = series.value(i);
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
            for (Double reference : new Double[] {metric.baseline(), metric.target()}) {
                if (reference != null) {
                    min = Math.min(min, reference);
                    max = Math.max(max, reference);
                }
            }
            if (!Double.isFinite(min)) {
                g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
                g.drawString("No values", left, (top + bottom) / 2);
                return image;
            }
            min = Math.min(min, 0);
            if (max <= min) {
                max = min + 1;
            }
            max += (max - min) * 0.08;
            long t0 = series.time(0);
            long t1 = series.size() > 1 ? series.time(series.size() - 1) : t0 + 1;
            if (t1 <= t0) {
                t1 = t0 + 1;
            }

            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            for (int i = 0; i <= 4; i++) {
                double v = min + (max - min) * i / 4;
                int y = y(v, min, max, top, bottom);
                g.setColor(GRID);
                g.drawLine(left, y, right, y);
                g.setColor(AXIS_TEXT);
                String text = QuantityFormat.compact(v);
                g.drawString(text, left - 8 - g.getFontMetrics().stringWidth(text), y + 4);
            }
            for (int i = 0; i <= 3; i++) {
                long t = t0 + (t1 - t0) * i / 3;
                int x = x(t, t0, t1, left, right);
                String text = HOURS.format(Instant.ofEpochMilli(t));
                int w = g.getFontMetrics().stringWidth(text);
                g.drawString(text, Math.min(Math.max(left, x - w / 2), right - w), bottom + 16);
            }

            BasicStroke dashed = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10,
                    new float[] {6, 4}, 0);
            g.setStroke(dashed);
            if (metric.baseline() != null) {
                reference(g, "baseline " + QuantityFormat.compact(metric.baseline()), BASELINE,
                        y(metric.baseline(), min, max, top, bottom), left, right);
            }
            if (metric.target() != null) {
                reference(g, "target " + QuantityFormat.compact(metric.target()), TARGET,
                        y(metric.target(), min, max, top, bottom), left, right);
            }
            for (Marker marker : markers) {
                long t = marker.at().toEpochMilli();
                if (t < t0 || t > t1) {
                    continue;
                }
                int x = x(t, t0, t1, left, right);
                g.setColor(MARKER);
                g.setStroke(new BasicStroke(1f));
                g.drawLine(x, top, x, bottom);
                // Above the plot, so a label never sits on the data or on the baseline/target labels.
                g.drawString(marker.label(), Math.min(x + 3, right - g.getFontMetrics().stringWidth(marker.label())),
                        top - 4);
            }

            Path2D.Double line = new Path2D.Double();
            boolean started = false;
            for (int i = 0; i < series.size(); i++) {
                double v = series.value(i);
                if (!Double.isFinite(v)) {
                    started = false;
                    continue;
                }
                int x = x(series.time(i), t0, t1, left, right);
                int y = y(v, min, max, top, bottom);
                if (started) {
                    line.lineTo(x, y);
                } else {
                    line.moveTo(x, y);
                    started = true;
                }
            }
            g.setColor(LINE);
            g.setStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(line);
            g.setColor(AXIS_TEXT);
            g.setStroke(new BasicStroke(1f));
            g.drawLine(left, bottom, right, bottom);
            g.drawLine(left, top, left, bottom);
            if (simulated) {
                watermark(g, left, top, right, bottom);
            }
            return image;
        } finally {
            g.dispose();
        }
    }

    /** Across the plot, so no copy of the chart can be mistaken for measured data. */
    private static void watermark(Graphics2D g, int left, int top, int right, int bottom) {
        String text = "SIMULATED DATA";
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 30));
        int w = g.getFontMetrics().stringWidth(text);
        g.setColor(new Color(0xb0, 0x60, 0x00, 110));
        g.drawString(text, left + (right - left - w) / 2, top + (bottom - top) / 2 + 10);
    }

    private static void reference(Graphics2D g, String label, Color color, int y, int left, int right) {
        g.setColor(color);
        g.drawLine(left, y, right, y);
        int w = g.getFontMetrics().stringWidth(label);
        g.drawString(label, right - w - 2, y - 3);
    }

    private static int x(long t, long t0, long t1, int left, int right) {
        return left + (int) Math.round((double) (t - t0) / (t1 - t0) * (right - left));
    }

    private static int y(double v, double min, double max, int top, int bottom) {
        return bottom - (int) Math.round((v - min) / (max - min) * (bottom - top));
    }
}
