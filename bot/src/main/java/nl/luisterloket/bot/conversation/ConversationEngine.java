package nl.luisterloket.bot.conversation;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import nl.luisterloket.bot.channel.Button;
import nl.luisterloket.bot.channel.IncomingMessage;
import nl.luisterloket.bot.channel.MessageKind;
import nl.luisterloket.bot.channel.Messages;
import nl.luisterloket.bot.channel.Outbox;
import nl.luisterloket.bot.config.LuisterloketConfig;
import nl.luisterloket.bot.handover.HandoverDesk;
import nl.luisterloket.bot.handover.HandoverRequest;
import nl.luisterloket.bot.handover.HandoverTrigger;
import nl.luisterloket.bot.privacy.PrivacySettings;
import nl.luisterloket.knowledge.index.ServiceDirectory;
import nl.luisterloket.knowledge.model.Service;
import nl.luisterloket.knowledge.understanding.Decision;
import nl.luisterloket.knowledge.understanding.MessageUnderstanding;
import nl.luisterloket.knowledge.understanding.Signal;
import nl.luisterloket.knowledge.understanding.Suggestion;
import nl.luisterloket.knowledge.understanding.Understanding;
import nl.luisterloket.knowledge.understanding.UnderstandingContext;

/**
 * The resident's side of a conversation: listens, answers with services, asks when unsure, keeps
 * context across turns, and offers (or starts) a hand-over to a person when trust or complexity
 * asks for it. The first message of a conversation gets exactly the decision the understanding
 * step makes; the rules about domains, misses and frustration apply from the second turn on.
 */
@Singleton
public final class ConversationEngine {

    static final int MAX_SUGGESTIONS = 3;
    private static final int MAX_CLARIFY_OPTIONS = 4;
    private static final int MAX_BUTTON_LABEL = 40;

    private final ResidentStore residents;
    private final ConversationStore conversations;
    private final SuggestionStore suggestions;
    private final FollowUpStore followUps;
    private final UnansweredQuestionStore unanswered;
    private final MessageUnderstanding understanding;
    private final ServiceDirectory directory;
    private final HandoverDesk handoverDesk;
    private final Outbox outbox;
    private final Clock clock;
    private final ConversationSettings settings;
    private final Messages messages;
    private final ServiceFormatter formatter;
    private final NeighbourhoodFinder neighbourhoods;
    private final String defaultLanguage;
    private final int retentionDays;

