package nl.luisterloket.knowledge.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.util.BytesRef;

import nl.luisterloket.knowledge.model.Service;
import nl.luisterloket.knowledge.model.Translation;

/** Turns a service into the Lucene document that searches run against. */
final class ServiceDocuments {

    /** A service without English texts still gets every English field, empty (see {@link #addText}). */
    private static final Translation NO_TRANSLATION = new Translation(null, null, null, List.of(), List.of());

    private ServiceDocuments() {
    }

    static Document toDocument(Service service) {
        Document document = new Document();
        document.add(new StringField(ServiceFields.ID, service.id(), Field.Store.YES));
        // read for every hit of every search: from doc values, without decompressing a block of stored texts
        document.add(new BinaryDocValuesField(ServiceFields.ID, new BytesRef(service.id())));
        service.categories().forEach(category -> document.add(new StringField(ServiceFields.CATEGORY, category, Field.Store.NO)));
        List<String> areas = service.areas().isEmpty() ? List.of("*") : service.areas();
        areas.forEach(area -> document.add(new StringField(ServiceFields.AREA, area.toLowerCase(Locale.ROOT), Field.Store.NO)));
        if (service.urgent()) {
            document.add(new StringField(ServiceFields.URGENT, "true", Field.Store.NO));
        }
        List<String> dutch = new ArrayList<>();
        addText(document, dutch, "nl_name", Stream.of(service.name(), service.organization()));
        addText(document, dutch, "nl_keywords", service.keywords().stream());
        addText(document, dutch, "nl_examples", service.exampleQuestions().stream());
        addText(document, dutch, "nl_summary", Stream.of(service.summary()));
        addText(document, dutch, "nl_description", Stream.of(service.description(), service.eligibility()));
        document.add(new TextField(ServiceFields.NL_ALL, String.join("\n", dutch), Field.Store.NO));

        Translation english = service.translation("en").orElse(NO_TRANSLATION);
        List<String> texts = new ArrayList<>();
        addText(document, texts, "en_name", Stream.of(english.name()));
        addText(document, texts, "en_keywords", english.keywords().stream());
        addText(document, texts, "en_examples", english.exampleQuestions().stream());
        addText(document, texts, "en_summary", Stream.of(english.summary()));
        addText(document, texts, "en_description", Stream.of(english.description()));
        document.add(new TextField(ServiceFields.EN_ALL, String.join("\n", texts), Field.Store.NO));
        return document;
    }

    /**
     * Every document holds every text field, empty when the service has no text for it. An empty field scores
     * nothing and leaves BM25's statistics alone, but it makes the field's norms dense: a sparse field's norm is
     * found by scanning a block of document numbers for every document scored, which took a tenth of a search.
     */
    private static void addText(Document document, List<String> all, String field, Stream<String> values) {
        String text = values.filter(Objects::nonNull).filter(value -> !value.isBlank()).collect(Collectors.joining("\n"));
        document.add(new TextField(field, text, Field.Store.NO));
        if (!text.isEmpty()) {
            all.add(text);
        }
    }
}
