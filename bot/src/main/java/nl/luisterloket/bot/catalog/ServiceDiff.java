package nl.luisterloket.bot.catalog;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nl.luisterloket.knowledge.load.ServiceJsonWriter;
import nl.luisterloket.knowledge.model.Service;

/** Which fields a change touched, by column name ({@code contact.phone}, {@code opening_hours}). */
public final class ServiceDiff {

    private ServiceDiff() {
    }

    /** The columns whose text differs; every column with a value when one side is absent. */
    public static List<String> changedFields(ServiceJsonWriter writer, Optional<Service> before, Optional<Service> after) {
        ObjectNode left = before.map(writer::toNode).orElseGet(JsonNodeFactory.instance::objectNode);
        ObjectNode right = after.map(writer::toNode).orElseGet(JsonNodeFactory.instance::objectNode);
        Set<String> columns = new LinkedHashSet<>(ServiceFields.COLUMNS);
        columns.addAll(ServiceFields.translationColumns(List.of(left, right)));
        List<String> changed = new ArrayList<>();
        for (String column : columns) {
            if (!ServiceFields.get(left, column).equals(ServiceFields.get(right, column))) {
                changed.add(column);
            }
        }
        return changed;
    }
}
