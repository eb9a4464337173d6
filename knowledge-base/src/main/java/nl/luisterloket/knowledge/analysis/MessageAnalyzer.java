package nl.luisterloket.knowledge.analysis;

import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.compound.DictionaryCompoundWordTokenFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter.StemmerOverrideMap;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.tartarus.snowball.ext.DutchStemmer;

/**
 * One language's analysis chain: tokenize, lowercase, fold accents, (query time only) synonyms and (Dutch) the
 * synonyms of multi-word entries whose words the message has apart or inflected, stop words,
 * (Dutch) stems set by hand, split compounds into the known parts they contain, add the verb of a past participle,
 * then stem (Dutch: Snowball; English: KStem); at query time, last, the synonyms of words the synonym list has in
 * another form. Stems set by hand come before splitting, so "collegas" is "collega", not a compound with "gas".
 *
 * <p>Synonyms come before the stop list so multi-word entries ("in de schulden") keep their words, and before
 * decompounding and stemming so the admin writes them as residents type them. The query side treats the output as a
 * bag of terms grouped by the word they came from, so the graph shape after the stop filter does not matter.
 */
final class MessageAnalyzer extends Analyzer {

    private static final int MIN_COMPOUND_LENGTH = 7;
    private static final int MIN_PART_LENGTH = 3;
    private static final int MAX_PART_LENGTH = 20;

    private final CharArraySet stopWords;
    private final CharArraySet compoundParts;
    private final SynonymMap synonyms;
    private final StemmerOverrideMap stemOverrides;
    private final boolean english;
    private final Map<String, List<String>> stemmedSynonyms;
    private final ScatteredPhrases scatteredPhrases;

    /**
     * @param compoundParts  dictionary of word parts for decompounding, or null for none
     * @param synonyms       synonyms applied by this analyzer (query side), or null for none (index side)
     * @param stemOverrides  words stemmed by hand (irregular plurals), or null
     */
    MessageAnalyzer(CharArraySet stopWords, CharArraySet compoundParts, SynonymMap synonyms, StemmerOverrideMap stemOverrides,
            boolean english) {
        this(stopWords, compoundParts, synonyms, stemOverrides, english, Map.of(), ScatteredPhrases.none());
    }

    /** @param stemmedSynonyms per stem, the stems of its one-word synonyms: for words the synonym list has in another form */
    MessageAnalyzer(CharArraySet stopWords, CharArraySet compoundParts, SynonymMap synonyms, StemmerOverrideMap stemOverrides,
            boolean english, Map<String, List<String>> stemmedSynonyms, ScatteredPhrases scatteredPhrases) {
        this.stemmedSynonyms = stemmedSynonyms;
        this.scatteredPhrases = scatteredPhrases;
        this.stopWords = stopWords;
        this.compoundParts = compoundParts;
        this.synonyms = synonyms;
        this.stemOverrides = stemOverrides;
        this.english = english;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream stream = english ? new EnglishPossessiveFilter(source) : source;
        stream = new LowerCaseFilter(stream);
        stream = new ASCIIFoldingFilter(stream);
        if (synonyms != null) {
            stream = new SynonymGraphFilter(stream, synonyms, true);
        }
        if (!scatteredPhrases.isEmpty()) {
            stream = new ScatteredPhraseSynonymFilter(stream, scatteredPhrases);
        }
        stream = new StopFilter(stream, stopWords);
        if (stemOverrides != null) {
            stream = new StemmerOverrideFilter(stream, stemOverrides);
        }
        if (compoundParts != null) {
            stream = new DictionaryCompoundWordTokenFilter(stream, compoundParts, MIN_COMPOUND_LENGTH, MIN_PART_LENGTH,
                    MAX_PART_LENGTH, false);
        }
        if (!english) {
            stream = new DutchParticipleFilter(stream);
        }
        // English: KStem, not Porter, which conflates words residents keep apart ("allowed" and "allowance" both
        // become "allow": a question whether something is allowed found the benefits office)
        stream = english ? new KStemFilter(stream) : new SnowballFilter(stream, new DutchStemmer());
        if (!stemmedSynonyms.isEmpty()) {
            stream = new InflectedSynonymFilter(stream, stemmedSynonyms);
        }
        return new TokenStreamComponents(source, stream);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(in));
    }
}
