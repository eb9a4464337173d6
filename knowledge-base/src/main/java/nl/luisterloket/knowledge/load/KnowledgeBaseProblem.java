package nl.luisterloket.knowledge.load;

import static java.util.Objects.requireNonNull;

/**
 * One thing wrong in a knowledge-base file, pointing at the file, the entry and the field.
 *
 * @param source  the file (or stream) name, e.g. {@code services.json}
 * @param index   the entry's position in the file, counted from 0; -1 for the file as a whole
 * @param id      the entry's id when it has a readable one, else null
 * @param field   the field path inside the entry ({@code categories[1]}, {@code contact.phone}), or "" for the entry itself
 * @param message what is wrong, in plain words
 */
public record KnowledgeBaseProblem(String source, int index, String id, String field, String message) {

    public KnowledgeBaseProblem {
        requireNonNull(source, "source is null");
        requireNonNull(field, "field is null");
        requireNonNull(message, "message is null");
    }

    /** {@code services.json: entry 12 (id 'voedselbank-zuid'): categories[1]: unknown category 'money'}. */
    public String text() {
        StringBuilder text = new StringBuilder(source).append(": ");
        if (index >= 0) {
            text.append("entry ").append(index);
            if (id != null) {
                text.append(" (id '").append(id).append("')");
            }
            text.append(": ");
        }
        if (!field.isEmpty()) {
            text.append(field).append(": ");
        }
        return text.append(message).toString();
    }

    @Override
    public String toString() {
        return text();
    }
}
