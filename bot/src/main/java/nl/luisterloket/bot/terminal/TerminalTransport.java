package nl.luisterloket.bot.terminal;

import static java.util.Objects.requireNonNull;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import nl.luisterloket.bot.channel.Button;
import nl.luisterloket.bot.channel.DeliveryResult;
import nl.luisterloket.bot.channel.MessageTransport;
import nl.luisterloket.bot.channel.OutboxEntry;
import nl.luisterloket.bot.channel.OutgoingMessage;

/** Prints the bot's messages in the terminal; buttons become numbered choices the user can type. */
final class TerminalTransport implements MessageTransport {

    static final String CHANNEL = "terminal";

    private final PrintStream out;
    private final List<Button> choices = new ArrayList<>();

    TerminalTransport(PrintStream out) {
        this.out = requireNonNull(out, "out is null");
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public synchronized DeliveryResult deliver(OutboxEntry entry) {
        OutgoingMessage message = entry.message();
        out.println();
        out.println("luisterloket> " + message.text().replace("\n", "\n              "));
        if (!message.buttons().isEmpty()) {
            choices.clear();
            message.buttons().forEach(choices::addAll);
            StringBuilder line = new StringBuilder("              ");
            for (int index = 0; index < choices.size(); index++) {
                line.append('[').append(index + 1).append("] ").append(choices.get(index).label()).append("   ");
            }
            out.println(line.toString().stripTrailing());
        }
        out.flush();
        return DeliveryResult.sent(Long.toString(entry.id()));
    }

    /** The button behind a typed number, if the last message offered that many choices. */
    synchronized java.util.Optional<Button> choice(String typed) {
        String trimmed = typed.strip();
        if (!trimmed.matches("[1-9]")) {
            return java.util.Optional.empty();
        }
        int index = Integer.parseInt(trimmed) - 1;
        return index < choices.size() ? java.util.Optional.of(choices.get(index)) : java.util.Optional.empty();
    }
}
