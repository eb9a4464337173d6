package nl.luisterloket.knowledge.analysis;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.text.ParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter.StemmerOverrideMap;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * The analyzers of the matcher, built from the files in the configuration directory:
 * <ul>
 * <li>{@code synonyms/nl.txt}, {@code synonyms/en.txt}: Solr-format synonyms, applied at query time only;</li>
 * <li>{@code synonyms/en-nl.txt}: English words with their Dutch equivalents, so an English message also finds a
 * service described only in Dutch;</li>
 * <li>{@code synonyms/nl-compound-parts.txt}: word parts that Dutch compounds are split into
 * ({@code huurachterstand} → {@code huur}, {@code achterstand});</li>
 * <li>{@code synonyms/nl-stems.txt}: irregular forms and their stem ({@code kinderen kind});</li>
 * <li>{@code synonyms/nl-stopwords.txt}, {@code synonyms/en-stopwords.txt}: extra stop words on top of Lucene's lists;</li>
 * <li>{@code synonyms/nl-specific-needs.txt}, {@code synonyms/en-specific-needs.txt}: words naming one specific provider or matter ({@code tandarts},
 * {@code hypotheek}); a service that does not mention it does not answer a message that names it.</li>
 * </ul>
 * Immutable and thread-safe (Lucene analyzers keep per-thread state themselves).
 */
public final class TextAnalysis {

    public static final String NL_SYNONYMS = "synonyms/nl.txt";
    public static final String EN_SYNONYMS = "synonyms/en.txt";
    public static final String EN_NL_SYNONYMS = "synonyms/en-nl.txt";
    public static final String NL_COMPOUND_PARTS = "synonyms/nl-compound-parts.txt";
    public static final String NL_STEMS = "synonyms/nl-stems.txt";
    public static final String NL_STOPWORDS = "synonyms/nl-stopwords.txt";
    public static final String EN_STOPWORDS = "synonyms/en-stopwords.txt";
    public static final String NL_SPECIFIC_NEEDS = "synonyms/nl-specific-needs.txt";
    public static final String EN_SPECIFIC_NEEDS = "synonyms/en-specific-needs.txt";

    private final Analyzer dutchIndex;
    private final Analyzer dutchIndexDecompounded;
    private final Analyzer dutchQuery;
    private final Analyzer englishIndex;
    private final Analyzer englishQuery;
    private final Set<String> dutchSpecificNeeds;
    private final Set<String> englishSpecificNeeds;
    private final String indexConfiguration;

    private TextAnalysis(Analyzer dutchIndex, Analyzer dutchIndexDecompounded, Analyzer dutchQuery, Analyzer englishIndex,
            Analyzer englishQuery, List<String> dutchNeeds, List<String> englishNeeds, String indexConfiguration) {
        this.dutchIndex = dutchIndex;
        this.dutchIndexDecompounded = dutchIndexDecompounded;
        this.dutchQuery = dutchQuery;
        this.englishIndex = englishIndex;
        this.englishQuery = englishQuery;
        this.dutchSpecificNeeds = terms(dutchIndex, dutchNeeds);
        this.englishSpecificNeeds = terms(englishIndex, englishNeeds);
        this.indexConfiguration = indexConfiguration;
    }

