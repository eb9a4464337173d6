package nl.luisterloket.knowledge.understanding;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import nl.luisterloket.knowledge.analysis.ConfigFiles;
import nl.luisterloket.knowledge.index.ServiceHit;
import nl.luisterloket.knowledge.index.ServiceIndex;
import nl.luisterloket.knowledge.index.ServiceQuery;
import nl.luisterloket.knowledge.model.Service;

/**
 * Understands a resident's message: first what the phrase lists say (crisis, asking for a person, small talk,
 * frustration, the life domains touched), then what the service index finds, and from both a decision.
 * Thread-safe; holds no per-conversation state (that comes in through {@link UnderstandingContext}).
 */
@Singleton
public final class MessageUnderstander implements MessageUnderstanding {

    private static final int URGENT_SUGGESTIONS = 3;
    private static final int VAGUE_MESSAGE_WORDS = 3;
    private static final double VAGUE_RELEVANCE_SHARE = 0.8;
    /** Words left after removing small-talk phrases; more than this and the message is about something. */
    private static final int SMALLTALK_REMAINDER_WORDS = 1;

    /** Where the resident says they live: "ik woon in X", "wij wonen op X", "I live in X". */
    private static final Pattern LIVES_IN = Pattern.compile(
            "(?:^| )(?:ik woon|woon ik|wij wonen|we wonen|woon|i live|we live) (?:nu |sinds kort )?(?:in|op) (?:de |het |the )?(\\p{L}{4,})(?= |$)");
    /** Words after "woon in" that are no place: "ik woon in een flat", "woon in mijn eentje". */
    private static final Set<String> NOT_A_PLACE = Set.of("een", "mijn", "ons", "onze", "deze", "die", "dit", "zo", "hier",
            "daar", "this", "that", "city", "town", "stad", "wijk", "buurt", "flat", "huis", "kamer");

    /**
     * "ik ben 24", "mijn opa is 84", "vader 72 jaar", "I am 70": an age stated in years. A number with another unit is
     * no age: "ik ben 10 weken zwanger", "ik ben 50 euro kwijt", "she is 30 minutes late".
     */
    private static final Pattern AGE = Pattern.compile(
            "(?:^| )(?:ben|is|am|im|aged?) (\\d{2})(?= |$)(?! (?:weken|week|wk|maanden|maand|dagen|dag|uur|uren|minuten|min"
                    + "|seconden|euro|eur|cent|procent|keer|kilo|kg|gram|graden|km|meter|cm|weeks|months|days|hours|minutes"
                    + "|euros|percent|times|kilos|degrees)(?: |$))"
                    + "|(?:^| )(\\d{2}) (?:jaar|jr|years)(?= |$)");
    private static final int OLDER_FROM = 65;
    private static final int YOUNG_FROM = 16;
    private static final int YOUNG_UNTIL = 27;

    private final ServiceIndex index;
    private final MatchingSettings settings;
    private final SignalPhrases phrases;
    private volatile NeighbourhoodNames neighbourhoodNames = new NeighbourhoodNames(List.of(), List.of());

    @Inject
    public MessageUnderstander(ServiceIndex index, MatchingSettings settings) {
        this(index, settings, SignalPhrases.load(new ConfigFiles(settings.configDirectory())));
    }

