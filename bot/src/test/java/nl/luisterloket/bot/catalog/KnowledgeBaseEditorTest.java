package nl.luisterloket.bot.catalog;

import static nl.luisterloket.bot.catalog.CatalogFixtures.CLOCK;
import static nl.luisterloket.bot.catalog.CatalogFixtures.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.node.ObjectNode;

import nl.luisterloket.bot.storage.Database;
import nl.luisterloket.knowledge.load.KnowledgeBaseValidationException;
import nl.luisterloket.knowledge.model.Service;

class KnowledgeBaseEditorTest {

    @TempDir
    Path directory;

    private Database database;
    private KnowledgeBaseEditor editor;
    private final ServiceStore store = CatalogFixtures.store(CLOCK);
    private final List<String> announced = new ArrayList<>();

    @BeforeEach
    void openDatabase() {
        database = Database.open(directory.resolve("luisterloket.db"));
        editor = CatalogFixtures.editor(database, CLOCK, Set.of((id, current) -> announced.add(id + "=" + current.map(Service::name).orElse("-"))));
        editor.importServices(List.of(service("schuldhulp", "Schuldhulp", "geld", "020-1111111"),
                service("voedselbank", "Voedselbank", "eten", "020-2222222")), false, false, "test", "seed.json");
        announced.clear();
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void dryRunListsAddedChangedAndRetiredAndWritesNothing() {
        ObjectNode retired = editor.toNode(service("voedselbank", "Voedselbank", "eten", "020-2222222"));
        retired.put("active", false);
        List<Service> incoming = List.of(service("schuldhulp", "Schuldhulp", "geld", "020-9999999"),
                editor.validate("voedselbank", retired), service("taalcafe", "Taalcafé", "onderwijs-taal", "020-3333333"));

        ImportPlan plan = editor.importServices(incoming, false, true, "test", "new.json");

        assertThat(plan.added()).extracting(Service::id).containsExactly("taalcafe");
        assertThat(plan.changed()).extracting(Service::id).containsExactly("schuldhulp");
        assertThat(plan.retired()).extracting(Service::id).containsExactly("voedselbank");
        assertThat(database.read(store::count)).isEqualTo(2);
        assertThat(database.read(connection -> store.find(connection, "schuldhulp")).orElseThrow().contact().phone()).isEqualTo("020-1111111");
        assertThat(announced).isEmpty();
    }

    @Test
    void retireMissingRetiresServicesTheFileDoesNotMention() {
        ImportPlan plan = editor.importServices(List.of(service("schuldhulp", "Schuldhulp", "geld", "020-1111111")), true, false, "test", "map.csv");

        assertThat(plan.unchanged()).containsExactly("schuldhulp");
        assertThat(plan.retired()).extracting(Service::id).containsExactly("voedselbank");
        assertThat(database.read(connection -> store.find(connection, "voedselbank")).orElseThrow().active()).isFalse();
        assertThat(announced).containsExactly("voedselbank=Voedselbank");
    }

    @Test
    void anImportWithADuplicateIdChangesNothing() {
        List<Service> incoming = List.of(service("nieuw", "Nieuw", "eten", "1"), service("nieuw", "Nieuw 2", "eten", "2"));

        assertThatThrownBy(() -> editor.importServices(incoming, false, false, "test", "dubbel.json"))
                .isInstanceOf(KnowledgeBaseValidationException.class).hasMessageContaining("'nieuw' occurs more than once");
        assertThat(database.read(store::count)).isEqualTo(2);
    }

    @Test
    void undoRestoresThePreviousRevisionAsANewRevision() {
        database.inTransaction(tx -> editor.save(tx, service("schuldhulp", "Schuldhulp", "geld", "020-9999999"), "admin:1",
                "service.update", "phone changed"));

        Optional<ServiceRevision> undone = database.inTransaction(tx -> editor.undo(tx, "schuldhulp", "admin:1"));

        assertThat(undone.orElseThrow().revision()).isEqualTo(2);
        assertThat(database.read(connection -> store.find(connection, "schuldhulp")).orElseThrow().contact().phone()).isEqualTo("020-1111111");
        List<ServiceRevision> history = database.read(connection -> store.history(connection, "schuldhulp"));
        assertThat(history).extracting(ServiceRevision::revision).containsExactly(1, 2, 3);
        assertThat(history.get(2).reason()).isEqualTo("undo of revision 2");
        assertThat(announced).containsExactly("schuldhulp=Schuldhulp", "schuldhulp=Schuldhulp");
    }

    @Test
    void undoOfACreationRemovesTheServiceButKeepsItsHistory() {
        database.inTransaction(tx -> editor.save(tx, service("nieuw", "Nieuw", "eten", "1"), "admin:1", "service.add", "added"));

        database.inTransaction(tx -> editor.undo(tx, "nieuw", "admin:1"));

        Optional<Service> found = database.read(connection -> store.find(connection, "nieuw"));
        List<ServiceRevision> history = database.read(connection -> store.history(connection, "nieuw"));
        assertThat(found).isEmpty();
        assertThat(history).hasSize(2);
        assertThat(announced).containsExactly("nieuw=Nieuw", "nieuw=-");
    }

    @Test
    void anInvalidEditIsRefusedAndTheTransactionRollsBackWithoutTouchingTheIndex() {
        ObjectNode entry = editor.toNode(service("schuldhulp", "Schuldhulp", "geld", "1"));
        entry.putArray("categories").add("money");

        assertThatThrownBy(() -> editor.validate("schuldhulp", entry))
                .isInstanceOfSatisfying(KnowledgeBaseValidationException.class,
                        invalid -> assertThat(invalid.problems()).anyMatch(problem -> problem.contains("categories[0]: unknown category 'money'")));
        assertThatThrownBy(() -> database.inTransaction(tx -> {
            editor.save(tx, service("schuldhulp", "Schuldhulp", "geld", "020-0000000"), "admin:1", "service.update", "x");
            throw new IllegalStateException("something later failed");
        })).hasMessage("something later failed");
        assertThat(database.read(connection -> store.find(connection, "schuldhulp")).orElseThrow().contact().phone()).isEqualTo("020-1111111");
        assertThat(announced).isEmpty();
    }

    @Test
    void markingCheckedSetsLastVerifiedAndClearsTheFlag() {
        database.inTransaction(tx -> editor.flagForReview(tx, "voedselbank", "resident", "wrong_details"));
        assertThat(database.read(store::listing)).filteredOn(ServiceListing::flagged).extracting(listing -> listing.service().id())
                .containsExactly("voedselbank");

        database.inTransaction(tx -> editor.markChecked(tx, "voedselbank", LocalDate.of(2026, 11, 27), "admin:1"));

        ServiceListing listing = database.read(store::listing).stream().filter(l -> l.service().id().equals("voedselbank")).findFirst().orElseThrow();
        assertThat(listing.flagged()).isFalse();
        assertThat(listing.service().lastVerified()).isEqualTo(LocalDate.of(2026, 11, 27));
    }
}
