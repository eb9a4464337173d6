package nl.luisterloket.bot.cli;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;

import com.google.inject.Injector;

import nl.luisterloket.bot.Application;
import nl.luisterloket.bot.channel.IncomingMessageHandler;
import nl.luisterloket.bot.channel.Outbox;
import nl.luisterloket.bot.config.LuisterloketConfig;
import nl.luisterloket.bot.lifecycle.Lifecycle;
import nl.luisterloket.bot.storage.Database;
import nl.luisterloket.bot.terminal.TerminalChat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code luisterloket chat}: talk to the desk as a resident, in this terminal. */
@Command(name = "chat", mixinStandardHelpOptions = true,
        description = {"Talk to Luisterloket as a resident in this terminal.",
                "Each line is a message; type a number to press a button. Ends at end of input (Ctrl-D), so input can be piped."})
final class ChatCommand implements Callable<Integer> {

    @Mixin
    ConfigOption configOption;

    @Option(names = "--name", description = "Your name as a resident (default: ${DEFAULT-VALUE}).", defaultValue = "bewoner")
    String name;

    @Option(names = "--language", description = "Your client's language, nl or en (default: the configured language).")
    String language;

    @Override
    public Integer call() {
        quietLogsUnlessAsked();
        LuisterloketConfig config = configOption.load();
        Clock clock = configOption.clock(config);
        Injector injector = Application.create(config, clock, List.of());
        Lifecycle lifecycle = injector.getInstance(Lifecycle.class);
        lifecycle.start();
        lifecycle.stopOnShutdown();
        try {
            TerminalChat chat = new TerminalChat(injector.getInstance(IncomingMessageHandler.class),
                    injector.getInstance(Database.class), injector.getInstance(Outbox.class), clock, System.out,
                    name, language == null ? config.defaultLanguage() : language);
            chat.run(System.in, System.console() == null);
        } finally {
            lifecycle.stop();
        }
        return 0;
    }

    /** Start-up chatter would mix with the conversation on screen: warnings only, unless LUISTERLOKET_LOG_LEVEL says otherwise. */
    private static void quietLogsUnlessAsked() {
        if (System.getenv("LUISTERLOKET_LOG_LEVEL") == null
                && org.slf4j.LoggerFactory.getLogger("nl.luisterloket") instanceof ch.qos.logback.classic.Logger logger) {
            logger.setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }
}
