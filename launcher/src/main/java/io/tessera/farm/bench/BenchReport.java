package io.tessera.farm.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes a benchmark's results: a JSON file and a self-contained HTML page with utilisation-over-time charts. */
public final class BenchReport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd"};

    private BenchReport() {
    }

    /** Writes {@code results} as JSON to {@code json}. */
    public static void writeJson(ObjectNode results, Path json) throws IOException {
        Files.createDirectories(json.getParent());
        JSON.writerWithDefaultPrettyPrinter().writeValue(json.toFile(), results);
    }

    /** Writes an HTML page charting utilisation over time for each mode (series of [seconds, utilisation]). */
    public static void writeHtml(String title, String summary, Map<String, List<double[]>> series, Path html)
            throws IOException {
        double maxX = series.values().stream().flatMap(List::stream).mapToDouble(p -> p[0]).max().orElse(1);
        int width = 900;
        int height = 320;
        int margin = 45;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns='http://www.w3.org/2000/svg' width='%d' height='%d'>",
                width, height));
        svg.append(String.format(Locale.ROOT, "<rect x='%d' y='%d' width='%d' height='%d' fill='none' stroke='#999'/>",
                margin, 10, width - 2 * margin, height - margin - 10));
        for (int pct = 0; pct <= 100; pct += 25) {
            double y = 10 + (height - margin - 10) * (1 - pct / 100.0);
            svg.append(String.format(Locale.ROOT, "<text x='5' y='%.1f' font-size='11'>%d%%</text>", y + 4, pct));
            svg.append(String.format(Locale.ROOT, "<line x1='%d' x2='%d' y1='%.1f' y2='%.1f' stroke='#eee'/>", margin,
                    width - margin, y, y));
        }
        svg.append(String.format(Locale.ROOT, "<text x='%d' y='%d' font-size='11'>seconds since submission (max %.0f)</text>",
                width / 2 - 80, height - 10, maxX));
        int colour = 0;
        int legendY = 25;
        for (Map.Entry<String, List<double[]>> entry : series.entrySet()) {
            StringBuilder points = new StringBuilder();
            for (double[] p : entry.getValue()) {
                double x = margin + (width - 2 * margin) * (p[0] / Math.max(1e-9, maxX));
                double y = 10 + (height - margin - 10) * (1 - Math.min(1, p[1]));
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            }
            String c = COLOURS[colour++ % COLOURS.length];
            svg.append("<polyline fill='none' stroke-width='2' stroke='").append(c).append("' points='")
                    .append(points).append("'/>");
            svg.append(String.format(Locale.ROOT, "<text x='%d' y='%d' font-size='12' fill='%s'>%s</text>",
                    width - margin - 220, legendY, c, escape(entry.getKey())));
            legendY += 16;
        }
        svg.append("</svg>");
        String page = "<!doctype html><html><head><meta charset='utf-8'><title>" + escape(title) + "</title></head>"
                + "<body style='font-family:sans-serif'><h1>" + escape(title) + "</h1><h2>Farm utilisation over time"
                + " (mixed workload)</h2>" + svg + "<pre>" + escape(summary) + "</pre></body></html>";
        Files.createDirectories(html.getParent());
        Files.writeString(html, page);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
