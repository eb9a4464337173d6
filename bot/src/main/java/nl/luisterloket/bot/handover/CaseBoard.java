package nl.luisterloket.bot.handover;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import nl.luisterloket.bot.access.StaffDirectory;
import nl.luisterloket.bot.access.StaffMember;
import nl.luisterloket.bot.channel.ChatAddress;
import nl.luisterloket.bot.channel.ForumTopics;
import nl.luisterloket.bot.channel.Messages;
import nl.luisterloket.bot.channel.Outbox;
import nl.luisterloket.bot.channel.OutgoingMessage;
import nl.luisterloket.bot.config.LuisterloketConfig;

/**
 * The case as the team sees it: one message per case in the team's group (in its own topic in a
 * forum group), edited through its edit key as the case moves on, posted again when nobody takes it.
 */
@Singleton
final class CaseBoard {

    private final CaseStore cases;
    private final StaffDirectory staff;
    private final Outbox outbox;
    private final Optional<ForumTopics> forumTopics;
    private final HandoverSettings settings;
    private final Clock clock;
    private final Messages messages;
    private final String language;
    private final CaseCards cards;

    @Inject
    CaseBoard(CaseStore cases, CaseHistory history, StaffDirectory staff, Outbox outbox, Optional<ForumTopics> forumTopics,
            HandoverSettings settings, LuisterloketConfig config, Clock clock) {
        this.cases = requireNonNull(cases, "cases is null");
        this.staff = requireNonNull(staff, "staff is null");
        this.outbox = requireNonNull(outbox, "outbox is null");
        this.forumTopics = requireNonNull(forumTopics, "forumTopics is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.language = config.defaultLanguage();
        this.messages = new Messages("handover", language);
        this.cards = new CaseCards(messages, language, requireNonNull(history, "history is null"));
    }

    CaseCards cards() {
        return cards;
    }

    /**
     * Posts the case as a new message in its team's group (the first time, or again when it waited
     * too long or came back to the queue); an earlier post is edited to point below.
     */
    void post(Connection transaction, long caseId) throws SQLException {
        HandoverCase handoverCase = cases.find(transaction, caseId).orElseThrow();
        Optional<ChatAddress> group = group(handoverCase);
        if (group.isEmpty()) {
            return;
        }
        if (handoverCase.postCount() > 0) {
            outbox.enqueue(transaction, message(handoverCase, group.get(), text("card.repostedBelow", caseId))
                    .withEditKey(handoverCase.cardKey()));
        }
        String topic = topic(transaction, handoverCase, group.get());
        int post = handoverCase.postCount() + 1;
        cases.posted(transaction, caseId, post);
        HandoverCase posted = cases.find(transaction, caseId).orElseThrow();
        OutgoingMessage card = OutgoingMessage.withButtons(group.get(), cards.card(transaction, posted, workerName(transaction, posted),
                clock.instant()), cards.buttons(posted)).withEditKey(posted.cardKey(post));
        outbox.enqueue(transaction, topic == null ? card : card.inThread(topic));
    }

    /** Edits the case's message in the group so that it shows the truth (claimed by whom, closed). */
    void refresh(Connection transaction, long caseId) throws SQLException {
        HandoverCase handoverCase = cases.find(transaction, caseId).orElseThrow();
        Optional<ChatAddress> group = group(handoverCase);
        if (group.isEmpty() || handoverCase.postCount() == 0) {
            return;
        }
        OutgoingMessage card = OutgoingMessage.withButtons(group.get(), cards.card(transaction, handoverCase,
                workerName(transaction, handoverCase), clock.instant()), cards.buttons(handoverCase)).withEditKey(handoverCase.cardKey());
        outbox.enqueue(transaction, handoverCase.topicId() == null ? card : card.inThread(handoverCase.topicId()));
    }

    /** An urgent case calls for attention: a message in the group and one to each worker of the team. */
    void pingUrgent(Connection transaction, long caseId) throws SQLException {
        HandoverCase handoverCase = cases.find(transaction, caseId).orElseThrow();
        String ping = text("ping.urgent", caseId, handoverCase.team());
        Optional<ChatAddress> group = group(handoverCase);
        if (group.isPresent() && handoverCase.postCount() > 0) {
            outbox.enqueue(transaction, message(handoverCase, group.get(), ping));
        }
        for (StaffMember worker : staff.workersOf(transaction, handoverCase.team())) {
            outbox.enqueue(transaction, OutgoingMessage.withButtons(privateChat(worker), ping, cards.buttons(handoverCase)));
        }
        cases.pinged(transaction, caseId);
    }

    /** A message in the case's topic, when its team works in forum topics. */
    boolean postInTopic(Connection transaction, HandoverCase handoverCase, OutgoingMessage message) throws SQLException {
        Optional<ChatAddress> group = group(handoverCase);
        if (group.isEmpty() || handoverCase.topicId() == null) {
            return false;
        }
        outbox.enqueue(transaction, new OutgoingMessage(group.get(), message.text(), message.buttons(), message.editKey(),
                handoverCase.topicId(), null, message.attachmentId()));
        return true;
    }

    boolean usesTopics(HandoverCase handoverCase) {
        return handoverCase.topicId() != null;
    }

    Optional<ChatAddress> group(HandoverCase handoverCase) {
        return settings.team(handoverCase.team()).flatMap(TeamSettings::group);
    }

    String workerName(Connection connection, HandoverCase handoverCase) throws SQLException {
        if (handoverCase.workerId() == null) {
            return null;
        }
        return staff.byId(connection, handoverCase.workerId()).map(StaffMember::firstName).orElse(null);
    }

    static ChatAddress privateChat(StaffMember member) {
        return new ChatAddress("telegram", member.telegramUserId());
    }

    List<List<nl.luisterloket.bot.channel.Button>> buttons(HandoverCase handoverCase) {
        return cards.buttons(handoverCase);
    }

    private String topic(Connection transaction, HandoverCase handoverCase, ChatAddress group) throws SQLException {
        if (handoverCase.topicId() != null) {
            return handoverCase.topicId();
        }
        boolean forum = settings.team(handoverCase.team()).map(TeamSettings::forumTopics).orElse(false);
        if (!forum || forumTopics.isEmpty()) {
            return null;
        }
        String name = handoverCase.residentFirstName() == null ? "" : handoverCase.residentFirstName();
        Optional<String> created = forumTopics.get().createTopic(group, text("forum.topicTitle", handoverCase.id(), name).strip());
        if (created.isPresent()) {
            cases.topic(transaction, handoverCase.id(), created.get());
        }
        return created.orElse(null);
    }

    private OutgoingMessage message(HandoverCase handoverCase, ChatAddress group, String text) {
        OutgoingMessage message = OutgoingMessage.text(group, text);
        return handoverCase.topicId() == null ? message : message.inThread(handoverCase.topicId());
    }

    private String text(String key, Object... arguments) {
        return messages.text(language, key, arguments);
    }
}
