package nl.luisterloket.knowledge.load;

import java.time.DayOfWeek;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nl.luisterloket.knowledge.model.Contact;
import nl.luisterloket.knowledge.model.OpeningPeriod;
import nl.luisterloket.knowledge.model.Service;
import nl.luisterloket.knowledge.model.Translation;

/** Writes services in the knowledge-base file format, so that {@link KnowledgeBaseReader} reads them back unchanged. */
public final class ServiceJsonWriter {

    private static final List<String> DAY_CODES = List.of("mo", "tu", "we", "th", "fr", "sa", "su");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final ObjectMapper json = new ObjectMapper();

    /** One service as a JSON object (compact). */
    public String toJson(Service service) {
        try {
            return json.writeValueAsString(toNode(service));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write service " + service.id(), e);
        }
    }

    /** Services as a knowledge-base file: a pretty-printed JSON array. */
    public String toJsonArray(Collection<Service> services) {
        ArrayNode array = json.createArrayNode();
        services.forEach(service -> array.add(toNode(service)));
        try {
            return json.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(array) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write services", e);
        }
    }

    public ObjectNode toNode(Service service) {
        ObjectNode node = json.createObjectNode();
        node.put("id", service.id());
        node.put("name", service.name());
        putIfPresent(node, "organization", service.organization());
        node.put("summary", service.summary());
        putIfPresent(node, "description", service.description());
        strings(node, "categories", service.categories());
        stringsIfAny(node, "keywords", service.keywords());
        stringsIfAny(node, "example_questions", service.exampleQuestions());
        putIfPresent(node, "eligibility", service.eligibility());
        stringsIfAny(node, "languages", service.languages());
        stringsIfAny(node, "areas", service.areas());
        if (!service.contact().isEmpty()) {
            node.set("contact", contact(service.contact()));
        }
        if (!service.openingHours().isEmpty()) {
            ArrayNode hours = node.putArray("opening_hours");
            service.openingHours().forEach(period -> hours.add(period(period)));
        }
        putIfPresent(node, "cost", service.cost());
        if (service.urgent()) {
            node.put("urgent", true);
        }
        if (service.lastVerified() != null) {
            node.put("last_verified", service.lastVerified().toString());
        }
        if (!service.active()) {
            node.put("active", false);
        }
        if (!service.i18n().isEmpty()) {
            ObjectNode i18n = node.putObject("i18n");
            service.i18n().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(entry -> i18n.set(entry.getKey(), translation(entry.getValue())));
        }
        return node;
    }

    private ObjectNode contact(Contact contact) {
        ObjectNode node = json.createObjectNode();
        putIfPresent(node, "phone", contact.phone());
        putIfPresent(node, "email", contact.email());
        putIfPresent(node, "website", contact.website());
        putIfPresent(node, "address", contact.address());
        putIfPresent(node, "walk_in", contact.walkIn());
        return node;
    }

    private ObjectNode period(OpeningPeriod period) {
        ObjectNode node = json.createObjectNode();
        ArrayNode days = node.putArray("days");
        period.days().stream().sorted(Comparator.naturalOrder()).map(ServiceJsonWriter::dayCode).forEach(days::add);
        node.put("opens", TIME.format(period.opens()));
        node.put("closes", TIME.format(period.closes()));
        return node;
    }

    private ObjectNode translation(Translation translation) {
        ObjectNode node = json.createObjectNode();
        putIfPresent(node, "name", translation.name());
        putIfPresent(node, "summary", translation.summary());
        putIfPresent(node, "description", translation.description());
        stringsIfAny(node, "keywords", translation.keywords());
        stringsIfAny(node, "example_questions", translation.exampleQuestions());
        return node;
    }

    private static String dayCode(DayOfWeek day) {
        return DAY_CODES.get(day.getValue() - 1);
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static void strings(ObjectNode node, String field, List<String> values) {
        ArrayNode array = node.putArray(field);
        values.forEach(array::add);
    }

    private static void stringsIfAny(ObjectNode node, String field, List<String> values) {
        if (!values.isEmpty()) {
            strings(node, field, values);
        }
    }
}
