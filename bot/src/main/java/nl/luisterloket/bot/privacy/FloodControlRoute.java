package nl.luisterloket.bot.privacy;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import nl.luisterloket.bot.access.StaffDirectory;
import nl.luisterloket.bot.channel.ChatAddress;
import nl.luisterloket.bot.channel.IncomingMessage;
import nl.luisterloket.bot.channel.Messages;
import nl.luisterloket.bot.channel.Outbox;
import nl.luisterloket.bot.channel.OutgoingMessage;
import nl.luisterloket.bot.routing.MessageRoute;

/**
 * Flood control, asked before every other route: a resident who sends more than the configured
 * number of messages within a minute gets one kind "slow down" message, and the rest of what they
 * send in that minute is taken off the line unanswered. Counted per private chat in memory, so
 * other residents are never affected; staff are never slowed down.
 */
@Singleton
final class FloodControlRoute implements MessageRoute {

    private static final Logger log = LoggerFactory.getLogger(FloodControlRoute.class);
    private static final Duration WINDOW = Duration.ofMinutes(1);
    private static final int SWEEP_EVERY = 512;

    private final Clock clock;
    private final StaffDirectory staff;
    private final Outbox outbox;
    private final ResidentLanguage languages;
    private final Messages messages;
    private final int limit;
    private final Map<ChatAddress, FloodWindow> windows = new ConcurrentHashMap<>();
    private final AtomicInteger arrivalsSinceSweep = new AtomicInteger();

    @Inject
    FloodControlRoute(Clock clock, StaffDirectory staff, Outbox outbox, ResidentLanguage languages, PrivacySettings settings) {
        this.clock = requireNonNull(clock, "clock is null");
        this.staff = requireNonNull(staff, "staff is null");
        this.outbox = requireNonNull(outbox, "outbox is null");
        this.languages = requireNonNull(languages, "languages is null");
        this.messages = new Messages("privacy", languages.defaultLanguage());
        this.limit = requireNonNull(settings, "settings is null").floodLimitPerMinute();
    }

    @Override
    public int priority() {
        return 5;
    }

    /** Takes the message when its chat is over the limit: then no other route sees it. */
    @Override
    public boolean accepts(Connection transaction, IncomingMessage message) throws SQLException {
        if (!message.privateChat()) {
            return false;
        }
        Instant now = clock.instant();
        sweepIdleWindows(now);
        boolean overLimit = windows.computeIfAbsent(message.chat(), chat -> new FloodWindow(limit, WINDOW)).arriveOverLimit(now);
        return overLimit && staff.active(transaction, message.author().userId()).isEmpty();
    }

    /** Drops the message; the first one over the limit gets a kind word back. */
    @Override
    public void handle(Connection transaction, IncomingMessage message) throws SQLException {
        FloodWindow window = windows.get(message.chat());
        if (window != null && window.claimWarning()) {
            log.info("Chat {} sent more than {} messages within a minute: slowed down", message.chat(), limit);
            outbox.enqueue(transaction, OutgoingMessage.text(message.chat(),
                    messages.text(languages.of(transaction, message), "flood.slowDown")));
        } else {
            log.debug("{} from chat {} dropped: over the flood limit", message.kind(), message.chat());
        }
    }

    private void sweepIdleWindows(Instant now) {
        if (arrivalsSinceSweep.incrementAndGet() >= SWEEP_EVERY) {
            arrivalsSinceSweep.set(0);
            windows.values().removeIf(window -> window.idleAt(now));
        }
    }
}
