package nl.luisterloket.benchmarks.pipeline;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.inject.Injector;

import nl.luisterloket.benchmarks.data.ResidentHistoryGenerator;
import nl.luisterloket.bot.Application;
import nl.luisterloket.bot.channel.Author;
import nl.luisterloket.bot.channel.ChatAddress;
import nl.luisterloket.bot.channel.DeliveryResult;
import nl.luisterloket.bot.channel.IncomingMessage;
import nl.luisterloket.bot.channel.IncomingMessageHandler;
import nl.luisterloket.bot.channel.MessageTransport;
import nl.luisterloket.bot.channel.Outbox;
import nl.luisterloket.bot.channel.OutboxDelivery;
import nl.luisterloket.bot.channel.OutboxEntry;
import nl.luisterloket.bot.config.LuisterloketConfig;
import nl.luisterloket.bot.lifecycle.Lifecycle;
import nl.luisterloket.bot.routing.InOrderWithPreparation;
import nl.luisterloket.bot.storage.Database;

/**
 * The application as {@code luisterloket run} assembles it, fed the way a channel feeds it: one receiving thread
 * prepares what has arrived on the other cores and hands each message, in order, to the router (one transaction:
 * resident, conversation, messages, outbox), and one sending thread delivers the outbox to a transport that accepts
 * every message at once.
 */
final class InProcessPipeline implements Pipeline {

    private static final Logger log = LoggerFactory.getLogger(InProcessPipeline.class);
    private static final String STOP = "\u0000stop";
    private static final int BATCH = 100;

    private final LuisterloketConfig config;
    private final BlockingQueue<String[]> incoming = new LinkedBlockingQueue<>();
    private final Semaphore outboxChanged = new Semaphore(0);
    private final AtomicLong sentIds = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private volatile boolean running = true;
    private Injector injector;
    private Lifecycle lifecycle;
    private Thread receiver;
    private Thread sender;

    InProcessPipeline(LuisterloketConfig config) {
        this.config = requireNonNull(config, "config is null");
    }

    @Override
    public void start(ReplyListener replies) {
        injector = Application.create(config, Clock.systemUTC(), List.of());
        lifecycle = injector.getInstance(Lifecycle.class);
        lifecycle.start();
        IncomingMessageHandler handler = injector.getInstance(IncomingMessageHandler.class);
        Outbox outbox = injector.getInstance(Outbox.class);
        outbox.onEnqueued(outboxChanged::release);
        OutboxDelivery delivery = new OutboxDelivery(injector.getInstance(Database.class), outbox, new AcceptingTransport(replies));
        InOrderWithPreparation inOrder = injector.getInstance(InOrderWithPreparation.class);
        receiver = new Thread(() -> receive(handler, inOrder), "pipeline-receiver");
        sender = new Thread(() -> send(delivery), "pipeline-sender");
        receiver.start();
        sender.start();
    }

    /** As a channel does: takes what has arrived (up to a batch), prepares it on the other cores, handles it in order. */
    private void receive(IncomingMessageHandler handler, InOrderWithPreparation inOrder) {
        Clock clock = Clock.systemUTC();
        try {
            boolean stopping = false;
            while (!stopping) {
                List<String[]> arrived = new ArrayList<>();
                arrived.add(incoming.take());
                incoming.drainTo(arrived, BATCH - 1);
                List<IncomingMessage> batch = new ArrayList<>();
                for (String[] update : arrived) {
                    if (update[0] == STOP) {
                        stopping = true;
                        break;
                    }
                    ChatAddress chat = new ChatAddress(ResidentHistoryGenerator.CHANNEL, update[0]);
                    batch.add(IncomingMessage.text(chat, new Author(update[0], null, "nl"), update[1], clock.instant()));
                }
                inOrder.handle(batch, Optional::of, message -> {
                    handleOne(handler, message);
                    return true;
                });
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handleOne(IncomingMessageHandler handler, IncomingMessage message) {
        try {
            handler.handle(message);
        } catch (RuntimeException e) {
            if (failures.getAndIncrement() == 0) {
                log.warn("Handling a message failed (further failures are only counted)", e);
            }
        }
    }

    private void send(OutboxDelivery delivery) {
        try {
            while (running) {
                if (outboxChanged.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                    outboxChanged.drainPermits();
                    delivery.deliverDue();
                }
            }
            delivery.deliverDue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void submit(String chatId, String text) {
        incoming.add(new String[] {chatId, text});
    }

    @Override
    public long persistedIncomingMessages() {
        return PipelineCounts.persistedIncomingMessages(injector);
    }

    @Override
    public long failedMessages() {
        return failures.get();
    }

    @Override
    public long pendingReplies() {
        return PipelineCounts.pendingReplies(injector);
    }

    @Override
    public void close() {
        incoming.add(new String[] {STOP, ""});
        try {
            receiver.join();
            running = false;
            sender.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        lifecycle.stop();
    }

    /** Like Telegram with its sending limits taken away: every message is accepted at once. */
    private final class AcceptingTransport implements MessageTransport {

        private final ReplyListener replies;

        AcceptingTransport(ReplyListener replies) {
            this.replies = replies;
        }

        @Override
        public String channel() {
            return ResidentHistoryGenerator.CHANNEL;
        }

        @Override
        public DeliveryResult deliver(OutboxEntry entry) {
            replies.replied(entry.message().chat().chatId(), System.nanoTime());
            return new DeliveryResult.Sent(Long.toString(sentIds.incrementAndGet()));
        }
    }
}
