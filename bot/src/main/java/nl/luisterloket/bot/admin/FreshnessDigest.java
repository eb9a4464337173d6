package nl.luisterloket.bot.admin;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import nl.luisterloket.bot.access.StaffDirectory;
import nl.luisterloket.bot.access.StaffMember;
import nl.luisterloket.bot.audit.AuditLog;
import nl.luisterloket.bot.catalog.KnowledgeBaseSettings;
import nl.luisterloket.bot.catalog.ServiceListing;
import nl.luisterloket.bot.catalog.ServiceStore;
import nl.luisterloket.bot.channel.ChatAddress;
import nl.luisterloket.bot.channel.Messages;
import nl.luisterloket.bot.channel.Outbox;
import nl.luisterloket.bot.channel.OutgoingMessage;
import nl.luisterloket.bot.config.LuisterloketConfig;
import nl.luisterloket.bot.lifecycle.ManagedService;
import nl.luisterloket.bot.storage.Database;
import nl.luisterloket.knowledge.model.Service;

/**
 * The weekly freshness digest: services not checked for {@code knowledgeBase.staleAfterDays} days and services
 * residents flagged ("Klopt niet"), sent to every active admin on {@code knowledgeBase.digestDay} from
 * {@code digestHour}. Checks every few minutes whether one is due; what was sent is in the database, so a restart
 * neither skips nor repeats a week.
 */
@Singleton
final class FreshnessDigest implements ManagedService {

    static final String CHANNEL = "telegram";
    private static final Logger log = LoggerFactory.getLogger(FreshnessDigest.class);
    private static final Duration CHECK_EVERY = Duration.ofMinutes(10);
    private static final Duration MIN_GAP = Duration.ofDays(6);
    private static final int MAX_LISTED = 30;

    private final Database database;
    private final ServiceStore store;
    private final StaffDirectory staff;
    private final Outbox outbox;
    private final AuditLog audit;
    private final KnowledgeBaseSettings settings;
    private final Clock clock;
    private final Messages messages;
    private ScheduledExecutorService scheduler;

    /** What one digest lists. */
    record Digest(List<ServiceListing> stale, List<ServiceListing> flagged) {

        Digest {
            stale = List.copyOf(stale);
            flagged = List.copyOf(flagged);
        }
    }

    @Inject
    FreshnessDigest(Database database, ServiceStore store, StaffDirectory staff, Outbox outbox, AuditLog audit,
            KnowledgeBaseSettings settings, LuisterloketConfig config, Clock clock) {
        this.database = requireNonNull(database, "database is null");
        this.store = requireNonNull(store, "store is null");
        this.staff = requireNonNull(staff, "staff is null");
        this.outbox = requireNonNull(outbox, "outbox is null");
        this.audit = requireNonNull(audit, "audit is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.messages = new Messages("admin", config.defaultLanguage());
    }

    @Override
    public int startOrder() {
        return 60;
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "freshness-digest");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::sendIfDueQuietly, 1, CHECK_EVERY.toSeconds(), TimeUnit.SECONDS);
    }

    @Override
    public synchronized void stop() throws InterruptedException {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    /** Sends the digest when it is due: on the digest day from the digest hour, at most once in six days. */
    boolean sendIfDue() {
        ZonedDateTime now = ZonedDateTime.now(clock);
        if (now.getDayOfWeek() != settings.digestDay() || now.getHour() < settings.digestHour()) {
            return false;
        }
        return database.inTransaction(transaction -> {
            Instant last = lastSent(transaction);
            if (last != null && Duration.between(last, clock.instant()).compareTo(MIN_GAP) < 0) {
                return false;
            }
            send(transaction);
            return true;
        });
    }

    /** Sends the digest to every active admin now, whatever the day. */
    Digest runNow() {
        return database.inTransaction(this::send);
    }

    /** {@code /controle}: the digest for the admin who asks, now. */
    void sendTo(AdminRequest request) throws SQLException {
        request.replyText(text(compose(request.transaction()), request.language()));
    }

    Digest compose(Connection connection) throws SQLException {
        LocalDate staleBefore = LocalDate.now(clock).minusDays(settings.staleAfterDays());
        List<ServiceListing> active = store.listing(connection).stream().filter(listing -> listing.service().active()).toList();
        List<ServiceListing> stale = active.stream().filter(listing -> {
            LocalDate verified = listing.service().lastVerified();
            return verified == null || verified.isBefore(staleBefore);
        }).toList();
        List<ServiceListing> flagged = active.stream().filter(ServiceListing::flagged).toList();
        return new Digest(stale, flagged);
    }

    String text(Digest digest, String language) {
        StringBuilder text = new StringBuilder(messages.text(language, "digest.title"));
        if (digest.stale().isEmpty() && digest.flagged().isEmpty()) {
            return text.append('\n').append(messages.text(language, "digest.allFresh")).toString();
        }
        if (!digest.flagged().isEmpty()) {
            text.append("\n\n").append(messages.text(language, "digest.flagged", digest.flagged().size()));
            list(text, digest.flagged(), language);
        }
        if (!digest.stale().isEmpty()) {
            text.append("\n\n").append(messages.text(language, "digest.stale", digest.stale().size(), settings.staleAfterDays()));
            list(text, digest.stale(), language);
        }
        return text.append("\n\n").append(messages.text(language, "digest.hint")).toString();
    }

    private void list(StringBuilder text, List<ServiceListing> listings, String language) {
        for (ServiceListing listing : listings.subList(0, Math.min(MAX_LISTED, listings.size()))) {
            Service service = listing.service();
            text.append('\n').append("• ").append(service.id()).append(" – ").append(service.name()).append(" (")
                    .append(messages.text(language, "digest.checked",
                            service.lastVerified() == null ? messages.text(language, "digest.never") : service.lastVerified()))
                    .append(')');
        }
        if (listings.size() > MAX_LISTED) {
            text.append('\n').append(messages.text(language, "digest.more", listings.size() - MAX_LISTED));
        }
    }

    private Digest send(Connection transaction) throws SQLException {
        Digest digest = compose(transaction);
        List<StaffMember> admins = staff.all(transaction).stream().filter(StaffMember::isAdmin).toList();
        for (StaffMember admin : admins) {
            // the default language: an admin's client language is only known while they write to the bot
            outbox.enqueue(transaction, OutgoingMessage.text(new ChatAddress(CHANNEL, admin.telegramUserId()), text(digest, null)));
        }
        try (PreparedStatement insert = transaction.prepareStatement(
                "INSERT INTO admin_digests (sent_at, stale_count, flagged_count, recipients) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, clock.instant().toString());
            insert.setInt(2, digest.stale().size());
            insert.setInt(3, digest.flagged().size());
            insert.setInt(4, admins.size());
            insert.executeUpdate();
        }
        audit.record(transaction, "system", "digest.sent", null, null,
                digest.stale().size() + " stale, " + digest.flagged().size() + " flagged, " + admins.size() + " admins");
        return digest;
    }

    private static Instant lastSent(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT max(sent_at) FROM admin_digests");
             ResultSet row = select.executeQuery()) {
            String value = row.next() ? row.getString(1) : null;
            return value == null ? null : Instant.parse(value);
        }
    }

    private void sendIfDueQuietly() {
        try {
            if (sendIfDue()) {
                log.info("Sent the weekly freshness digest to the admins");
            }
        } catch (RuntimeException e) {
            log.warn("The freshness digest failed; trying again later", e);
        }
    }
}
