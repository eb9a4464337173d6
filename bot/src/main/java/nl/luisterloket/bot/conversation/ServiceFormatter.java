package nl.luisterloket.bot.conversation;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

import nl.luisterloket.bot.channel.Messages;
import nl.luisterloket.knowledge.model.Contact;
import nl.luisterloket.knowledge.model.Service;

/** Writes one suggested service the way a resident reads it: name, what they do, how to reach them. */
public final class ServiceFormatter {

    private final Messages messages;

    public ServiceFormatter(Messages messages) {
        this.messages = requireNonNull(messages, "messages is null");
    }

    public String format(Service service, String language) {
        List<String> lines = new ArrayList<>();
        lines.add("• " + service.nameIn(language));
        lines.add(service.summaryIn(language));
        Contact contact = service.contact();
        addIfPresent(lines, language, "service.phone", contact.phone());
        addIfPresent(lines, language, "service.address", contact.address());
        addIfPresent(lines, language, "service.walkIn", contact.walkIn());
        addIfPresent(lines, language, "service.website", contact.website());
        addIfPresent(lines, language, "service.email", contact.email());
        addIfPresent(lines, language, "service.cost", service.cost());
        if (service.organization() != null) {
            lines.add(messages.text(language, "service.organization", service.organization()));
        }
        return String.join("\n", lines);
    }

    private void addIfPresent(List<String> lines, String language, String key, String value) {
        if (value != null && !value.isBlank()) {
            lines.add(messages.text(language, key, value));
        }
    }
}
