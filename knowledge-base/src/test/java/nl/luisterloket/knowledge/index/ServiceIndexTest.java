package nl.luisterloket.knowledge.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import nl.luisterloket.knowledge.TestFiles;
import nl.luisterloket.knowledge.TestServices;
import nl.luisterloket.knowledge.analysis.ConfigFiles;
import nl.luisterloket.knowledge.analysis.TextAnalysis;
import nl.luisterloket.knowledge.model.Service;
import nl.luisterloket.knowledge.model.Translation;

class ServiceIndexTest {

    private final ServiceIndex index = new ServiceIndex(TextAnalysis.load(new ConfigFiles(TestFiles.configDirectory())));

    ServiceIndexTest() {
        index.replaceAll(TestServices.city());
    }

    @AfterEach
    void close() {
        index.close();
    }

    private List<String> ids(String text) {
        return index.search(ServiceQuery.of(text, false, 5)).stream().map(hit -> hit.service().id()).toList();
    }

    @Test
    void aRareSynonymIsNotDrownedByTheCommonPartsOfAnotherSynonym() {
        // "creche" has the synonym "kinderopvang", whose parts "kind" and "opvang" many services use
        index.upsert(TestServices.service("peuterspeelzaal", "Peuterspeelzaal De Vlinder", "Spelen en leren voor peuters.",
                List.of("jeugd-gezin"), List.of("peuterspeelzaal")));
        index.upsert(TestServices.service("kinderclub", "Kinderclub", "Opvang en activiteiten voor kinderen na school.",
                List.of("jeugd-gezin"), List.of("kinderen", "opvang", "kind")));

        assertThat(ids("is er een creche in de buurt")).startsWith("peuterspeelzaal");
    }

    @Test
    void aWordSearchedForBeforeAnyServiceUsedItIsFoundOnceOneDoesAndForgottenWhenItGoes() {
        // a term's absence, remembered by the first searches, must not outlive the index it was true for
        for (int i = 0; i < 3; i++) {
            assertThat(ids("waar kan ik een xylofoon lenen")).doesNotContain("muziekbieb");
        }
        index.upsert(TestServices.service("muziekbieb", "Muziekbieb", "Leen een xylofoon voor thuis.", List.of("wonen"),
                List.of("xylofoon")));
        assertThat(ids("waar kan ik een xylofoon lenen")).first().isEqualTo("muziekbieb");
        assertThat(ids("waar kan ik een xylofoon lenen")).first().isEqualTo("muziekbieb");

        index.remove("muziekbieb");

        assertThat(ids("waar kan ik een xylofoon lenen")).doesNotContain("muziekbieb");
    }

    @Test
    void aPastParticipleInTheMessageMeetsTheVerbInTheService() {
        index.upsert(TestServices.service("isolatie", "Energieloket", "Subsidie om je huis te isoleren.", List.of("energie"), List.of()));

        assertThat(ids("mijn muren zijn niet geisoleerd")).startsWith("isolatie");
    }

    @Test
    void compoundInTheMessageMeetsItsPartsInTheService() {
        index.upsert(TestServices.service("parts", "Achterstand", "Hulp bij achterstand met de huur.", List.of("wonen"), List.of()));

        assertThat(ids("ik heb een huurachterstand")).contains("parts", "huurloket");
    }

    @Test
    void aPartOfACompoundThatManyServicesUseFindsNothingOnItsOwn() {
        for (int i = 0; i < 12; i++) {
            index.upsert(TestServices.service("sparen-" + i, "Spaarclub " + i, "Samen geld opzij leggen.", List.of("geld"), List.of()));
        }

        // "geld" (of "geldzorgen" and its synonym "geldproblemen") is in 13 of 19 services and tells none of them apart
        assertThat(ids("ik heb geldzorgen")).startsWith("schuldhulp").noneMatch(id -> id.startsWith("sparen-"));
        assertThat(ids("ik wil geld opzij leggen")).anyMatch(id -> id.startsWith("sparen-"));
    }

    @Test
    void partsInTheMessageMeetTheCompoundInTheService() {
        assertThat(ids("achterstand met de huur")).first().isEqualTo("huurloket");
    }

    @Test
    void residentsWordsFindTheServicesWordsThroughSynonyms() {
        assertThat(ids("mijn huisbaas doet moeilijk")).first().isEqualTo("huurloket");
        assertThat(ids("ik heb geen poen voor boodschappen")).first().isEqualTo("voedselbank");
    }

