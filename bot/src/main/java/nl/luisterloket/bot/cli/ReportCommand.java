package nl.luisterloket.bot.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

import com.google.inject.Injector;

import nl.luisterloket.bot.Application;
import nl.luisterloket.bot.admin.ListeningReports;
import nl.luisterloket.bot.catalog.ServiceCatalog;
import nl.luisterloket.bot.config.LuisterloketConfig;
import nl.luisterloket.bot.storage.Database;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code luisterloket report}: the listening report for a period, as Markdown (with a chart), CSV or JSON. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"The listening report: conversations, answers and feedback, hand-overs, times to claim and close,",
                "life domains per neighbourhood, and unanswered questions by theme. Counts under 5 are shown as \"<5\"."})
final class ReportCommand implements Callable<Integer> {

    @Mixin
    ConfigOption configOption;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD", description = "First day of the period.")
    LocalDate from;

    @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD", description = "Last day of the period (included).")
    LocalDate to;

    @Option(names = "--format", defaultValue = "md", description = "md, csv or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write to this file (Markdown also writes its chart next to it as <name>-domains.png).")
    Path output;

    @Override
    public Integer call() {
        ListeningReports.Format reportFormat;
        try {
            reportFormat = ListeningReports.Format.of(format);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (to.isBefore(from)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--to (" + to + ") is before --from (" + from + ")");
        }
        LuisterloketConfig config = configOption.load();
        Clock clock = configOption.clock(config);
        Injector injector = Application.create(config, clock, List.of());
        try (Database database = injector.getInstance(Database.class)) {
            injector.getInstance(ServiceCatalog.class).reload();
            ListeningReports.Written written = injector.getInstance(ListeningReports.class)
                    .write(from, to, reportFormat, output, KnowledgeBaseTools.actor());
            PrintWriter out = spec.commandLine().getOut();
            if (output == null) {
                out.print(written.text());
            } else {
                written.files().forEach(file -> out.println("wrote " + file));
            }
            out.flush();
        }
        return 0;
    }
}