    public static TextAnalysis load(ConfigFiles files) {
        requireNonNull(files, "files is null");
        CharArraySet dutchStop = new CharArraySet(DutchAnalyzer.getDefaultStopSet(), false);
        dutchStop.addAll(files.lines(NL_STOPWORDS));
        CharArraySet englishStop = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, false);
        englishStop.addAll(files.lines(EN_STOPWORDS));
        CharArraySet compoundParts = new CharArraySet(files.lines(NL_COMPOUND_PARTS), true);
        StemmerOverrideMap stems = stemOverrides(files);
        SynonymMap dutchSynonyms = synonyms(files, NL_SYNONYMS, EN_NL_SYNONYMS);
        SynonymMap englishSynonyms = synonyms(files, EN_SYNONYMS);
        MessageAnalyzer dutchIndex = new MessageAnalyzer(dutchStop, null, null, stems, false);
        MessageAnalyzer englishIndex = new MessageAnalyzer(englishStop, null, null, null, true);
        return new TextAnalysis(
                dutchIndex,
                new MessageAnalyzer(dutchStop, compoundParts, null, stems, false),
                new MessageAnalyzer(dutchStop, compoundParts, dutchSynonyms, stems, false,
                        StemmedSynonyms.of(dutchIndex, files, NL_SYNONYMS), ScatteredPhrases.of(files, NL_SYNONYMS)),
                englishIndex,
                new MessageAnalyzer(englishStop, null, englishSynonyms, null, true,
                        StemmedSynonyms.of(englishIndex, files, EN_SYNONYMS), ScatteredPhrases.none()),
                files.lines(NL_SPECIFIC_NEEDS), files.lines(EN_SPECIFIC_NEEDS),
                contents(files, NL_STOPWORDS, EN_STOPWORDS, NL_COMPOUND_PARTS, NL_STEMS));
    }

    /**
     * The files the index analysers are made of, each named (synonyms are applied to messages only): an index built
     * from other contents would analyse services differently.
     */
    public String indexConfiguration() {
        return indexConfiguration;
    }

    private static String contents(ConfigFiles files, String... relativePaths) {
        StringBuilder contents = new StringBuilder();
        for (String path : relativePaths) {
            contents.append(path).append('\0').append(files.read(path)).append('\0');
        }
        return contents.toString();
    }

    /**
     * The analysed terms (Dutch stems) of the words naming a specific provider or matter: a message term in this set
     * names something a service must mention to answer the message.
     */
    public Set<String> dutchSpecificNeeds() {
        return dutchSpecificNeeds;
    }

    /** The same for English messages. */
    public Set<String> englishSpecificNeeds() {
        return englishSpecificNeeds;
    }

    private static Set<String> terms(Analyzer analyzer, List<String> words) {
        Set<String> terms = new HashSet<>();
        for (String word : words) {
            try (TokenStream stream = analyzer.tokenStream("", word)) {
                CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
                stream.reset();
                while (stream.incrementToken()) {
                    terms.add(term.toString());
                }
                stream.end();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Set.copyOf(terms);
    }

    /** Dutch analysis for indexing service texts: no synonyms, compounds kept whole. */
    public Analyzer dutchIndex() {
        return dutchIndex;
    }

    /**
     * Dutch analysis for the catch-all field: compounds also split into their parts, so "schulden" in a message
     * meets "schuldhulpverlening" in a service, at the lower weight of that field.
     */
    public Analyzer dutchIndexDecompounded() {
        return dutchIndexDecompounded;
    }

    /** Dutch analysis for residents' messages: with the Dutch synonyms and the English-Dutch glossary. */
    public Analyzer dutchQuery() {
        return dutchQuery;
    }

    public Analyzer englishIndex() {
        return englishIndex;
    }

    public Analyzer englishQuery() {
        return englishQuery;
    }

    private static StemmerOverrideMap stemOverrides(ConfigFiles files) {
        StemmerOverrideFilter.Builder builder = new StemmerOverrideFilter.Builder(false);
        List<String> lines = files.lines(NL_STEMS);
        for (String line : lines) {
            String[] parts = line.split("\\s+");
            if (parts.length != 2) {
                throw new IllegalArgumentException(files.describe(NL_STEMS) + ": expected 'word stem' on each line, found '" + line + "'");
            }
            builder.add(parts[0].toLowerCase(java.util.Locale.ROOT), parts[1].toLowerCase(java.util.Locale.ROOT));
        }
        try {
            return builder.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SynonymMap synonyms(ConfigFiles files, String... relativePaths) {
        try (Analyzer entryAnalyzer = new SynonymEntryAnalyzer()) {
            SolrSynonymParser parser = new SolrSynonymParser(true, true, entryAnalyzer);
            for (String path : relativePaths) {
                try {
                    parser.parse(new StringReader(files.read(path)));
                } catch (ParseException e) {
                    throw new IllegalArgumentException(files.describe(path) + ": line " + e.getErrorOffset() + ": "
                            + (e.getCause() == null ? e.getMessage() : e.getCause().getMessage()), e);
                }
            }
            return parser.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How synonym entries are tokenized: the same steps the query chain takes before its synonym filter. */
    private static final class SynonymEntryAnalyzer extends Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream stream = new ASCIIFoldingFilter(new LowerCaseFilter(source));
            return new TokenStreamComponents(source, stream);
        }
    }
}
