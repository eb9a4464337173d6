package nl.luisterloket.bot.catalog;

import static nl.luisterloket.bot.catalog.CatalogFixtures.CLOCK;
import static nl.luisterloket.bot.catalog.CatalogFixtures.service;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.luisterloket.bot.storage.Database;
import nl.luisterloket.knowledge.index.ServiceDirectory;
import nl.luisterloket.knowledge.load.KnowledgeBaseReader;
import nl.luisterloket.knowledge.model.Service;

class ServiceCatalogTest {

    @TempDir
    Path directory;

    @Test
    void theIndexFollowsChangesAnotherProcessWritesToTheDatabase() throws Exception {
        Path file = directory.resolve("luisterloket.db");
        MapDirectory index = new MapDirectory();
        try (Database bot = Database.open(file); Database commandLine = Database.open(file)) {
            ServiceCatalog catalog = new ServiceCatalog(bot, CatalogFixtures.store(CLOCK), index, new KnowledgeBaseReader(),
                    new KnowledgeBaseSettings(CatalogFixtures.SAMPLE, null, null, null));
            catalog.start();
            catalog.stop(); // the test follows by hand, not on the follower's schedule
            assertThat(index.all()).hasSize(67);
            assertThat(catalog.followDatabase()).isEmpty();

            KnowledgeBaseEditor otherProcess = CatalogFixtures.editor(commandLine, CLOCK, Set.of());
            otherProcess.importServices(List.of(service("fietsschool", "Fietsschool", "buurt", "020-1")), false, false, "cli:test", "x.csv");
            otherProcess.importServices(List.of(service("fietsschool", "Fietsschool Noord", "buurt", "020-1")), false, false, "cli:test", "y.csv");
            commandLine.inTransaction(tx -> otherProcess.undo(tx, "alarmnummer-112", "cli:test"));

            assertThat(catalog.followDatabase()).containsExactly("fietsschool", "alarmnummer-112");
            assertThat(index.find("fietsschool").orElseThrow().name()).isEqualTo("Fietsschool Noord");
            assertThat(index.find("alarmnummer-112")).isEmpty();
            assertThat(catalog.followDatabase()).isEmpty();
        }
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
