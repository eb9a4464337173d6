package nl.luisterloket.bot.conversation;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import nl.luisterloket.bot.channel.Button;
import nl.luisterloket.bot.channel.Messages;
import nl.luisterloket.bot.channel.Outbox;
import nl.luisterloket.bot.channel.OutgoingMessage;
import nl.luisterloket.bot.config.LuisterloketConfig;
import nl.luisterloket.bot.lifecycle.ManagedService;
import nl.luisterloket.bot.storage.Database;
import nl.luisterloket.knowledge.index.ServiceDirectory;
import nl.luisterloket.knowledge.model.Service;

/**
 * Every few minutes: asks the follow-up questions that are due (through the outbox) and closes
 * conversations that have been idle too long. {@link #runOnce()} does one round now, which is
 * what tests call with their own clock.
 */
@Singleton
public final class FollowUpScheduler implements ManagedService {

    private static final Logger log = LoggerFactory.getLogger(FollowUpScheduler.class);
    private static final int BATCH = 100;

    private final Database database;
    private final FollowUpStore followUps;
    private final ResidentStore residents;
    private final ConversationStore conversations;
    private final ServiceDirectory directory;
    private final Outbox outbox;
    private final Clock clock;
    private final ConversationSettings settings;
    private final Messages messages;
    private ScheduledExecutorService executor;

    @Inject
    FollowUpScheduler(Database database, FollowUpStore followUps, ResidentStore residents, ConversationStore conversations,
            ServiceDirectory directory, Outbox outbox, Clock clock, ConversationSettings settings, LuisterloketConfig config) {
        this.database = requireNonNull(database, "database is null");
        this.followUps = requireNonNull(followUps, "followUps is null");
        this.residents = requireNonNull(residents, "residents is null");
        this.conversations = requireNonNull(conversations, "conversations is null");
        this.directory = requireNonNull(directory, "directory is null");
        this.outbox = requireNonNull(outbox, "outbox is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.messages = new Messages("conversation", requireNonNull(config, "config is null").defaultLanguage());
    }

    @Override
    public int startOrder() {
        return 60;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "conversation-follow-ups");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::runSafely, 1, settings.followUpCheckMinutes() * 60L, TimeUnit.SECONDS);
    }

    @Override
    public synchronized void stop() throws InterruptedException {
        if (executor != null) {
            executor.shutdown();
            executor.awaitTermination(10, TimeUnit.SECONDS);
            executor = null;
        }
    }

    private void runSafely() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            log.warn("Follow-up round failed; trying again next round", e);
        }
    }

    /** One round: idle conversations closed, due follow-ups sent. Returns how many follow-ups were sent. */
    public int runOnce() {
        closeIdleConversations();
        return sendDueFollowUps();
    }

    public int closeIdleConversations() {
        int closed = database.inTransaction(transaction ->
                conversations.closeIdle(transaction, settings.idleSince(clock.instant())));
        if (closed > 0) {
            log.debug("Closed {} idle conversations", closed);
        }
        return closed;
    }

    public int sendDueFollowUps() {
        return database.inTransaction(transaction -> {
            List<FollowUpStore.DueFollowUp> due = followUps.due(transaction, BATCH);
            int sent = 0;
            for (FollowUpStore.DueFollowUp followUp : due) {
                if (send(transaction, followUp)) {
                    sent++;
                }
                followUps.markSent(transaction, followUp.id());
            }
            if (sent > 0) {
                log.info("Sent {} follow-up questions", sent);
            }
            return sent;
        });
    }

    private boolean send(Connection transaction, FollowUpStore.DueFollowUp followUp) throws SQLException {
        Optional<Resident> resident = residents.findById(transaction, followUp.residentId());
        Optional<Service> service = directory.find(followUp.serviceId());
        if (resident.isEmpty() || service.isEmpty()) {
            return false;
        }
        String language = resident.get().language();
        String text = messages.text(language, "followUp.question", service.get().nameIn(language));
        OutgoingMessage question = OutgoingMessage.withButtons(resident.get().chat(), text, List.of(
                List.of(new Button(messages.text(language, "followUp.reachedHelped"), Callbacks.followUp(followUp.id(), Callbacks.HELPED))),
                List.of(new Button(messages.text(language, "followUp.reachedNotHelped"),
                        Callbacks.followUp(followUp.id(), Callbacks.NOT_HELPED))),
                List.of(new Button(messages.text(language, "followUp.notReached"), Callbacks.followUp(followUp.id(), Callbacks.NOT_REACHED))),
                List.of(new Button(messages.text(language, "followUp.stopAsking"), Callbacks.FOLLOW_UP_OFF))));
        if (followUp.conversationId() != null) {
            conversations.addMessage(transaction, followUp.conversationId(), "out", "bot", "text", text);
        }
        outbox.enqueue(transaction, question);
        return true;
    }
}