    @Inject
    ConversationEngine(ResidentStore residents, ConversationStore conversations, SuggestionStore suggestions,
            FollowUpStore followUps, UnansweredQuestionStore unanswered, PreparedUnderstandings understanding,
            ServiceDirectory directory, HandoverDesk handoverDesk, Outbox outbox, Clock clock, LuisterloketConfig config,
            ConversationSettings settings, PrivacySettings privacy) {
        this.residents = requireNonNull(residents, "residents is null");
        this.conversations = requireNonNull(conversations, "conversations is null");
        this.suggestions = requireNonNull(suggestions, "suggestions is null");
        this.followUps = requireNonNull(followUps, "followUps is null");
        this.unanswered = requireNonNull(unanswered, "unanswered is null");
        this.understanding = requireNonNull(understanding, "understanding is null");
        this.directory = requireNonNull(directory, "directory is null");
        this.handoverDesk = requireNonNull(handoverDesk, "handoverDesk is null");
        this.outbox = requireNonNull(outbox, "outbox is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.defaultLanguage = requireNonNull(config, "config is null").defaultLanguage();
        this.retentionDays = requireNonNull(privacy, "privacy is null").retentionDays();
        this.messages = new Messages("conversation", defaultLanguage);
        this.formatter = new ServiceFormatter(messages, clock, config.timeZone(), config.knowledgeBase().staleAfterDays());
        this.neighbourhoods = new NeighbourhoodFinder(settings.neighbourhoods(), settings.areas());
    }

    public void handle(Connection transaction, IncomingMessage message) throws SQLException {
        Resident resident = residents.findOrCreate(transaction, message.chat(), message.author(), defaultLanguage);
        Turn turn = begin(transaction, resident, message);
        switch (message.kind()) {
            case COMMAND -> command(turn, message);
            case CALLBACK -> callback(turn, message.callbackData() == null ? "" : message.callbackData());
            case TEXT -> text(turn, message.text());
            case LOCATION -> location(turn, message);
            case VOICE, PHOTO, STICKER, DOCUMENT, VIDEO, OTHER -> otherInput(turn, message.kind());
        }
        turn.finish();
    }

    /** Finds or opens the conversation (closing it first when it has been idle too long) and records the message. */
    private Turn begin(Connection transaction, Resident resident, IncomingMessage message) throws SQLException {
        Optional<Conversation> current = conversations.current(transaction, resident.id());
        boolean returning = false;
        if (current.isPresent() && current.get().isIdle(settings.idleSince(clock.instant()))) {
            conversations.setStatus(transaction, current.get().id(), ConversationStore.CLOSED);
            current = Optional.empty();
            returning = true;
        } else if (current.isEmpty() && !resident.isNew()) {
            returning = conversations.hadConversation(transaction, resident.id());
        }
        Conversation conversation = current.isPresent() ? current.get() : conversations.open(transaction, resident.id());
        conversations.addMessage(transaction, conversation.id(), "in", "resident", message.kind().name().toLowerCase(Locale.ROOT),
                storedText(message));
        Turn.Greeting greeting = Turn.Greeting.NONE;
        if (resident.isNew()) {
            greeting = Turn.Greeting.WELCOME;
        } else if (returning && message.kind() != MessageKind.CALLBACK) {
            greeting = Turn.Greeting.WELCOME_BACK;
        }
        return new Turn(transaction, conversations, outbox, resident, conversation, greeting, this::greetingText);
    }

    /** A location is kept only as the neighbourhood it falls in, never as coordinates. */
    private static String storedText(IncomingMessage message) {
        return switch (message.kind()) {
            case CALLBACK -> message.callbackData();
            case LOCATION -> null;
            default -> message.text();
        };
    }

    private String greetingText(Turn.Greeting greeting, String language) {
        return switch (greeting) {
            case WELCOME -> welcome(language);
            case WELCOME_BACK -> messages.text(language, "welcomeBack");
            case NONE -> "";
        };
    }

    private String welcome(String language) {
        return messages.text(language, "welcome", settings.operator(), retentionDays);
    }

    // ---- commands -------------------------------------------------------------------------

    private void command(Turn turn, IncomingMessage message) throws SQLException {
        String command = message.command().orElse("");
        switch (command) {
            case "start" -> {
                turn.dropGreeting();
                turn.say(welcome(turn.language()));
            }
            case "help", "hulp" -> turn.say(help(turn.language()));
            case "mens", "human", "person" -> requestPerson(turn, HandoverTrigger.ASKED_FOR_PERSON);
            case "taal", "language" -> changeLanguage(turn, message.commandArgument());
            case "opvolging", "followup" -> switchFollowUp(turn, message.commandArgument());
            default -> turn.say(messages.text(turn.language(), "command.unknown") + "\n\n" + help(turn.language()));
        }
    }

    private String help(String language) {
        return messages.text(language, "help");
    }

    private void changeLanguage(Turn turn, String argument) throws SQLException {
        String wanted = switch (argument.toLowerCase(Locale.ROOT)) {
            case "nl", "nederlands", "dutch" -> "nl";
            case "en", "english", "engels" -> "en";
            default -> null;
        };
        if (wanted == null) {
            turn.say(messages.text(turn.language(), "language.choose"),
                    List.of(List.of(new Button(messages.text("nl", "language.name"), Callbacks.language("nl")),
                            new Button(messages.text("en", "language.name"), Callbacks.language("en")))));
            return;
        }
        setLanguage(turn, wanted);
    }

    private void setLanguage(Turn turn, String language) throws SQLException {
        residents.setLanguage(turn.transaction(), turn.resident().id(), language);
        Resident resident = turn.resident();
        turn.resident(new Resident(resident.id(), resident.chat(), resident.firstName(), language, resident.neighbourhood(),
                resident.followUpEnabled(), resident.isNew()));
        turn.say(messages.text(language, "language.changed"));
    }

    private void switchFollowUp(Turn turn, String argument) throws SQLException {
        String wanted = argument.toLowerCase(Locale.ROOT);
        if (wanted.equals("uit") || wanted.equals("off") || wanted.equals("stop")) {
            setFollowUp(turn, false);
        } else if (wanted.equals("aan") || wanted.equals("on")) {
            setFollowUp(turn, true);
        } else {
            turn.say(messages.text(turn.language(), turn.resident().followUpEnabled() ? "followUp.isOn" : "followUp.isOff"));
        }
    }

    private void setFollowUp(Turn turn, boolean enabled) throws SQLException {
        Resident resident = turn.resident();
        residents.setFollowUpEnabled(turn.transaction(), resident.id(), enabled);
        if (!enabled) {
            followUps.cancelPlanned(turn.transaction(), resident.id());
        }
        turn.resident(new Resident(resident.id(), resident.chat(), resident.firstName(), resident.language(),
                resident.neighbourhood(), enabled, resident.isNew()));
        turn.say(messages.text(turn.language(), enabled ? "followUp.switchedOn" : "followUp.switchedOff"));
    }

    // ---- text -----------------------------------------------------------------------------

    private void text(Turn turn, String text) throws SQLException {
        if (text.isBlank()) {
            turn.say(messages.text(turn.language(), "emptyText"));
            return;
        }
        ConversationState before = turn.state();
        boolean firstTurn = before.isFirstTurn();
        Understanding understood = understanding.understand(text, context(turn, Set.of(), Set.of()));
        turn.state(before.withTurn().withDomains(understood.domains()));
        if (understood.decision() == Decision.CRISIS) {
            crisis(turn, understood);
            return;
        }
        Optional<String> named = understood.neighbourhoodNamed().or(() -> neighbourhoods.named(text));
        boolean neighbourhoodChanged = named.isPresent() && !named.get().equalsIgnoreCase(turn.resident().neighbourhood());
        if (neighbourhoodChanged) {
            setNeighbourhood(turn, named.get());
        }
        if (understood.signals().contains(Signal.ASKS_FOR_PERSON) && (understood.decision() == Decision.ESCALATE || !firstTurn)) {
            requestPerson(turn, HandoverTrigger.ASKED_FOR_PERSON);
            return;
        }
        boolean refinesEarlierQuestion = !firstTurn && named.isPresent() && before.lastQuery() != null
                && (understood.decision() == Decision.NO_MATCH || understood.decision() == Decision.SMALLTALK
                        || NeighbourhoodFinder.saysLittleMoreThan(text, named.get()));
        if (refinesEarlierQuestion) {
            turn.say(messages.text(turn.language(), "neighbourhood.set", named.get()));
            answerAgain(turn);
            return;
        }
        if (neighbourhoodChanged) {
            turn.say(messages.text(turn.language(), "neighbourhood.set", named.get()));
        }
        boolean onlyFrustration = !firstTurn && understood.signals().contains(Signal.FRUSTRATION)
                && (understood.domains().isEmpty() || understood.decision() == Decision.NO_MATCH
                        || understood.decision() == Decision.SMALLTALK);
        if (onlyFrustration) {
            offerPerson(turn, HandoverTrigger.FRUSTRATION);
            return;
        }
        switch (understood.decision()) {
            case ANSWER -> answer(turn, text, understood.suggestions(), List.of(), Decision.ANSWER, true);
            case CLARIFY -> clarify(turn, text, understood);
            case ESCALATE -> {
                if (!firstTurn && before.personOffered() && !understood.suggestions().isEmpty()) {
                    // the resident said no to a person before: keep helping rather than asking again and again
                    answer(turn, text, understood.suggestions(), List.of(), Decision.ANSWER, true);
                } else {
                    offerPerson(turn, escalationTrigger(understood.signals()));
                }
            }
            case SMALLTALK -> smalltalk(turn, understood.signals());
            case NO_MATCH -> noMatch(turn, text);
            case CRISIS -> throw new IllegalStateException("handled above");
        }
        if (!firstTurn && understood.decision() != Decision.ESCALATE) {
            offerPersonWhenNeeded(turn, understood.signals());
        }
    }

    private UnderstandingContext context(Turn turn, Set<String> excluded, Set<String> categoryFilter) {
        return new UnderstandingContext(turn.language(), turn.resident().neighbourhood(), excluded, categoryFilter,
                Set.copyOf(turn.state().domains()));
    }

    private static HandoverTrigger escalationTrigger(Set<Signal> signals) {
        if (signals.contains(Signal.FRUSTRATION)) {
            return HandoverTrigger.FRUSTRATION;
        }
        return HandoverTrigger.COMPLEX;
    }

    /**
     * From the second turn on: frustration, repeated misses, or several life areas (the understanding
     * step counts them across the conversation and signals COMPLEX) make the desk offer a person.
     */
    private void offerPersonWhenNeeded(Turn turn, Set<Signal> signals) throws SQLException {
        ConversationState state = turn.state();
        if (signals.contains(Signal.FRUSTRATION)) {
            offerPerson(turn, HandoverTrigger.FRUSTRATION);
        } else if (state.personOffered()) {
            return;
        } else if (signals.contains(Signal.COMPLEX)) {
            offerPerson(turn, HandoverTrigger.COMPLEX);
        } else if (state.missesInRow() >= settings.missesBeforeOffer()) {
            offerPerson(turn, HandoverTrigger.REPEATED_MISSES);
        }
    }

    private void crisis(Turn turn, Understanding understood) throws SQLException {
        List<Suggestion> shown = urgentFirst(understood.suggestions());
        String text = messages.text(turn.language(), "crisis") + "\n\n" + services(shown, turn.language());
        turn.sayUrgently(text, List.of());
        suggestions.recordShown(turn.transaction(), turn.conversation().id(), shown, Decision.CRISIS.wireName());
        turn.state(turn.state().withNewQuery(null, ids(shown), List.of()));
        handOver(turn, HandoverTrigger.CRISIS);
    }

    /**
     * Only the urgent services: those the understanding step found for this message, best first, or
     * the desk's urgent crisis lines when it found none. Ordinary services wait for the person.
     */
    private List<Suggestion> urgentFirst(List<Suggestion> found) {
        List<Suggestion> urgent = new ArrayList<>(found.stream().filter(suggestion -> suggestion.service().urgent()).toList());
        if (urgent.isEmpty()) {
            directory.all().stream()
                    .filter(service -> service.urgent() && service.active() && service.categories().contains("crisis"))
                    .limit(MAX_SUGGESTIONS)
                    .forEach(service -> urgent.add(new Suggestion(service, 1.0)));
        }
        return urgent.stream().limit(MAX_SUGGESTIONS).toList();
    }

    // ---- answers --------------------------------------------------------------------------

    /**
     * Shows up to three services with the feedback buttons. {@code newQuestion}: this answers a new
     * question (misses start again, "Iets anders" starts from here) rather than giving more for the same one.
     */
    private void answer(Turn turn, String query, List<Suggestion> found, List<String> categoryFilter, Decision decision,
            boolean newQuestion) throws SQLException {
        List<Suggestion> shown = found.stream()
                .filter(suggestion -> newQuestion || !turn.state().shownServiceIds().contains(suggestion.service().id()))
                .limit(MAX_SUGGESTIONS)
                .toList();
        if (shown.isEmpty()) {
            noMatch(turn, query);
            return;
        }
        long firstId = suggestions.recordShown(turn.transaction(), turn.conversation().id(), shown, decision.wireName());
        String language = turn.language();
        String intro = messages.text(language, newQuestion ? "answer" : "answer.more");
        turn.say(intro + "\n\n" + services(shown, language), List.of(
                List.of(new Button(messages.text(language, "button.helps"), Callbacks.helps(firstId, shown.size())),
                        new Button(messages.text(language, "button.other"), Callbacks.somethingElse(firstId, shown.size()))),
                List.of(new Button(messages.text(language, "button.wrong"), Callbacks.wrongDetails(firstId, shown.size())),
                        new Button(messages.text(language, "button.person"), Callbacks.PERSON))));
        ConversationState state = turn.state();
        turn.state(newQuestion
                ? state.withNewQuery(query, ids(shown), categoryFilter).withMissesInRow(0)
                : state.withMoreShown(ids(shown)));
        planFollowUp(turn, shown.get(0).service());
    }

    private void planFollowUp(Turn turn, Service service) throws SQLException {
        if (turn.resident().followUpEnabled()) {
            followUps.plan(turn.transaction(), turn.resident().id(), turn.conversation().id(), service.id(),
                    clock.instant().plus(Duration.ofDays(settings.followUpDays())));
        }
    }

    private String services(List<Suggestion> shown, String language) {
        return String.join("\n\n", shown.stream().map(suggestion -> formatter.format(suggestion.service(), language)).toList());
    }

    private static List<String> ids(List<Suggestion> shown) {
        return shown.stream().map(suggestion -> suggestion.service().id()).toList();
    }

    /** The earlier question again, with what changed since (neighbourhood): a fresh answer. */
    private void answerAgain(Turn turn) throws SQLException {
        ConversationState state = turn.state();
        Understanding again = understanding.understand(state.lastQuery(), context(turn, Set.of(), Set.copyOf(state.categoryFilter())));
        answer(turn, state.lastQuery(), inCategories(again.suggestions(), state.categoryFilter()), state.categoryFilter(),
                Decision.ANSWER, true);
    }

    /** "Iets anders": the next candidates for the same question, never one shown before. */
    private void somethingElse(Turn turn) throws SQLException {
        ConversationState state = turn.state();
        if (state.lastQuery() == null) {
            turn.say(messages.text(turn.language(), "other.nothingYet"));
            return;
        }
        turn.state(state.withMiss());
        Understanding more = understanding.understand(state.lastQuery(),
                context(turn, Set.copyOf(state.shownServiceIds()), Set.copyOf(state.categoryFilter())));
        List<Suggestion> fresh = inCategories(more.suggestions(), state.categoryFilter()).stream()
                .filter(suggestion -> !state.shownServiceIds().contains(suggestion.service().id()))
                .toList();
        if (fresh.isEmpty()) {
            offerPerson(turn, HandoverTrigger.REPEATED_MISSES, "other.noMore");
            return;
        }
        answer(turn, state.lastQuery(), fresh, state.categoryFilter(), Decision.ANSWER, false);
        if (turn.state().missesInRow() >= settings.missesBeforeOffer() && !turn.state().personOffered()) {
            offerPerson(turn, HandoverTrigger.REPEATED_MISSES);
        }
    }

    private static List<Suggestion> inCategories(List<Suggestion> found, List<String> categories) {
        if (categories.isEmpty()) {
            return found;
        }
        return found.stream()
                .filter(suggestion -> suggestion.service().categories().stream().anyMatch(categories::contains))
                .toList();
    }

    private void clarify(Turn turn, String text, Understanding understood) throws SQLException {
        List<String> options = clarifyOptions(understood);
        if (options.size() < 2) {
            answer(turn, text, understood.suggestions(), List.of(), Decision.ANSWER, true);
            return;
        }
        String language = turn.language();
        List<List<Button>> buttons = new ArrayList<>();
        for (String option : options) {
            buttons.add(List.of(new Button(categoryName(option, language), Callbacks.pick(option))));
        }
        buttons.add(List.of(new Button(messages.text(language, "button.person"), Callbacks.PERSON)));
        turn.say(messages.text(language, "clarify"), buttons);
        turn.state(turn.state().withNewQuery(text, List.of(), List.of()));
    }

    /** The domains to choose from: the understanding step's, or else the main domains of its candidates. */
    private static List<String> clarifyOptions(Understanding understood) {
        List<String> options = new ArrayList<>(understood.clarifyOptions());
        if (options.size() < 2) {
            options.clear();
            understood.suggestions().stream()
                    .map(suggestion -> suggestion.service().mainCategory())
                    .filter(category -> !category.isEmpty())
                    .distinct()
                    .forEach(options::add);
        }
        return options.stream().filter(option -> Callbacks.pick(option).length() <= Button.MAX_CALLBACK_BYTES)
                .limit(MAX_CLARIFY_OPTIONS).toList();
    }

    private String categoryName(String categoryId, String language) {
        String key = "category." + categoryId;
        return messages.has(language, key) || messages.has(defaultLanguage, key) ? messages.text(language, key) : categoryId;
    }

    private void picked(Turn turn, String categoryId) throws SQLException {
        ConversationState state = turn.state();
        if (state.lastQuery() == null) {
            turn.say(messages.text(turn.language(), "other.nothingYet"));
            return;
        }
        Understanding within = understanding.understand(state.lastQuery(), context(turn, Set.of(), Set.of(categoryId)));
        turn.state(state.withDomains(List.of(categoryId)));
        List<Suggestion> found = inCategories(within.suggestions(), List.of(categoryId));
        if (found.isEmpty()) {
            offerPerson(turn, HandoverTrigger.REPEATED_MISSES, "pick.nothing");
            return;
        }
        answer(turn, state.lastQuery(), found, List.of(categoryId), Decision.CLARIFY, true);
    }

    private void noMatch(Turn turn, String query) throws SQLException {
        Resident resident = turn.resident();
        List<String> knownNames = resident.firstName() == null ? List.of() : List.of(resident.firstName());
        unanswered.keep(turn.transaction(), query, knownNames, turn.language(), resident.neighbourhood());
        turn.state(turn.state().withMiss());
        turn.say(messages.text(turn.language(), "noMatch"),
                List.of(List.of(new Button(messages.text(turn.language(), "button.person"), Callbacks.PERSON))));
    }

    private void smalltalk(Turn turn, Set<Signal> signals) throws SQLException {
        if (signals.contains(Signal.THANKS)) {
            turn.say(messages.text(turn.language(), "smalltalk.thanks"));
        } else if (signals.contains(Signal.GOODBYE)) {
            turn.say(messages.text(turn.language(), "smalltalk.goodbye"));
        } else if (signals.contains(Signal.WHO_ARE_YOU)) {
            turn.say(messages.text(turn.language(), "smalltalk.who", settings.operator()));
        } else if (turn.greeting() == Turn.Greeting.NONE) {
            turn.say(messages.text(turn.language(), signals.contains(Signal.GREETING) ? "smalltalk.greeting" : "smalltalk.chitchat"));
        }
    }

    // ---- other input ----------------------------------------------------------------------

    private void location(Turn turn, IncomingMessage message) throws SQLException {
        Optional<String> area = message.location() == null ? Optional.empty() : neighbourhoods.at(message.location());
        if (area.isEmpty()) {
            turn.say(messages.text(turn.language(), "location.outside"));
            return;
        }
        setNeighbourhood(turn, area.get());
        turn.say(messages.text(turn.language(), "neighbourhood.set", area.get()));
        if (turn.state().lastQuery() != null) {
            answerAgain(turn);
        }
    }

    private void setNeighbourhood(Turn turn, String neighbourhood) throws SQLException {
        Resident resident = turn.resident();
        residents.setNeighbourhood(turn.transaction(), resident.id(), neighbourhood);
        turn.resident(new Resident(resident.id(), resident.chat(), resident.firstName(), resident.language(), neighbourhood,
                resident.followUpEnabled(), resident.isNew()));
    }

    private void otherInput(Turn turn, MessageKind kind) throws SQLException {
        String language = turn.language();
        String what = messages.text(language, "input." + kind.name().toLowerCase(Locale.ROOT));
        turn.say(what + " " + messages.text(language, "input.whatICanDo"),
                List.of(List.of(new Button(messages.text(language, "button.person"), Callbacks.PERSON))));
    }

    // ---- buttons --------------------------------------------------------------------------

    private void callback(Turn turn, String data) throws SQLException {
        String[] parts = data.split(":");
        switch (parts[0]) {
            case Callbacks.PERSON -> requestPerson(turn, HandoverTrigger.ASKED_FOR_PERSON);
            case "ans" -> answerFeedback(turn, parts);
            case "wrong" -> wrongDetails(turn, parseLong(parts, 1));
            case "pick" -> picked(turn, parts.length > 1 ? parts[1] : "");
            case "lang" -> setLanguage(turn, parts.length > 1 && LuisterloketConfig.LANGUAGES.contains(parts[1]) ? parts[1] : defaultLanguage);
            case "offer" -> offerAnswered(turn, parts);
            case "fu" -> followUpAnswered(turn, parts);
            default -> turn.say(messages.text(turn.language(), "button.unknown") + "\n\n" + help(turn.language()));
        }
    }

    private void answerFeedback(Turn turn, String[] parts) throws SQLException {
        String what = parts.length > 1 ? parts[1] : "";
        long firstId = parseLong(parts, 2);
        int count = (int) Math.min(MAX_SUGGESTIONS, Math.max(1, parseLong(parts, 3)));
        switch (what) {
            case "helps" -> {
                suggestions.recordFeedback(turn.transaction(), turn.resident().id(), firstId, count, SuggestionStore.HELPED);
                turn.state(turn.state().withMissesInRow(0));
                String thanks = messages.text(turn.language(), "helps.thanks");
                turn.say(turn.resident().followUpEnabled()
                        ? thanks + " " + messages.text(turn.language(), "helps.followUpNote", settings.followUpDays())
                        : thanks);
            }
            case "other" -> {
                if (firstId > 0) {
                    suggestions.recordFeedback(turn.transaction(), turn.resident().id(), firstId, count, SuggestionStore.SOMETHING_ELSE);
                }
                somethingElse(turn);
            }
            case "wrong" -> whichIsWrong(turn, firstId, count);
            default -> turn.say(messages.text(turn.language(), "button.unknown"));
        }
    }

    private void whichIsWrong(Turn turn, long firstId, int count) throws SQLException {
        List<SuggestionStore.ShownSuggestion> shown = suggestions.answer(turn.transaction(), turn.resident().id(), firstId, count);
        if (shown.size() == 1) {
            wrongDetails(turn, shown.get(0).id());
            return;
        }
        if (shown.isEmpty()) {
            turn.say(messages.text(turn.language(), "button.unknown"));
            return;
        }
        List<List<Button>> buttons = new ArrayList<>();
        for (SuggestionStore.ShownSuggestion suggestion : shown) {
            String name = directory.find(suggestion.serviceId()).map(service -> service.nameIn(turn.language()))
                    .orElse(suggestion.serviceId());
            buttons.add(List.of(new Button(shorten(name), Callbacks.wrongService(suggestion.id()))));
        }
        turn.say(messages.text(turn.language(), "wrong.which"), buttons);
    }

    private void wrongDetails(Turn turn, long suggestionId) throws SQLException {
        Optional<String> flagged = suggestions.markWrongDetails(turn.transaction(), turn.resident().id(), suggestionId);
        turn.say(messages.text(turn.language(), flagged.isPresent() ? "wrong.thanks" : "button.unknown"));
    }

    private void offerAnswered(Turn turn, String[] parts) throws SQLException {
        if (parts.length > 2 && parts[1].equals("yes")) {
            requestPerson(turn, Callbacks.trigger(parts[2]));
        } else {
            turn.state(turn.state().withMissesInRow(0));
            turn.say(messages.text(turn.language(), "offer.declined"));
        }
    }

    private void followUpAnswered(Turn turn, String[] parts) throws SQLException {
        if (parts.length > 1 && parts[1].equals("off")) {
            setFollowUp(turn, false);
            return;
        }
        String answer = switch (parts.length > 2 ? parts[2] : "") {
            case Callbacks.HELPED -> FollowUpStore.REACHED_HELPED;
            case Callbacks.NOT_HELPED -> FollowUpStore.REACHED_NOT_HELPED;
            case Callbacks.NOT_REACHED -> FollowUpStore.NOT_REACHED;
            default -> null;
        };
        Optional<String> serviceId = answer == null ? Optional.empty()
                : followUps.recordAnswer(turn.transaction(), turn.resident().id(), parseLong(parts, 1), answer);
        if (serviceId.isEmpty()) {
            turn.say(messages.text(turn.language(), "button.unknown"));
        } else if (answer.equals(FollowUpStore.REACHED_HELPED)) {
            turn.say(messages.text(turn.language(), "followUp.glad"));
        } else {
            turn.state(turn.state().withDomains(directory.find(serviceId.get()).map(Service::categories).orElse(List.of())));
            offerPerson(turn, HandoverTrigger.REPEATED_MISSES, "followUp.sorry");
        }
    }

    // ---- a person -------------------------------------------------------------------------

    private void offerPerson(Turn turn, HandoverTrigger trigger) throws SQLException {
        offerPerson(turn, trigger, "offer." + trigger.name().toLowerCase(Locale.ROOT));
    }

    private void offerPerson(Turn turn, HandoverTrigger trigger, String textKey) throws SQLException {
        String language = turn.language();
        if (handoverDesk.hasOpenCase(turn.transaction(), turn.resident().id())) {
            turn.say(messages.text(language, textKey) + "\n\n" + messages.text(language, "person.alreadyAsked"));
            return;
        }
        turn.say(messages.text(language, textKey) + "\n\n" + messages.text(language, "offer.question"),
                List.of(List.of(new Button(messages.text(language, "button.yesPerson"), Callbacks.offerAccepted(trigger)),
                        new Button(messages.text(language, "button.noThanks"), Callbacks.OFFER_DECLINED))));
        turn.state(turn.state().withPersonOffered());
    }

    /** The resident asked for a person: hand over, unless a person is already on it. */
    private void requestPerson(Turn turn, HandoverTrigger trigger) throws SQLException {
        if (handoverDesk.hasOpenCase(turn.transaction(), turn.resident().id())) {
            turn.say(messages.text(turn.language(), "person.alreadyAsked"));
            return;
        }
        turn.greetIfDue();
        handOver(turn, trigger);
    }

    private void handOver(Turn turn, HandoverTrigger trigger) throws SQLException {
        if (handoverDesk.hasOpenCase(turn.transaction(), turn.resident().id())) {
            return;
        }
        Resident resident = turn.resident();
        ConversationState state = turn.state();
        handoverDesk.requestHandover(turn.transaction(), new HandoverRequest(resident.id(), turn.conversation().id(), resident.chat(),
                resident.firstName(), resident.language(), trigger, state.domains(), state.shownServiceIds(),
                resident.neighbourhood()));
        conversations.setStatus(turn.transaction(), turn.conversation().id(), ConversationStore.HANDED_OVER);
        turn.state(state.withPersonOffered());
    }

    // ---- small helpers --------------------------------------------------------------------

    private static long parseLong(String[] parts, int index) {
        if (parts.length <= index) {
            return -1;
        }
        try {
            return Long.parseLong(parts[index]);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String shorten(String label) {
        return label.length() <= MAX_BUTTON_LABEL ? label : label.substring(0, MAX_BUTTON_LABEL - 1) + "…";
    }
}
