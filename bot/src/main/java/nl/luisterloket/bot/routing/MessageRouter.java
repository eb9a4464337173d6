package nl.luisterloket.bot.routing;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import nl.luisterloket.bot.channel.IncomingMessage;
import nl.luisterloket.bot.channel.IncomingMessageHandler;
import nl.luisterloket.bot.storage.Database;

/** Gives each incoming message to the first route that accepts it, in one transaction. */
@Singleton
public final class MessageRouter implements IncomingMessageHandler {

    private static final Logger log = LoggerFactory.getLogger(MessageRouter.class);

    private final Database database;
    private final List<MessageRoute> routes;

    @Inject
    public MessageRouter(Database database, Set<MessageRoute> routes) {
        this.database = requireNonNull(database, "database is null");
        this.routes = requireNonNull(routes, "routes is null").stream()
                .sorted(Comparator.comparingInt(MessageRoute::priority))
                .toList();
    }

    @Override
    public void prepare(IncomingMessage message) {
        // one read for choosing the routes and what they need; the work itself (understanding) runs after it
        List<Runnable> work = database.read(connection -> {
            List<MessageRoute> preparing = new ArrayList<>(routes.size());
            for (MessageRoute route : routes) {
                MessageRoute.Forecast forecast = route.forecast(connection, message);
                if (forecast == MessageRoute.Forecast.TAKES) {
                    preparing = List.of(route);
                    break;
                }
                if (forecast == MessageRoute.Forecast.UNSURE) {
                    preparing.add(route);
                }
            }
            List<Runnable> preparations = new ArrayList<>();
            for (MessageRoute route : preparing) {
                Runnable preparation = route.preparation(connection, message);
                if (preparation != null) {
                    preparations.add(preparation);
                }
            }
            return preparations;
        });
        work.forEach(Runnable::run);
    }

    @Override
    public void handle(IncomingMessage message) {
        database.inTransaction(transaction -> {
            for (MessageRoute route : routes) {
                if (route.accepts(transaction, message)) {
                    log.debug("{} {} from {} handled by {}", message.kind(), message.chat(), message.author().userId(),
                            route.getClass().getSimpleName());
                    route.handle(transaction, message);
                    return null;
                }
            }
            log.debug("{} {} from {}: no route accepts it", message.kind(), message.chat(), message.author().userId());
            return null;
        });
    }
}
