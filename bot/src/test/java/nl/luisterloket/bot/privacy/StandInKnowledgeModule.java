package nl.luisterloket.bot.privacy;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import com.google.inject.AbstractModule;

import nl.luisterloket.knowledge.index.ServiceDirectory;
import nl.luisterloket.knowledge.model.Service;
import nl.luisterloket.knowledge.understanding.Decision;
import nl.luisterloket.knowledge.understanding.MessageUnderstanding;
import nl.luisterloket.knowledge.understanding.Signal;
import nl.luisterloket.knowledge.understanding.Understanding;
import nl.luisterloket.knowledge.understanding.UnderstandingContext;

/**
 * Used only while the application's KnowledgeModule binds no understanding yet (before the matcher
 * lands): a directory in memory and an understanding that greets back and otherwise finds nothing.
 * {@link TestDesk} uses the real one as soon as it is bound.
 */
final class StandInKnowledgeModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(ServiceDirectory.class).toInstance(new MemoryDirectory());
        bind(MessageUnderstanding.class).toInstance((text, context) -> understand(text));
    }

    private static Understanding understand(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.contains("hoi") || lower.contains("hallo")) {
            return new Understanding(Decision.SMALLTALK, List.of(), Set.of(), List.of(), "nl", Set.of(Signal.GREETING), null);
        }
        return new Understanding(Decision.NO_MATCH, List.of(), Set.of(), List.of(), "nl", Set.of(), null);
    }

    private static final class MemoryDirectory implements ServiceDirectory {

        private final Map<String, Service> services = new TreeMap<>();

        @Override
        public synchronized void replaceAll(Collection<Service> all) {
            services.clear();
            all.forEach(this::upsert);
        }

        @Override
        public synchronized void upsert(Service service) {
            services.put(service.id(), service);
        }

        @Override
        public synchronized void remove(String id) {
            services.remove(id);
        }

        @Override
        public synchronized Optional<Service> find(String id) {
            return Optional.ofNullable(services.get(id));
        }

        @Override
        public synchronized List<Service> all() {
            return List.copyOf(services.values());
        }
    }
}
