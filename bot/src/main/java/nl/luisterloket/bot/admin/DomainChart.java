package nl.luisterloket.bot.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeSet;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * The bar chart of life domains per neighbourhood, as a PNG. Bars for counts under 5 are left out (drawn as 0), like
 * the "&lt;5" in the tables, so the picture cannot single anyone out either.
 */
final class DomainChart {

    private DomainChart() {
    }

    static void writePng(SortedMap<String, SortedMap<String, Long>> byNeighbourhood, ReportRenderer labels, String title, Path file) {
        System.setProperty("java.awt.headless", "true");
        CategoryChart chart = new CategoryChartBuilder().width(1000).height(560).title(title).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        chart.getStyler().setXAxisLabelRotation(30);
        List<String> neighbourhoods = byNeighbourhood.keySet().stream().map(labels::neighbourhoodLabel).toList();
        TreeSet<String> domains = new TreeSet<>();
        byNeighbourhood.values().forEach(counts -> domains.addAll(counts.keySet()));
        for (String domain : domains) {
            List<Long> values = new ArrayList<>();
            byNeighbourhood.values().forEach(counts -> {
                long count = counts.getOrDefault(domain, 0L);
                values.add(SmallCounts.shown(count) ? count : 0L);
            });
            chart.addSeries(domain, neighbourhoods, values);
        }
        try {
            String name = file.toString();
            BitmapEncoder.saveBitmap(chart, name.endsWith(".png") ? name.substring(0, name.length() - 4) : name, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the chart " + file, e);
        }
    }
}
