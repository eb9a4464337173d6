package nl.luisterloket.knowledge.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.luisterloket.knowledge.TestFiles;

import nl.luisterloket.knowledge.model.Service;

class KnowledgeBaseReaderTest {

    private final KnowledgeBaseReader reader = new KnowledgeBaseReader();

    private static final String GOOD = """
            {"id": "voedselbank-zuid", "name": "Voedselbank Zuid", "summary": "Gratis eten voor wie weinig geld heeft.",
             "categories": ["eten", "geld"], "keywords": ["voedselpakket"], "languages": ["nl", "en"],
             "areas": ["Bloemhof"], "contact": {"phone": "010-1234567", "walk_in": "di 10-12"},
             "opening_hours": [{"days": ["tu", "th"], "opens": "10:00", "closes": "24:00"}],
             "urgent": false, "last_verified": "2026-03-31", "active": true,
             "i18n": {"en": {"name": "Food bank South", "summary": "Free food.", "keywords": ["food parcel"]}}}
            """;

    private List<Service> read(String json) {
        return reader.read("services.json", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private List<String> problemsOf(String json) {
        return catchThrowableOfType(KnowledgeBaseValidationException.class, () -> read(json)).problems();
    }

    @Test
    void readsEveryFieldOfAValidEntry() {
        Service service = read("[" + GOOD + "]").get(0);

        assertThat(service.id()).isEqualTo("voedselbank-zuid");
        assertThat(service.categories()).containsExactly("eten", "geld");
        assertThat(service.contact().walkIn()).isEqualTo("di 10-12");
        assertThat(service.openingHours().get(0).days()).containsExactlyInAnyOrder(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY);
        assertThat(service.openingHours().get(0).closes()).isEqualTo(LocalTime.MAX);
        assertThat(service.lastVerified()).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(service.nameIn("en")).isEqualTo("Food bank South");
        assertThat(service.active()).isTrue();
    }

    @Test
    void activeDefaultsToTrue() {
        Service service = read("""
                [{"id": "a", "name": "A", "summary": "s", "categories": ["geld"]}]""").get(0);

        assertThat(service.active()).isTrue();
        assertThat(service.urgent()).isFalse();
    }

    @Test
    void problemNamesFileEntryIdAndField() {
        assertThat(problemsOf("""
                [{"id": "a", "name": "A", "summary": "s", "categories": ["geld"]},
                 {"id": "voedselbank-zuid", "name": "V", "summary": "s", "categories": ["eten", "money"]}]"""))
                .containsExactly("services.json: entry 1 (id 'voedselbank-zuid'): categories[1]: unknown category 'money'");
    }

    @Test
    void reportsEveryProblemInTheFileAtOnce() {
        List<String> problems = problemsOf("""
                [{"id": "a", "name": "A", "summary": "s", "categories": ["geld"],
                  "opening_hours": [{"days": ["mo"], "opens": "25:00", "closes": "17:00"}]},
                 {"id": "b", "name": "B", "summary": "s", "categories": ["geld"], "languages": ["nl", "xx"]},
                 {"id": "c", "name": "C", "summary": "s", "categories": ["geld"], "last_verified": "2026-02-30"},
                 {"id": "a", "name": "A2", "summary": "s", "categories": ["geld"], "colour": "blue"},
                 {"name": "D", "summary": "s", "categories": []}]""");

        assertThat(problems).containsExactlyInAnyOrder(
                "services.json: entry 0 (id 'a'): opening_hours[0].opens: invalid time '25:00' (use HH:MM from 00:00 to 23:59)",
                "services.json: entry 1 (id 'b'): languages[1]: unknown language code 'xx' (use ISO 639-1, e.g. nl, en, ar)",
                "services.json: entry 2 (id 'c'): last_verified: invalid date '2026-02-30' (use YYYY-MM-DD, e.g. 2026-03-31)",
                "services.json: entry 3 (id 'a'): colour: unknown field",
                "services.json: entry 3 (id 'a'): id: duplicate id, also used by entry 0",
                "services.json: entry 4: id: is required",
                "services.json: entry 4: categories: a service needs at least one category");
    }

    @Test
    void unknownFieldsInsideContactHoursAndTranslationsAreErrors() {
        assertThat(problemsOf("""
                [{"id": "a", "name": "A", "summary": "s", "categories": ["geld"], "contact": {"fax": "1"},
                  "opening_hours": [{"days": ["mo", "xx"], "opens": "09:00", "closes": "17:00", "note": "x"}],
                  "i18n": {"en": {"name": "A", "slogan": "x"}, "english": {"name": "A"}}}]"""))
                .containsExactlyInAnyOrder(
                        "services.json: entry 0 (id 'a'): contact.fax: unknown field",
                        "services.json: entry 0 (id 'a'): opening_hours[0].note: unknown field",
                        "services.json: entry 0 (id 'a'): opening_hours[0].days[1]: unknown day 'xx' (use mo, tu, we, th, fr, sa, su)",
                        "services.json: entry 0 (id 'a'): i18n.en.slogan: unknown field",
                        "services.json: entry 0 (id 'a'): i18n.english: unknown language code 'english' (use ISO 639-1, e.g. nl, en, ar)");
    }

    @Test
    void wrongTypesAreReportedNotThrownAsJacksonErrors() {
        assertThat(problemsOf("""
                [{"id": "Bad Id", "name": 12, "summary": "s", "categories": "geld", "urgent": "yes"}]"""))
                .containsExactlyInAnyOrder(
                        "services.json: entry 0 (id 'Bad Id'): id: invalid id 'Bad Id': use only a-z, 0-9 and '-'",
                        "services.json: entry 0 (id 'Bad Id'): name: must be a string, found 12",
                        "services.json: entry 0 (id 'Bad Id'): categories: must be a list of strings, found 'geld'",
                        "services.json: entry 0 (id 'Bad Id'): urgent: must be true or false, found 'yes'");
    }

    @Test
    void malformedJsonIsOneProblemWithItsPosition() {
        assertThat(problemsOf("[{\"id\": \"a\",]")).singleElement().asString()
                .startsWith("services.json: not valid JSON:").contains("line 1");
    }

    @Test
    void readsAFileByPathAndNamesItInProblems(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("kb.json");
        Files.writeString(file, "[{\"id\": \"a\", \"name\": \"A\", \"summary\": \"s\", \"categories\": [\"nope\"]}]");

        assertThatThrownBy(() -> reader.read(file))
                .isInstanceOf(KnowledgeBaseValidationException.class)
                .hasMessageContaining("kb.json: entry 0 (id 'a'): categories[0]: unknown category 'nope'");
    }

    @Test
    void validatorChecksEditedServicesWithTheSameRules() {
        Service good = read("[" + GOOD + "]").get(0);
        Service edited = new Service("voedselbank-zuid", "V", null, "s", null, List.of("money"), null, null, null,
                List.of("zz"), null, null, null, null, false, null, true, null);

        assertThat(new KnowledgeBaseValidator().problems("edit", List.of(good, edited)))
                .extracting(KnowledgeBaseProblem::text)
                .containsExactlyInAnyOrder(
                        "edit: entry 1 (id 'voedselbank-zuid'): categories[0]: unknown category 'money'",
                        "edit: entry 1 (id 'voedselbank-zuid'): languages[0]: unknown language code 'zz' (use ISO 639-1, e.g. nl, en, ar)",
                        "edit: entry 1 (id 'voedselbank-zuid'): id: duplicate id, also used by entry 0");
    }

    @Test
    void readsTheSharedBenchmarkKnowledgeBaseWhenPresent() {
        Path shared = TestFiles.sharedBenchmark().resolve("kb/services.json");

        assertThat(reader.read(shared)).hasSizeGreaterThan(50);
    }
}