    @Test
    void aWordWrittenInAnotherFormThanTheSynonymListFindsItsSynonyms() {
        // the synonym list has "bijten" next to "gedrag"; the resident writes "bijt"
        index.upsert(TestServices.service("opvoedpunt", "Opvoedpunt", "Vragen over lastig gedrag van je kind.",
                List.of("jeugd-gezin"), List.of("gedrag")));

        assertThat(ids("ons zoontje bijt steeds")).first().isEqualTo("opvoedpunt");
    }

    @Test
    void aPluralWrittenWithoutApostropheIsNotSplitIntoAnUnrelatedPart() {
        // "collegas" (collega's) ends in "gas", a part of compounds like "gasrekening"
        index.upsert(TestServices.service("energieloket", "Energieloket", "Hulp bij een hoge rekening voor gas en stroom.",
                List.of("energie"), List.of("gas", "stroom")));

        assertThat(ids("mijn collegas negeren me")).doesNotContain("energieloket");
    }

    @Test
    void theVerbOfAPastParticipleFindsTheVerbsSynonyms() {
        // "geisoleerd" yields "isoleren", whose synonym "isolatie" is the only word the service uses for it
        index.upsert(TestServices.service("energieloket", "Energieloket", "Subsidie voor isolatie van je woning.",
                List.of("energie"), List.of("isolatie")));

        assertThat(ids("de zolder is niet geisoleerd")).first().isEqualTo("energieloket");
    }

    @Test
    void aPartOfACompoundFindsThePartsSynonyms() {
        // "zorgschulden" splits into "zorg" and "schulden", whose synonym "betalingsachterstand" the service uses
        index.upsert(TestServices.service("achterstandenloket", "Achterstandenloket", "Hulp bij een betalingsachterstand.",
                List.of("geld"), List.of("betalingsachterstand")));

        assertThat(ids("ik heb zorgschulden")).contains("achterstandenloket");
    }

    @Test
    void aWordTheStemmerChangesDoesNotMeetUnrelatedWordsWithTheSameStem() {
        // "boos" (angry, a synonym of "driftbuien") stems to "bos" (a wood)
        index.upsert(TestServices.service("opvoedpunt", "Opvoedpunt", "Vragen over driftbuien van je kind.",
                List.of("jeugd-gezin"), List.of("driftbuien")));

        assertThat(ids("wandelen in het bos")).doesNotContain("opvoedpunt");
        assertThat(ids("mijn kind is vaak boos")).first().isEqualTo("opvoedpunt");
    }

    @Test
    void beingCalledByOnesOriginFindsTheDiscriminationDeskNotTheNewcomersDesk() {
        index.upsert(TestServices.service("meldpunt-discriminatie", "Meldpunt Discriminatie", "Meld discriminatie en krijg advies.",
                List.of("juridisch"), List.of("discriminatie", "racisme")));
        index.upsert(TestServices.service("nieuwkomers", "Nieuwkomersloket", "Hulp voor nieuwkomers en buitenlanders in de stad.",
                List.of("nieuwkomers"), List.of("nieuwkomer", "buitenlanders")));

        assertThat(ids("de buurjongen roept elke dag vieze buitenlander naar me")).first().isEqualTo("meldpunt-discriminatie");
    }

    @Test
    void aMultiWordSynonymIsFoundWithItsWordsApartAndInflected() {
        // the synonym list has "rood staan" next to "geldzorgen"; the resident writes "sta ... rood"
        addMoneyWorriesTest();

        assertThat(ids("ik sta al maanden rood")).first().isEqualTo("geldtest");
    }

    @Test
    void wordsOfAMultiWordSynonymFarApartDoNotMakeIt() {
        addMoneyWorriesTest();

        assertThat(ids("ik sta in de rij bij de bakker voor een rood gebakje")).doesNotContain("geldtest");
    }

    @Test
    void aScatteredMultiWordSynonymIsFoundWhenOneOfItsWordsHasSynonymsOfItsOwn() {
        // "iets voor de buurt doen" means volunteering; "buurt" has synonyms of its own ("wijk")
        index.upsert(TestServices.service("vrijwilligerspunt", "Vrijwilligerspunt", "Vind vrijwilligerswerk dat bij je past.",
                List.of("sociaal-contact"), List.of("vrijwilligerswerk")));

        assertThat(ids("na mijn pensioen wil ik graag iets doen voor de buurt")).first().isEqualTo("vrijwilligerspunt");
    }

    @Test
    void beingStuckWithEverythingFindsTheTeamForThat() {
        index.upsert(TestServices.service("buurtteam", "Buurtteam", "Hulp als je vastloopt met geld, gezin of gezondheid.",
                List.of("zorg"), List.of("vastlopen", "alles tegelijk")));

        assertThat(ids("sinds de verhuizing loop ik helemaal vast")).first().isEqualTo("buurtteam");
    }

