package nl.luisterloket.bot.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import nl.luisterloket.bot.catalog.ImportPlan;
import nl.luisterloket.bot.catalog.ServiceDiff;
import nl.luisterloket.bot.catalog.ServiceListing;
import nl.luisterloket.bot.catalog.ServiceRevision;
import nl.luisterloket.bot.config.LuisterloketConfig;
import nl.luisterloket.knowledge.model.Service;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code luisterloket kb …}: bulk work on the knowledge base in the database. */
@Command(name = "kb", mixinStandardHelpOptions = true,
        description = {"Work on the knowledge base: validate and import files (JSON or CSV), export, list, show, history.",
                "Changes are written to the database with a revision each; a running bot's search follows within seconds."},
        subcommands = {KnowledgeBaseCommand.Validate.class, KnowledgeBaseCommand.Import.class, KnowledgeBaseCommand.Export.class,
                KnowledgeBaseCommand.ListServices.class, KnowledgeBaseCommand.Show.class, KnowledgeBaseCommand.History.class})
final class KnowledgeBaseCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Shared by the subcommands: the configuration, the output, the tools. */
    abstract static class Subcommand implements Callable<Integer> {

        @Mixin
        ConfigOption configOption;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public final Integer call() throws Exception {
            LuisterloketConfig config = configOption.load();
            try (KnowledgeBaseTools tools = new KnowledgeBaseTools(config, configOption.clock(config))) {
                PrintWriter out = spec.commandLine().getOut();
                int exitCode = run(tools, out);
                out.flush();
                return exitCode;
            }
        }

        abstract int run(KnowledgeBaseTools tools, PrintWriter out) throws Exception;
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Check knowledge-base files (JSON, or CSV one service a row) without changing anything; every problem names file, entry or row, and field.")
    static final class Validate extends Subcommand {

        @Parameters(arity = "1..*", paramLabel = "FILE")
        List<Path> files;

        @Override
        int run(KnowledgeBaseTools tools, PrintWriter out) {
            List<Service> services = tools.readAll(files);
            out.println("valid: " + services.size() + " services in " + files.size() + (files.size() == 1 ? " file" : " files"));
            return 0;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Import knowledge-base files (JSON, or CSV one service a row) into the database: all or nothing.",
                    "Lists what is added, changed and retired; with --dry-run nothing is written."})
    static final class Import extends Subcommand {

        @Parameters(arity = "1..*", paramLabel = "FILE")
        List<Path> files;

        @Option(names = "--dry-run", description = "Only show what would be added, changed and retired.")
        boolean dryRun;

        @Option(names = "--retire-missing", description = "Retire active services the files do not mention (the files are the whole social map).")
        boolean retireMissing;

        @Override
        int run(KnowledgeBaseTools tools, PrintWriter out) {
            List<Service> services = tools.readAll(files);
            String source = String.join(", ", files.stream().map(file -> file.getFileName().toString()).toList());
            ImportPlan plan = tools.editor().importServices(services, retireMissing, dryRun, KnowledgeBaseTools.actor(), source);
            out.println(dryRun ? "Dry run: nothing was changed. The import would make these changes:" : "Imported " + source + ":");
            section(out, dryRun ? "would add" : "added", plan.added());
            section(out, dryRun ? "would change" : "changed", plan.changed());
            section(out, dryRun ? "would retire" : "retired", plan.retired());
            out.println("unchanged: " + plan.unchanged().size());
            return 0;
        }

        private static void section(PrintWriter out, String label, List<Service> services) {
            out.println(label + ": " + services.size());
            services.forEach(service -> out.println("  " + service.id() + "  " + service.name()));
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write every service (active and retired) as a knowledge-base JSON file or as CSV, one service a row.")
    static final class Export extends Subcommand {

        @Option(names = "--format", description = "json or csv (default: from the output file's extension, else json).")
        String format;

        @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to this file instead of the screen.")
        Path output;

        @Override
        int run(KnowledgeBaseTools tools, PrintWriter out) throws IOException {
            List<Service> services = tools.database().read(tools.store()::all);
            boolean csv = format == null ? output != null && KnowledgeBaseTools.isCsv(output) : format.equalsIgnoreCase("csv");
            if (format != null && !format.equalsIgnoreCase("csv") && !format.equalsIgnoreCase("json")) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--format must be json or csv, not '" + format + "'");
            }
            StringWriter text = new StringWriter();
            if (csv) {
                tools.csv.write(services, text);
            } else {
                text.write(tools.writer.toJsonArray(services));
            }
            if (output == null) {
                out.print(text);
            } else {
                Files.writeString(output, text.toString(), StandardCharsets.UTF_8);
                out.println("exported " + services.size() + " services to " + output);
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the services: id, state (active, retired, flagged, stale), last checked, revision, name.")
    static final class ListServices extends Subcommand {

        @Option(names = "--stale", description = "Only services not checked for knowledgeBase.staleAfterDays days, or never.")
        boolean staleOnly;

        @Option(names = "--flagged", description = "Only services a resident flagged as wrong since their last change.")
        boolean flaggedOnly;

        @Override
        int run(KnowledgeBaseTools tools, PrintWriter out) {
            LuisterloketConfig config = configOption.load();
            LocalDate staleBefore = LocalDate.now(tools.clock).minusDays(config.knowledgeBase().staleAfterDays());
            List<ServiceListing> listings = tools.database().read(tools.store()::listing);
            int shown = 0;
            for (ServiceListing listing : listings) {
                Service service = listing.service();
                boolean stale = service.active() && (service.lastVerified() == null || service.lastVerified().isBefore(staleBefore));
                if ((staleOnly && !stale) || (flaggedOnly && !listing.flagged())) {
                    continue;
                }
                String state = (service.active() ? "active" : "retired") + (listing.flagged() ? ",flagged" : "") + (stale ? ",stale" : "");
                out.printf("%-36s %-22s %-10s r%-3d %s%n", service.id(), state,
                        service.lastVerified() == null ? "never" : service.lastVerified(), listing.revision(), service.name());
                shown++;
            }
            out.println(shown + " of " + listings.size() + " services");
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one service as stored, in the knowledge-base format.")
    static final class Show extends Subcommand {

        @Parameters(paramLabel = "ID")
        String id;

        @Override
        int run(KnowledgeBaseTools tools, PrintWriter out) {
            Optional<ServiceListing> found = tools.database().read(connection ->
                    tools.store().listing(connection).stream().filter(listing -> listing.service().id().equals(id)).findFirst());
            if (found.isEmpty()) {
                spec.commandLine().getErr().println("luisterloket: no service with id '" + id + "' (see: luisterloket kb list)");
                return 1;
            }
            ServiceListing listing = found.get();
            out.print(tools.writer.toJsonArray(List.of(listing.service())));
            out.println("revision " + listing.revision() + ", last changed " + listing.updatedAt() + " by " + listing.updatedBy()
                    + (listing.flagged() ? "; flagged for review" : ""));
            return 0;
        }
    }

    @Command(name = "history", mixinStandardHelpOptions = true, description = "Every revision of one service: when, who, why, which fields.")
    static final class History extends Subcommand {

        @Parameters(paramLabel = "ID")
        String id;

        @Override
        int run(KnowledgeBaseTools tools, PrintWriter out) {
            List<ServiceRevision> revisions = tools.database().read(connection -> tools.store().history(connection, id));
            if (revisions.isEmpty()) {
                spec.commandLine().getErr().println("luisterloket: no history for '" + id + "' (see: luisterloket kb list)");
                return 1;
            }
            for (ServiceRevision revision : revisions) {
                List<String> fields = ServiceDiff.changedFields(tools.writer, revision.before(), revision.after());
                String what = revision.before().isEmpty() ? "created" : revision.after().isEmpty() ? "removed"
                        : fields.isEmpty() ? "no field changed" : "changed " + String.join(", ", fields);
                out.println("r" + revision.revision() + "  " + revision.changedAt() + "  " + revision.changedBy() + "  " + what
                        + (revision.reason() == null ? "" : "  (" + revision.reason() + ")"));
            }
            return 0;
        }
    }

}
