package nl.luisterloket.bot.admin;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import nl.luisterloket.bot.audit.AuditLog;
import nl.luisterloket.bot.channel.Messages;
import nl.luisterloket.bot.config.LuisterloketConfig;
import nl.luisterloket.bot.storage.Database;

/** The listening report for the command line ({@code luisterloket report}) and for admins in the chat ({@code /rapport}). */
@Singleton
public final class ListeningReports {

    /** The formats of {@code luisterloket report --format}. */
    public enum Format {
        MD, CSV, JSON;

        public static Format of(String name) {
            return switch (name.toLowerCase(Locale.ROOT)) {
                case "md", "markdown" -> MD;
                case "csv" -> CSV;
                case "json" -> JSON;
                default -> throw new IllegalArgumentException("unknown report format '" + name + "' (use md, csv or json)");
            };
        }
    }

    private final Database database;
    private final ListeningReportBuilder builder;
    private final AuditLog audit;
    private final Clock clock;
    private final Messages messages;
    private final String defaultLanguage;

    @Inject
    ListeningReports(Database database, ListeningReportBuilder builder, AuditLog audit, LuisterloketConfig config, Clock clock) {
        this.database = requireNonNull(database, "database is null");
        this.builder = requireNonNull(builder, "builder is null");
        this.audit = requireNonNull(audit, "audit is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.defaultLanguage = config.defaultLanguage();
        this.messages = new Messages("admin", defaultLanguage);
    }

    /**
     * Writes the report for {@code from} to {@code to} (both included) to {@code output}, or returns it when output is
     * null. Markdown written to a file gets its chart as a PNG next to it ({@code <name>-domains.png}). Returns the
     * report text and the files written.
     */
    public Written write(LocalDate from, LocalDate to, Format format, Path output, String actor) {
        ListeningReport report = database.inTransaction(transaction -> {
            ListeningReport built = builder.build(transaction, from, to);
            audit.record(transaction, actor, "report.export", null, null, from + "/" + to + " " + format.name().toLowerCase(Locale.ROOT));
            return built;
        });
        ReportRenderer renderer = new ReportRenderer(messages, defaultLanguage);
        List<Path> files = new ArrayList<>();
        String text = switch (format) {
            case CSV -> renderer.csv(report);
            case JSON -> renderer.json(report);
            case MD -> {
                String chart = null;
                if (output != null && !report.domainsByNeighbourhood().isEmpty()) {
                    String base = output.getFileName().toString().replaceFirst("\\.[^.]*$", "");
                    Path chartFile = output.resolveSibling(base + "-domains.png");
                    DomainChart.writePng(report.domainsByNeighbourhood(), renderer, messages.text(defaultLanguage, "report.domainsTitle"), chartFile);
                    files.add(chartFile);
                    chart = chartFile.getFileName().toString();
                }
                yield renderer.markdown(report, chart);
            }
        };
        if (output != null) {
            try {
                Files.writeString(output, text, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the report to " + output, e);
            }
            files.add(0, output);
        }
        return new Written(text, files);
    }

    /** The report text and the files written (report first, then its chart). */
    public record Written(String text, List<Path> files) {

        public Written {
            files = List.copyOf(files);
        }
    }

    /** {@code /rapport}: the last seven days up to yesterday, as text in the chat (the chart comes with the command line). */
    void lastWeek(AdminRequest request) throws SQLException {
        LocalDate today = LocalDate.now(clock);
        ListeningReport report = builder.build(request.transaction(), today.minusDays(7), today.minusDays(1));
        audit.record(request.transaction(), request.actor(), "report.view", null, null, report.from() + "/" + report.to());
        request.replyText(new ReportRenderer(messages, request.language()).markdown(report, null));
    }
}