    @Test
    void parentsWordsForTheirLittleOneFindTheServiceForToddlers() {
        index.upsert(TestServices.service("consultatiebureau", "Consultatiebureau", "Vragen over je baby of peuter.",
                List.of("jeugd-gezin"), List.of("peuter", "baby")));

        assertThat(ids("onze kleine krijst de hele nacht")).first().isEqualTo("consultatiebureau");
    }

    @Test
    void someoneWhoNoLongerCooksFindsMealsBroughtHome() {
        index.upsert(TestServices.service("maaltijdservice", "Maaltijdservice", "Warme maaltijden aan huis gebracht.",
                List.of("eten"), List.of("maaltijdservice")));
        index.upsert(TestServices.service("eettafel", "Eettafel", "Samen een warme maaltijd eten in de wijk.",
                List.of("eten"), List.of("eettafel", "warme maaltijd")));

        assertThat(ids("oma staat niet meer in de keuken, wat nu")).first().isEqualTo("maaltijdservice");
    }

    private void addMoneyWorriesTest() {
        index.upsert(TestServices.service("geldtest", "Geldtest", "Een online test als je geldzorgen hebt.",
                List.of("geld"), List.of("geldzorgen")));
    }

    @Test
    void aMultiWordSynonymIsMatchedAsAPhrase() {
        assertThat(ids("mijn man controleert alles wat ik doe")).first().isEqualTo("veilig-thuis");
    }

    @Test
    void typosInLongerWordsAreForgiven() {
        assertThat(ids("de deurwaader stond voor de deur")).first().isEqualTo("schuldhulp");
        assertThat(ids("ik heb huurachterstant")).first().isEqualTo("huurloket");
    }

    @Test
    void aTypoIsCorrectedToWordsAddedAfterItWasFirstSeen() {
        assertThat(ids("waar is een fietsenmakr")).doesNotContain("fietsenmaker");

        index.upsert(TestServices.service("fietsenmaker", "Fietsenmaker", "Repareert je fiets gratis.", List.of("buurt"),
                List.of("fietsenmaker")));

        assertThat(ids("waar is een fietsenmakr")).first().isEqualTo("fietsenmaker");
    }

    @Test
    void englishMessagesFindEnglishTexts() {
        assertThat(index.search(ServiceQuery.of("Where can I learn Dutch?", true, 3)))
                .first().extracting(hit -> hit.service().id()).isEqualTo("taalhuis");
    }

    @Test
    void anEnglishQuestionWhetherSomethingIsAllowedDoesNotFindAllowances() {
        index.upsert(english("toeslagen", "Benefits office", "Housing allowance and child allowance.", List.of("allowance")));

        assertThat(index.search(ServiceQuery.of("my boss keeps my passport, is that allowed?", true, 3)))
                .extracting(hit -> hit.service().id()).doesNotContain("toeslagen");
        assertThat(index.search(ServiceQuery.of("can I get an allowance for my children", true, 3)))
                .first().extracting(hit -> hit.service().id()).isEqualTo("toeslagen");
    }