    MessageUnderstander(ServiceIndex index, MatchingSettings settings, SignalPhrases phrases) {
        this.index = requireNonNull(index, "index is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.phrases = requireNonNull(phrases, "phrases is null");
    }

    @Override
    public Understanding understand(String text, UnderstandingContext context) {
        requireNonNull(text, "text is null");
        requireNonNull(context, "context is null");
        String normalized = TextNormalizer.normalize(text);
        String guessed = LanguageGuess.of(normalized);
        String language = guessed != null ? guessed : context.language() != null ? context.language() : "nl";
        String named = neighbourhoodNamed(normalized);
        String neighbourhood = named != null ? named : context.neighbourhood();
        // the message's words, once: they decide which phrases of each list are worth trying
        MessageWords words = MessageWords.of(normalized);
        // idioms ("ik ga dood van de honger") are taken out once: they name no danger, no domain and no service
        String withoutIdioms = phrases.crisisIdioms().remove(normalized, words);
        Set<Signal> signals = signals(normalized, withoutIdioms, words);
        // how the resident lives ("ik leef van een uitkering") is background, not a problem in that domain
        Set<String> domains = domains(phrases.circumstances().remove(withoutIdioms, words), words);

        if (normalized.isEmpty()) {
            // only emoji (a thumbs-up, a smiley) is a social gesture; only punctuation or nothing is not understood
            boolean gesture = text.codePoints().anyMatch(MessageUnderstander::isPictograph);
            return new Understanding(gesture ? Decision.SMALLTALK : Decision.NO_MATCH, List.of(), domains, List.of(), language,
                    gesture ? EnumSet.of(Signal.CHITCHAT) : signals, named);
        }
        // the age the message states, once for every search it makes
        Integer age = statedAge(normalized);
        if (signals.contains(Signal.CRISIS)) {
            return new Understanding(Decision.CRISIS, crisisSuggestions(text, language, neighbourhood, context, age), domains,
                    List.of(), language, signals, named);
        }
        if (signals.contains(Signal.ASKS_FOR_PERSON)) {
            return new Understanding(Decision.ESCALATE, List.of(), domains, List.of(), language, signals, named);
        }
        if (isOnlySmalltalk(normalized, signals, words)) {
            return new Understanding(Decision.SMALLTALK, List.of(), domains, List.of(), language, signals, named);
        }
        String searchText = withoutIdioms;
        searchText = withAgeGroup(searchText);
        String unservedPlace = named == null ? unknownPlaceLivedIn(normalized) : null;
        if (unservedPlace != null) {
            // where the resident lives is no need: "ik woon in ..." must not find housing services
            searchText = LIVES_IN.matcher(searchText).replaceFirst(" ");
        }
        List<ServiceHit> hits = unservedPlace == null
                ? search(searchText, language, neighbourhood, context, false, settings.maxSuggestions(), domains, age)
                : servingEveryone(search(searchText, language, neighbourhood, context, false, settings.maxSuggestions() * 3, domains,
                        age));
        List<Suggestion> suggestions = suggestions(hits);
        Set<String> allDomains = new LinkedHashSet<>(context.domainsSoFar());
        allDomains.addAll(domains);
        int areas = LifeAreas.count(allDomains);
        boolean overwhelmed = phrases.overwhelmed().matches(normalized, words);
        if (areas >= settings.complexDomains() || (overwhelmed && areas >= settings.complexDomains() - 1)) {
            Set<Signal> withComplex = EnumSet.of(Signal.COMPLEX);
            withComplex.addAll(signals);
            return new Understanding(Decision.ESCALATE, suggestions, domains, List.of(), language, withComplex, named);
        }
        double confidence = suggestions.isEmpty() ? 0 : messageConfidence(searchText, language, neighbourhood, context, hits, age);
        if (confidence >= settings.answerThreshold() && !isVague(hits)) {
            return new Understanding(Decision.ANSWER, suggestions, domains, List.of(), language, signals, named);
        }
        if (confidence >= settings.clarifyThreshold()) {
            return new Understanding(Decision.CLARIFY, suggestions, domains, clarifyOptions(hits), language, signals, named);
        }
        return new Understanding(Decision.NO_MATCH, List.of(), domains, List.of(), language, signals, named);
    }

    private static boolean isPictograph(int codePoint) {
        Character.UnicodeBlock block = Character.UnicodeBlock.of(codePoint);
        return Character.getType(codePoint) == Character.OTHER_SYMBOL
                || block == Character.UnicodeBlock.EMOTICONS
                || block == Character.UnicodeBlock.MISCELLANEOUS_SYMBOLS_AND_PICTOGRAPHS
                || block == Character.UnicodeBlock.SUPPLEMENTAL_SYMBOLS_AND_PICTOGRAPHS;
    }

    /** The crisis phrase lists alone: the same test {@link #understand} makes, without searching. */
    @Override
    public boolean isCrisis(String text) {
        String normalized = TextNormalizer.normalize(requireNonNull(text, "text is null"));
        return !normalized.isEmpty() && phrases.crisis().matches(phrases.crisisIdioms().remove(normalized));
    }

    private Set<Signal> signals(String normalized, String withoutIdioms, MessageWords words) {
        Set<Signal> signals = EnumSet.noneOf(Signal.class);
        if (phrases.crisis().matches(withoutIdioms, words)) {
            signals.add(Signal.CRISIS);
        }
        // "ben jij een echt mens?" asks who the desk is, not for a person
        if (phrases.asksForPerson().matches(phrases.whoAreYou().remove(normalized, words), words)) {
            signals.add(Signal.ASKS_FOR_PERSON);
        }
        if (phrases.frustration().matches(normalized, words)) {
            signals.add(Signal.FRUSTRATION);
        }
        if (phrases.greeting().matches(normalized, words)) {
            signals.add(Signal.GREETING);
        }
        if (phrases.thanks().matches(normalized, words)) {
            signals.add(Signal.THANKS);
        }
        if (phrases.goodbye().matches(normalized, words)) {
            signals.add(Signal.GOODBYE);
        }
        if (phrases.whoAreYou().matches(normalized, words)) {
            signals.add(Signal.WHO_ARE_YOU);
        }
        if (phrases.chitchat().matches(normalized, words)) {
            signals.add(Signal.CHITCHAT);
        }
        return signals;
    }

    private boolean isOnlySmalltalk(String normalized, Set<Signal> signals, MessageWords words) {
        if (!(signals.contains(Signal.GREETING) || signals.contains(Signal.THANKS) || signals.contains(Signal.GOODBYE)
                || signals.contains(Signal.WHO_ARE_YOU) || signals.contains(Signal.CHITCHAT))) {
            return false;
        }
        String rest = normalized;
        for (PhraseList list : List.of(phrases.greeting(), phrases.thanks(), phrases.goodbye(), phrases.whoAreYou(), phrases.chitchat())) {
            rest = list.remove(rest, words);
        }
        long meaningful = Arrays.stream(rest.strip().split("\\s+"))
                .filter(word -> !word.isEmpty() && !LanguageGuess.isFiller(word)).count();
        return meaningful <= SMALLTALK_REMAINDER_WORDS;
    }

    private Set<String> domains(String withoutIdioms, MessageWords words) {
        Set<String> found = new LinkedHashSet<>();
        phrases.domains().forEach((domain, list) -> {
            if (list.matches(withoutIdioms, words)) {
                found.add(domain);
            }
        });
        return found;
    }

    /**
     * The place the resident says they live in ("ik woon in kralingen") when no service mentions it: the knowledge
     * base does not know that neighbourhood, so services bound to the neighbourhoods it does know do not serve them.
     */
    private String unknownPlaceLivedIn(String normalized) {
        Matcher matcher = LIVES_IN.matcher(normalized);
        if (!matcher.find()) {
            return null;
        }
        String place = matcher.group(1);
        return NOT_A_PLACE.contains(place) || index.knowsWord(place) ? null : place;
    }

    /**
     * An age says which services are meant for the resident: "ik ben 24 en heb geen inkomen" is a question for the
     * youth desk, "mijn opa is 84" one for services for older people. The age group is searched with the message.
     */
    static String withAgeGroup(String text) {
        Integer age = statedAge(text);
        if (age == null) {
            return text;
        }
        if (age >= OLDER_FROM) {
            return text + " ouderen";
        }
        if (age >= YOUNG_FROM && age <= YOUNG_UNTIL) {
            return text + " jongeren";
        }
        return text;
    }

    /** The age the message states for the person in need ("ik ben 24", "mijn opa is 84"), or null. */
    static Integer statedAge(String text) {
        Matcher matcher = AGE.matcher(text);
        return matcher.find() ? Integer.valueOf(matcher.group(1) != null ? matcher.group(1) : matcher.group(2)) : null;
    }

    private List<ServiceHit> servingEveryone(List<ServiceHit> hits) {
        List<ServiceHit> serving = hits.stream().filter(hit -> hit.service().serves(null)).toList();
        return serving.subList(0, Math.min(settings.maxSuggestions(), serving.size()));
    }

    private String neighbourhoodNamed(String normalized) {
        String padded = " " + normalized + " ";
        NeighbourhoodNames names = neighbourhoodNames();
        for (int i = 0; i < names.padded().size(); i++) {
            if (padded.contains(names.padded().get(i))) {
                return names.areas().get(i);
            }
        }
        return null;
    }

    /** The index's neighbourhoods, normalized once per change of the list rather than once per message. */
    private NeighbourhoodNames neighbourhoodNames() {
        List<String> areas = index.neighbourhoods();
        NeighbourhoodNames names = neighbourhoodNames;
        if (names.areas() != areas) {
            names = new NeighbourhoodNames(areas,
                    areas.stream().map(area -> " " + TextNormalizer.normalize(area) + " ").toList());
            neighbourhoodNames = names;
        }
        return names;
    }

    private record NeighbourhoodNames(List<String> areas, List<String> padded) {
    }

    private List<ServiceHit> search(String text, String language, String neighbourhood, UnderstandingContext context,
            boolean urgentOnly, int limit, Integer age) {
        return search(text, language, neighbourhood, context, urgentOnly, limit, Set.of(), age);
    }

    private List<ServiceHit> search(String text, String language, String neighbourhood, UnderstandingContext context,
            boolean urgentOnly, int limit, Set<String> domains, Integer age) {
        return index.search(new ServiceQuery(text, "en".equals(language), neighbourhood, context.excludedServiceIds(),
                context.categoryFilter(), urgentOnly, limit, domains, age));
    }

    /**
     * How sure the desk is it understood the need. Services the resident already saw ("iets anders") or a domain they
     * chose narrow what is left to suggest, not how well the message was understood: that comes from the search
     * without them.
     */
    private double messageConfidence(String text, String language, String neighbourhood, UnderstandingContext context,
            List<ServiceHit> hits, Integer age) {
        double remaining = ConfidenceCalibration.confidence(hits, 0);
        if (context.excludedServiceIds().isEmpty() && context.categoryFilter().isEmpty()) {
            return remaining;
        }
        UnderstandingContext open = new UnderstandingContext(context.language(), context.neighbourhood(), Set.of(), Set.of(),
                context.domainsSoFar());
        return Math.max(remaining, ConfidenceCalibration.confidence(search(text, language, neighbourhood, open, false, 1, age), 0));
    }

    /**
     * A short message whose best services are about as good as each other but in different life domains
     * ("mijn uitkering is gestopt": money or work?) is better met with a question than with a guess.
     */
    private static boolean isVague(List<ServiceHit> hits) {
        if (hits.size() < 2 || hits.get(0).words() > VAGUE_MESSAGE_WORDS || clarifyOptions(hits).isEmpty()) {
            return false;
        }
        ServiceHit first = hits.get(0);
        ServiceHit second = hits.get(1);
        return !first.service().mainCategory().equals(second.service().mainCategory())
                ? second.relevance() >= VAGUE_RELEVANCE_SHARE * first.relevance()
                : hits.size() > 2 && !first.service().mainCategory().equals(hits.get(2).service().mainCategory())
                        && hits.get(2).relevance() >= VAGUE_RELEVANCE_SHARE * first.relevance();
    }

    private static List<Suggestion> suggestions(List<ServiceHit> hits) {
        List<Suggestion> suggestions = new ArrayList<>();
        double first = ConfidenceCalibration.confidence(hits, 0);
        for (int i = 0; i < hits.size(); i++) {
            double confidence = Math.min(first, ConfidenceCalibration.confidence(hits, i));
            suggestions.add(new Suggestion(hits.get(i).service(), confidence));
        }
        return suggestions;
    }

    /** Urgent services that fit the message first (then any other urgent line), then the other services found. */
    private List<Suggestion> crisisSuggestions(String text, String language, String neighbourhood, UnderstandingContext context,
            Integer age) {
        UnderstandingContext unfiltered = new UnderstandingContext(context.language(), context.neighbourhood(), Set.of(), Set.of(),
                context.domainsSoFar());
        Map<String, Suggestion> ordered = new LinkedHashMap<>();
        List<ServiceHit> urgent = search(text, language, neighbourhood, unfiltered, true, URGENT_SUGGESTIONS, age);
        for (ServiceHit hit : urgent) {
            ordered.put(hit.service().id(), new Suggestion(hit.service(), 1.0));
        }
        if (ordered.isEmpty()) {
            for (Service service : index.urgentServices()) {
                if (ordered.size() < URGENT_SUGGESTIONS) {
                    ordered.put(service.id(), new Suggestion(service, 1.0));
                }
            }
        }
        for (Suggestion suggestion : suggestions(search(text, language, neighbourhood, context, false, settings.maxSuggestions(), age))) {
            if (ordered.size() >= settings.maxSuggestions() + URGENT_SUGGESTIONS) {
                break;
            }
            ordered.putIfAbsent(suggestion.service().id(), suggestion);
        }
        return List.copyOf(ordered.values());
    }

    private static List<String> clarifyOptions(List<ServiceHit> hits) {
        Set<String> categories = new LinkedHashSet<>();
        for (ServiceHit hit : hits) {
            categories.add(hit.service().mainCategory().toLowerCase(Locale.ROOT));
            if (categories.size() == 4) {
                break;
            }
        }
        return categories.size() >= 2 ? List.copyOf(categories) : List.of();
    }
}
