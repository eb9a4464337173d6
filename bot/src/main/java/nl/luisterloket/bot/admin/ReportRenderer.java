package nl.luisterloket.bot.admin;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import nl.luisterloket.bot.channel.Messages;

/** Writes a {@link ListeningReport} as Markdown, CSV or JSON, every small count shown as "&lt;5". */
final class ReportRenderer {

    private final Messages messages;
    private final String language;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    ReportRenderer(Messages messages, String language) {
        this.messages = messages;
        this.language = language;
    }

    /** Markdown; {@code chartFile} is the PNG of domains per neighbourhood to link, or null for none. */
    String markdown(ListeningReport report, String chartFile) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(text("report.title", report.from(), report.to())).append("\n\n");
        md.append(text("report.smallNote")).append("\n\n");
        md.append("## ").append(text("report.conversationsTitle")).append("\n\n");
        md.append("| | ").append(text("report.count")).append(" |\n|---|---:|\n");
        row(md, text("report.conversations"), report.conversations());
        row(md, text("report.answers"), report.answers());
        report.answersByDecision().forEach((decision, count) -> row(md, "– " + decision.toLowerCase(Locale.ROOT), count));
        md.append('\n');
        table(md, "report.feedbackTitle", "report.feedback", report.feedback());
        md.append("## ").append(text("report.handoversTitle")).append("\n\n");
        md.append(text("report.handovers")).append(": ").append(SmallCounts.show(report.handovers())).append("\n\n");
        subtable(md, "report.trigger", report.handoversByTrigger());
        subtable(md, "report.urgency", report.handoversByUrgency());
        md.append("- ").append(durations("report.timeToClaim", report.timeToClaim())).append('\n');
        md.append("- ").append(durations("report.timeToClose", report.timeToClose())).append("\n\n");
        md.append("## ").append(text("report.domainsTitle")).append("\n\n");
        if (report.domainsByNeighbourhood().isEmpty()) {
            md.append(text("report.none")).append("\n\n");
        } else {
            if (chartFile != null) {
                md.append("![").append(text("report.domainsTitle")).append("](").append(chartFile).append(")\n\n");
            }
            domainTable(md, report.domainsByNeighbourhood());
        }
        md.append("## ").append(text("report.unansweredTitle")).append("\n\n");
        if (report.unanswered().isEmpty()) {
            md.append(text("report.none")).append('\n');
        }
        for (ListeningReport.Theme theme : report.unanswered()) {
            md.append("### ").append(theme.theme()).append(" (").append(SmallCounts.show(theme.count())).append(")\n\n");
            theme.examples().forEach(example -> md.append("- ").append(example.replace('\n', ' ')).append('\n'));
            if (!theme.examples().isEmpty()) {
                md.append('\n');
            }
        }
        return md.toString();
    }

    /** One row per count: {@code section,key,count}; then the example questions as {@code unanswered_example,theme,text}. */
    String csv(ListeningReport report) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("period", report.from() + "/" + report.to(), ""));
        rows.add(List.of("conversations", "", SmallCounts.show(report.conversations())));
        rows.add(List.of("answers", "", SmallCounts.show(report.answers())));
        report.answersByDecision().forEach((key, count) -> rows.add(List.of("answers_by_decision", key, SmallCounts.show(count))));
        report.feedback().forEach((key, count) -> rows.add(List.of("feedback", key, SmallCounts.show(count))));
        rows.add(List.of("handovers", "", SmallCounts.show(report.handovers())));
        report.handoversByTrigger().forEach((key, count) -> rows.add(List.of("handovers_by_trigger", key, SmallCounts.show(count))));
        report.handoversByUrgency().forEach((key, count) -> rows.add(List.of("handovers_by_urgency", key, SmallCounts.show(count))));
        durationRows(rows, "time_to_claim_minutes", report.timeToClaim());
        durationRows(rows, "time_to_close_minutes", report.timeToClose());
        report.domainsByNeighbourhood().forEach((neighbourhood, domains) -> domains.forEach((domain, count) ->
                rows.add(List.of("domain", neighbourhoodLabel(neighbourhood) + "|" + domain, SmallCounts.show(count)))));
        for (ListeningReport.Theme theme : report.unanswered()) {
            rows.add(List.of("unanswered_theme", theme.theme(), SmallCounts.show(theme.count())));
            theme.examples().forEach(example -> rows.add(List.of("unanswered_example", theme.theme(), example)));
        }
        StringWriter out = new StringWriter();
        CsvSchema schema = CsvSchema.builder().addColumn("section").addColumn("key").addColumn("count").build().withHeader();
        try (SequenceWriter writer = new CsvMapper().writer(schema).writeValues(out)) {
            for (List<String> row : rows) {
                writer.write(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    String json(ListeningReport report) {
        ObjectNode root = json.createObjectNode();
        root.put("from", report.from().toString());
        root.put("to", report.to().toString());
        root.put("smallCountsShownAs", SmallCounts.HIDDEN);
        count(root, "conversations", report.conversations());
        count(root, "answers", report.answers());
        counts(root.putObject("answersByDecision"), report.answersByDecision());
        counts(root.putObject("feedback"), report.feedback());
        count(root, "handovers", report.handovers());
        counts(root.putObject("handoversByTrigger"), report.handoversByTrigger());
        counts(root.putObject("handoversByUrgency"), report.handoversByUrgency());
        durations(root.putObject("timeToClaimMinutes"), report.timeToClaim());
        durations(root.putObject("timeToCloseMinutes"), report.timeToClose());
        ObjectNode domains = root.putObject("domainsByNeighbourhood");
        report.domainsByNeighbourhood().forEach((neighbourhood, counts) -> counts(domains.putObject(neighbourhoodLabel(neighbourhood)), counts));
        ArrayNode themes = root.putArray("unansweredByTheme");
        for (ListeningReport.Theme theme : report.unanswered()) {
            ObjectNode node = themes.addObject();
            node.put("theme", theme.theme());
            count(node, "count", theme.count());
            ArrayNode examples = node.putArray("examples");
            theme.examples().forEach(examples::add);
        }
        try {
            return json.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the report", e);
        }
    }

    String neighbourhoodLabel(String neighbourhood) {
        return neighbourhood.isEmpty() ? text("report.unknownNeighbourhood") : neighbourhood;
    }

    private void table(StringBuilder md, String title, String column, SortedMap<String, Long> counts) {
        md.append("## ").append(text(title)).append("\n\n");
        if (counts.isEmpty()) {
            md.append(text("report.none")).append("\n\n");
            return;
        }
        subtable(md, column, counts);
    }

    private void subtable(StringBuilder md, String column, SortedMap<String, Long> counts) {
        if (counts.isEmpty()) {
            return;
        }
        md.append("| ").append(text(column)).append(" | ").append(text("report.count")).append(" |\n|---|---:|\n");
        counts.forEach((key, count) -> row(md, key, count));
        md.append('\n');
    }

    private void domainTable(StringBuilder md, SortedMap<String, SortedMap<String, Long>> byNeighbourhood) {
        TreeSet<String> domains = new TreeSet<>();
        byNeighbourhood.values().forEach(counts -> domains.addAll(counts.keySet()));
        md.append("| ").append(text("report.neighbourhood")).append(" | ").append(String.join(" | ", domains)).append(" |\n|---|");
        domains.forEach(domain -> md.append("---:|"));
        md.append('\n');
        byNeighbourhood.forEach((neighbourhood, counts) -> {
            md.append("| ").append(neighbourhoodLabel(neighbourhood)).append(" |");
            domains.forEach(domain -> md.append(' ').append(SmallCounts.show(counts.getOrDefault(domain, 0L))).append(" |"));
            md.append('\n');
        });
        md.append('\n');
    }

    private static void row(StringBuilder md, String label, long count) {
        md.append("| ").append(label).append(" | ").append(SmallCounts.show(count)).append(" |\n");
    }

    private String durations(String key, ListeningReport.Durations durations) {
        if (!SmallCounts.shown(durations.count()) || durations.count() == 0) {
            return text(key) + ": " + text("report.tooFew", SmallCounts.show(durations.count()));
        }
        return text(key) + ": " + text("report.medianP90", duration(durations.median()), duration(durations.p90()), durations.count());
    }

    private String duration(Duration duration) {
        long minutes = duration.toMinutes();
        if (minutes < 120) {
            return text("report.minutes", minutes);
        }
        if (minutes < 48 * 60) {
            return text("report.hours", String.format(Locale.ROOT, "%.1f", minutes / 60.0));
        }
        return text("report.days", String.format(Locale.ROOT, "%.1f", minutes / 1440.0));
    }

    private static void durationRows(List<List<String>> rows, String section, ListeningReport.Durations durations) {
        rows.add(List.of(section, "cases", SmallCounts.show(durations.count())));
        if (SmallCounts.shown(durations.count()) && durations.count() > 0) {
            rows.add(List.of(section, "median", Long.toString(durations.median().toMinutes())));
            rows.add(List.of(section, "p90", Long.toString(durations.p90().toMinutes())));
        }
    }

    private static void durations(ObjectNode node, ListeningReport.Durations durations) {
        count(node, "cases", durations.count());
        if (SmallCounts.shown(durations.count()) && durations.count() > 0) {
            node.put("median", durations.median().toMinutes());
            node.put("p90", durations.p90().toMinutes());
        }
    }

    private static void counts(ObjectNode node, Map<String, Long> counts) {
        counts.forEach((key, count) -> count(node, key, count));
    }

    private static void count(ObjectNode node, String field, long count) {
        if (SmallCounts.shown(count)) {
            node.put(field, count);
        } else {
            node.put(field, SmallCounts.HIDDEN);
        }
    }

    private String text(String key, Object... arguments) {
        return messages.text(language, key, arguments);
    }
}
