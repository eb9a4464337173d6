package nl.luisterloket.benchmarks.pipeline;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import com.google.inject.Injector;

import nl.luisterloket.benchmarks.data.Workspace;
import nl.luisterloket.bot.Application;
import nl.luisterloket.bot.config.ConfigLoader;
import nl.luisterloket.bot.config.LuisterloketConfig;
import nl.luisterloket.bot.lifecycle.Lifecycle;
import nl.luisterloket.bot.telegram.TelegramPollingModule;
import nl.luisterloket.bot.telegram.fake.FakeTelegramServer;

/**
 * The application as {@code luisterloket run} serves Telegram (long polling, update ledger, router, outbox,
 * sender), talking real HTTP on 127.0.0.1 to the in-process fake Bot API server, which accepts every message at
 * once. Telegram's sending limits are configured out of the way, through the same keys an operator would use.
 */
final class TelegramPipeline implements Pipeline {

    private static final String FIRST_NAME = "Bewoner";

    private final Workspace workspace;
    private FakeTelegramServer fake;
    private Injector injector;
    private Lifecycle lifecycle;

    TelegramPipeline(Workspace workspace) {
        this.workspace = requireNonNull(workspace, "workspace is null");
    }

    @Override
    public void start(ReplyListener replies) {
        fake = FakeTelegramServer.start();
        fake.keepHistory(false);
        fake.onSent(message -> replies.replied(message.chatId(), System.nanoTime()));
        LuisterloketConfig config = workspace.loadConfig(Map.of(
                environment("telegram", "enabled"), "true",
                environment("telegram", "apiUrl"), fake.apiUrl(),
                environment("telegram", "token"), FakeTelegramServer.TOKEN,
                environment("telegram", "chatIntervalMillis"), "0",
                environment("telegram", "messagesPerSecond"), "1000000",
                environment("telegram", "groupMessagesPerMinute"), "1000000",
                environment("http", "enabled"), "false"));
        injector = Application.create(config, Clock.systemUTC(), List.of(new TelegramPollingModule()));
        lifecycle = injector.getInstance(Lifecycle.class);
        lifecycle.start();
    }

    private static String environment(String section, String key) {
        return ConfigLoader.environmentName(List.of(section, key));
    }

    @Override
    public void submit(String chatId, String text) {
        fake.queuePrivateText(Long.parseLong(chatId), FIRST_NAME, text);
    }

    @Override
    public long persistedIncomingMessages() {
        return PipelineCounts.persistedIncomingMessages(injector);
    }

    /** The Telegram channel handles a failing update itself (and logs it); a lost one shows as unanswered. */
    @Override
    public long failedMessages() {
        return 0;
    }

    @Override
    public long pendingReplies() {
        return PipelineCounts.pendingReplies(injector);
    }

    @Override
    public void close() {
        lifecycle.stop();
        fake.close();
    }
}
