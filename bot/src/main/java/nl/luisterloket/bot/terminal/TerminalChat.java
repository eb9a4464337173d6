package nl.luisterloket.bot.terminal;

import static java.util.Objects.requireNonNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;

import nl.luisterloket.bot.channel.Author;
import nl.luisterloket.bot.channel.Button;
import nl.luisterloket.bot.channel.ChatAddress;
import nl.luisterloket.bot.channel.IncomingMessage;
import nl.luisterloket.bot.channel.IncomingMessageHandler;
import nl.luisterloket.bot.channel.Outbox;
import nl.luisterloket.bot.channel.OutboxDelivery;
import nl.luisterloket.bot.storage.Database;

/**
 * The terminal channel: you are a resident typing to the desk. Each line is a message; a number
 * picks one of the buttons under the last answer. Ends at end of input, so it can be scripted
 * with a pipe.
 */
public final class TerminalChat {

    private final IncomingMessageHandler handler;
    private final OutboxDelivery delivery;
    private final TerminalTransport transport;
    private final Clock clock;
    private final ChatAddress chat;
    private final Author author;
    private final PrintStream out;

    public TerminalChat(IncomingMessageHandler handler, Database database, Outbox outbox, Clock clock, PrintStream out,
            String residentName, String languageCode) {
        this.handler = requireNonNull(handler, "handler is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.out = requireNonNull(out, "out is null");
        this.transport = new TerminalTransport(out);
        this.delivery = new OutboxDelivery(database, outbox, transport);
        this.chat = new ChatAddress(TerminalTransport.CHANNEL, residentName);
        this.author = new Author(residentName, residentName, languageCode);
    }

    /** Reads messages until end of input; {@code echo} repeats each typed line (useful when input is piped). */
    public void run(InputStream in, boolean echo) {
        delivery.deliverDue();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        try {
            String line;
            prompt(echo);
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    if (echo) {
                        out.println();
                        out.println("jij> " + line);
                    }
                    handler.handle(toMessage(line));
                    delivery.deliverDue();
                }
                prompt(echo);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the terminal", e);
        }
    }

    private void prompt(boolean echo) {
        if (!echo) {
            out.print("\njij> ");
            out.flush();
        }
    }

    private IncomingMessage toMessage(String line) {
        Optional<Button> choice = transport.choice(line);
        if (choice.isPresent()) {
            return IncomingMessage.callback(chat, author, choice.get().callbackData(), "terminal-" + clock.millis(), clock.instant());
        }
        return IncomingMessage.text(chat, author, line, clock.instant());
    }
}
