package nl.luisterloket.bot.cli;

import java.io.PrintWriter;

import nl.luisterloket.bot.config.ConfigException;
import nl.luisterloket.knowledge.load.KnowledgeBaseValidationException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code luisterloket} command and its subcommands. */
@Command(name = "luisterloket", mixinStandardHelpOptions = true, version = "Luisterloket 0.1.0",
        description = "A listening desk for residents that lives in a chat.",
        subcommands = {RunCommand.class, ChatCommand.class, KnowledgeBaseCommand.class, ReportCommand.class,
                EvalCommand.class, CommandLine.HelpCommand.class})
public final class LuisterloketCommand implements Runnable {

    /** Exit code for a configuration or input the program cannot use. */
    public static final int EXIT_BAD_CONFIGURATION = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new LuisterloketCommand());
        commandLine.setExecutionExceptionHandler(LuisterloketCommand::handle);
        return commandLine;
    }

    private static int handle(Exception exception, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConfigException) {
                err.println("luisterloket: " + cause.getMessage());
                err.flush();
                return EXIT_BAD_CONFIGURATION;
            }
            if (cause instanceof KnowledgeBaseValidationException invalid) {
                err.println("luisterloket: the knowledge base has errors:");
                invalid.problems().forEach(problem -> err.println("  " + problem));
                err.flush();
                return EXIT_BAD_CONFIGURATION;
            }
        }
        err.println("luisterloket: " + exception.getMessage());
        err.flush();
        throw new IllegalStateException(exception);
    }
}
