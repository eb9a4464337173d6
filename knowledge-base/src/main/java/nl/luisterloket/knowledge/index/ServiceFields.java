package nl.luisterloket.knowledge.index;

import java.util.List;
import java.util.Map;

/** Field names of the service index and how much a match in each counts. */
final class ServiceFields {

    static final String ID = "id";
    static final String CATEGORY = "category";
    static final String AREA = "area";
    static final String URGENT = "urgent";

    /**
     * BM25's term-frequency saturation, lower than Lucene's 1.2: a service's texts are short, and a word repeated in
     * them says little more than the word once, so a second occurrence should add less than BM25 usually gives it.
     */
    static final float BM25_K1 = 0.9f;
    static final float BM25_B = 0.75f;

    static final String NL_ALL = "nl_all";
    static final String EN_ALL = "en_all";

    /**
     * Dutch text fields and their boosts. Keywords and example questions are written in residents' words and weigh
     * most; a name is short, so BM25 already rewards a match in it strongly; the catch-all field, where compounds
     * are split into their parts, lets "schulden" meet "schuldhulpverlening".
     */
    static final Map<String, Float> DUTCH_BOOSTS = Map.of(
            "nl_name", 0.7f,
            "nl_keywords", 1.5f,
            "nl_examples", 1.5f,
            "nl_summary", 1.0f,
            "nl_description", 0.5f,
            NL_ALL, 0.7f);

    static final Map<String, Float> ENGLISH_BOOSTS = Map.of(
            "en_name", 0.7f,
            "en_keywords", 1.5f,
            "en_examples", 1.5f,
            "en_summary", 1.0f,
            "en_description", 0.5f);

    static final List<String> DUTCH_TEXT_FIELDS = List.of("nl_name", "nl_keywords", "nl_examples", "nl_summary", "nl_description");
    static final List<String> ENGLISH_TEXT_FIELDS = List.of("en_name", "en_keywords", "en_examples", "en_summary", "en_description");

    private ServiceFields() {
    }

    /** Whether the field is a language's catch-all: it holds every term of that language's other text fields. */
    static boolean isCatchAll(String field) {
        return field.equals(NL_ALL) || field.equals(EN_ALL);
    }

    static boolean isEnglish(String field) {
        return field.startsWith("en_");
    }
}
