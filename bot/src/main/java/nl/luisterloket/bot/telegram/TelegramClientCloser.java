package nl.luisterloket.bot.telegram;

import static java.util.Objects.requireNonNull;

import jakarta.inject.Inject;
import nl.luisterloket.bot.lifecycle.ManagedService;

/** Releases the client's HTTP threads after the poller and the sender have stopped (it starts before them). */
final class TelegramClientCloser implements ManagedService {

    private final TelegramApi api;

    @Inject
    TelegramClientCloser(TelegramApi api) {
        this.api = requireNonNull(api, "api is null");
    }

    @Override
    public int startOrder() {
        return 90;
    }

    @Override
    public void start() {
    }

    @Override
    public void stop() {
        api.shutdown();
    }
}