    private static Service english(String id, String name, String summary, List<String> keywords) {
        return new Service(id, name, null, "-", null, List.of("geld"), List.of(), null, null, null, List.of("*"), null, null,
                null, false, null, true, Map.of("en", new Translation(name, summary, null, keywords, null)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"(*~ AND/OR\\", "schulden AND NOT huur", "title:schulden", "*", "~", "[a TO z]", "\"", "((((", "🙂🙂", "مرحبا"})
    void querySyntaxIsPlainText(String text) {
        assertThatCode(() -> index.search(ServiceQuery.of(text, false, 5))).doesNotThrowAnyException();
    }

    @Test
    void operatorsInTheTextAreWordsNotOperators() {
        assertThat(ids("schulden AND NOT huur")).contains("schuldhulp");
    }

    @Test
    void aVeryLongMessageIsSearchedQuickly() {
        String text = "ik heb schulden en ".repeat(400);

        assertThat(ids(text)).first().isEqualTo("schuldhulp");
    }

    @Test
    void inactiveServicesAreNeverReturned() {
        assertThat(ids("gratis eten voedselpakket")).contains("voedselbank").doesNotContain("oude-voedselbank");
        assertThat(index.find("oude-voedselbank")).isPresent();
    }

    @Test
    void aServiceTurnedInactiveDisappearsFromTheNextSearch() {
        Service voedselbank = index.find("voedselbank").orElseThrow();

        index.upsert(TestServices.inactive(voedselbank));

        assertThat(ids("gratis eten voedselpakket")).doesNotContain("voedselbank", "oude-voedselbank");
    }

    @Test
    void changesAreVisibleToTheNextSearch() {
        index.upsert(TestServices.service("fietsenmaker", "Fietsenmaker", "Repareert je fiets gratis.", List.of("buurt"), List.of("fiets")));
        assertThat(ids("mijn fiets is kapot")).first().isEqualTo("fietsenmaker");

        index.remove("fietsenmaker");
        assertThat(ids("mijn fiets is kapot")).doesNotContain("fietsenmaker");
    }

    @Test
    void servicesServingTheNeighbourhoodRankFirst() {
        for (String neighbourhood : List.of("Noordwijk", "Zuidwijk")) {
            List<ServiceHit> hits = index.search(new ServiceQuery("buurthuis koffie", false, neighbourhood, Set.of(), Set.of(), false, 5));
            assertThat(hits.get(0).service().serves(neighbourhood)).isTrue();
        }
    }

    @Test
    void aServiceBoundToTheResidentsNeighbourhoodComesBeforeACityWideOneAboutAsRelevant() {
        index.upsert(TestServices.withAreas(TestServices.service("wijkteam-noord", "Wijkteam Noord",
                "Het wijkteam helpt bewoners van de wijk met allerlei zorgen: opvoeding, eenzaamheid, gezondheid en werk.",
                List.of("geld"), List.of("wijkteam", "schulden")), List.of("Noordwijk")));

        assertThat(firstFor("ik heb schulden", null)).isEqualTo("schuldhulp");
        assertThat(firstFor("ik heb schulden", "Noordwijk")).isEqualTo("wijkteam-noord");
        assertThat(firstFor("ik heb schulden", "Zuidwijk")).isEqualTo("schuldhulp");
    }

    private String firstFor(String text, String neighbourhood) {
        return index.search(new ServiceQuery(text, false, neighbourhood, Set.of(), Set.of(), false, 5)).get(0).service().id();
    }

    @Test
    void excludedServicesAndCategoryFiltersAreHonoured() {
        assertThat(index.search(new ServiceQuery("gratis eten geen geld schulden", false, null, Set.of("voedselbank"), Set.of(), false, 5)))
                .extracting(hit -> hit.service().id()).doesNotContain("voedselbank");
        assertThat(index.search(new ServiceQuery("gratis eten geen geld schulden", false, null, Set.of(), Set.of("eten"), false, 5)))
                .extracting(hit -> hit.service().id()).containsExactly("voedselbank");
    }

    @Test
    void amongEquallyRelevantServicesOneInTheDomainTheMessageNamesComesFirst() {
        for (String domain : List.of("geld", "eten")) {
            List<ServiceHit> hits = index.search(new ServiceQuery("geen geld", false, null, Set.of(), Set.of(), false, 5, Set.of(domain)));
            assertThat(hits.get(0).service().categories()).as(domain).contains(domain);
        }
        List<ServiceHit> housing = index.search(new ServiceQuery("geen geld", false, null, Set.of(), Set.of(), false, 5, Set.of("wonen")));
        assertThat(housing).extracting(hit -> hit.service().id()).doesNotContain("huurloket");
    }

    @Test
    void aServiceInEveryDomainTheMessageNamesComesBeforeOneInOnlyOneOfThem() {
        index.upsert(TestServices.service("schuldloket", "Schuldloket", "Hulp als je rood staat of schulden hebt.",
                List.of("geld"), List.of("rood staan", "schulden")));
        index.upsert(TestServices.service("geldtest", "Geldtest", "Een test op internet: waar blijft je geld?",
                List.of("geld", "digitaal"), List.of("rood staan", "online")));
        String text = "ik sta rood, kan ik dat online bijhouden";

        List<ServiceHit> moneyAndOnline = searchNaming(text, Set.of("geld", "digitaal"));

        assertThat(moneyAndOnline.get(0).service().id()).isEqualTo("geldtest");
        assertThat(relevanceOf("schuldloket", moneyAndOnline))
                .isLessThan(relevanceOf("schuldloket", searchNaming(text, Set.of("geld"))));
    }

    private List<ServiceHit> searchNaming(String text, Set<String> domains) {
        return index.search(new ServiceQuery(text, false, null, Set.of(), Set.of(), false, 5, domains));
    }

    private static double relevanceOf(String id, List<ServiceHit> hits) {
        return hits.stream().filter(hit -> hit.service().id().equals(id)).findFirst().orElseThrow().relevance();
    }

    @Test
    void allListsEveryServiceInIdOrderActiveOrNot() {
        assertThat(index.all()).extracting(Service::id).isSorted().contains("oude-voedselbank", "voedselbank");
    }
}
