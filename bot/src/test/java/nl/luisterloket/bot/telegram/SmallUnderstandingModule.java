package nl.luisterloket.bot.telegram;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;

import com.google.inject.AbstractModule;

import nl.luisterloket.knowledge.index.ServiceDirectory;
import nl.luisterloket.knowledge.model.Service;
import nl.luisterloket.knowledge.understanding.Decision;
import nl.luisterloket.knowledge.understanding.MessageUnderstanding;
import nl.luisterloket.knowledge.understanding.Understanding;

/**
 * A tiny stand-in for the knowledge module, so channel tests do not depend on the matcher: every
 * message is understood as "no service matches" (the desk answers with a button to ask for a person).
 */
final class SmallUnderstandingModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(MessageUnderstanding.class).toInstance((text, context) ->
                new Understanding(Decision.NO_MATCH, List.of(), Set.of(), List.of(), "nl", Set.of(), null));
        bind(ServiceDirectory.class).toInstance(new MapDirectory());
    }

    private static final class MapDirectory implements ServiceDirectory {

        private final Map<String, Service> services = new ConcurrentSkipListMap<>();

        @Override
        public void replaceAll(Collection<Service> all) {
            services.clear();
            all.forEach(this::upsert);
        }

        @Override
        public void upsert(Service service) {
            services.put(service.id(), service);
        }

        @Override
        public void remove(String id) {
            services.remove(id);
        }

        @Override
        public Optional<Service> find(String id) {
            return Optional.ofNullable(services.get(id));
        }

        @Override
        public List<Service> all() {
            return List.copyOf(services.values());
        }
    }
}
