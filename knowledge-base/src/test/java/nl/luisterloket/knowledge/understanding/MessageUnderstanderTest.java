package nl.luisterloket.knowledge.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import nl.luisterloket.knowledge.TestFiles;
import nl.luisterloket.knowledge.TestServices;
import nl.luisterloket.knowledge.analysis.ConfigFiles;
import nl.luisterloket.knowledge.analysis.TextAnalysis;
import nl.luisterloket.knowledge.index.ServiceIndex;
import nl.luisterloket.knowledge.model.Service;

class MessageUnderstanderTest {

    private final ServiceIndex index = new ServiceIndex(TextAnalysis.load(new ConfigFiles(TestFiles.configDirectory())));
    private final MessageUnderstanding understanding;

    MessageUnderstanderTest() {
        index.replaceAll(TestServices.city());
        understanding = new MessageUnderstander(index, new MatchingSettings(0.5, 0.3, TestFiles.configDirectory()));
    }

    @AfterEach
    void close() {
        index.close();
    }

    private Understanding understand(String text) {
        return understanding.understand(text, UnderstandingContext.FIRST_MESSAGE);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "ik zie het echt niet meer zitten",
            "ik wil er niet meer zijn",
            "ik wil niet meer leven, het heeft geen zin",
            "I want to kill myself",
            "hij slaat me nu en ik ben bang",
            "mijn buurman ligt op de grond en ademt niet",
            "ik heb net een hele strip pillen genomen",
            "mijn man heeft me net geslagen en ik bloed",
            "mijn moeder is flauwgevallen en wordt niet wakker",
            "I took too many pills"})
    void dangerNowIsACrisisWithUrgentServicesFirst(String text) {
        Understanding understood = understand(text);

        assertThat(understood.decision()).isEqualTo(Decision.CRISIS);
        assertThat(understood.signals()).contains(Signal.CRISIS);
        assertThat(understood.suggestions()).isNotEmpty();
        assertThat(understood.suggestions().get(0).service().urgent()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ik wil er niet meer zijn", "hij slaat me nu en ik ben bang", "ik ga dood van de honger",
            "ik ben doodmoe van al die rekeningen", "ik heb schulden", "hallo", "   ", "🙂", "I took too many pills"})
    void theQuickCrisisCheckDecidesAsTheFullUnderstandingDoes(String text) {
        assertThat(understanding.isCrisis(text)).isEqualTo(understand(text).decision() == Decision.CRISIS);
    }

    @Test
    void suicidalThoughtsBringTheSuicideLineFirst() {
        assertThat(understand("ik wil dood, ik denk steeds aan zelfmoord").suggestions().get(0).service().id()).isEqualTo("lijn-113");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "ik ga dood van de honger, is er iets te eten?",
            "ik ben doodmoe van al die rekeningen",
            "ik verveel me dood sinds mijn pensioen",
            "ik schrik me dood van die aanmaning",
            "this heat is killing me",
            "hij slaat me niet, maar hij controleert alles",
            "mijn zoon is vorig jaar op school aangevallen, hij durft niet meer",
            "ik zou hem wel kunnen vermoorden, hij at mijn taart op",
            "mijn neef heeft vorig jaar zelfmoord gepleegd, is er hulp voor de familie"})
    void idiomsAndPastEventsAreNoCrisis(String text) {
        assertThat(understand(text).decision()).isNotEqualTo(Decision.CRISIS);
    }

    @Test
    void aPressingPracticalNeedIsAnAnswerNotACrisis() {
        Understanding understood = understand("ik heb deze week geen geld voor eten");

        assertThat(understood.decision()).isEqualTo(Decision.ANSWER);
        assertThat(understood.suggestions().get(0).service().id()).isEqualTo("voedselbank");
    }

    @ParameterizedTest
    @ValueSource(strings = {"kan ik met een echt mens praten", "bel me aub terug", "Can I speak to a real person please?",
            "ik wil iemand van jullie spreken, niet met een computer", "kan ik iemand aan de telefoon krijgen",
            "kunnen jullie mij aan de lijn krijgen"})
    void askingForAPersonEscalates(String text) {
        assertThat(understand(text).decision()).isEqualTo(Decision.ESCALATE);
    }

    @Test
    void tellingOfAPhoneCallIsNoRequestForAPerson() {
        Understanding understood = understand("de verhuurder zei aan de telefoon dat ik de huur niet meer hoef te betalen");

        assertThat(understood.signals()).doesNotContain(Signal.ASKS_FOR_PERSON);
        assertThat(understood.decision()).isNotEqualTo(Decision.ESCALATE);
    }

    @Test
    void askingWhoTheDeskIsIsSmallTalkNotARequestForAPerson() {
        assertThat(understand("ben jij een echt mens?").decision()).isEqualTo(Decision.SMALLTALK);
    }

    @ParameterizedTest
    @ValueSource(strings = {"👍", "🙂🙂"})
    void onlyEmojiIsAFriendlyGesture(String text) {
        assertThat(understand(text).decision()).isEqualTo(Decision.SMALLTALK);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hoi", "hallo, hoe gaat het met je?", "dankjewel voor je hulp!!", "thanks, bye", "wie ben jij eigenlijk", "salam aleikum",
            "die serie van gisteren was echt vet", "the weather is so nice"})
    void smallTalkGetsAFriendlyAnswer(String text) {
        Understanding understood = understand(text);

        assertThat(understood.decision()).isEqualTo(Decision.SMALLTALK);
        assertThat(understood.suggestions()).isEmpty();
    }

    @Test
    void aGreetingWithAQuestionIsAboutTheQuestion() {
        assertThat(understand("hoi, ik heb schulden en de deurwaarder komt").decision()).isEqualTo(Decision.ANSWER);
    }

    @Test
    void threeLifeDomainsAtOnceEscalateWithTheServicesFound() {
        Understanding understood = understand("ik heb schulden, mijn uitkering is gestopt en ik ben depressief");

        assertThat(understood.decision()).isEqualTo(Decision.ESCALATE);
        assertThat(understood.signals()).contains(Signal.COMPLEX);
        assertThat(understood.suggestions()).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ik leef van een uitkering en heb een huurachterstand, de deurwaarder komt",
            "wij zitten in de bijstand, kan iemand helpen met de huurachterstand en de deurwaarder"})
    void livingOnBenefitsSaidAsBackgroundIsNoThirdProblem(String text) {
        Understanding understood = understand(text);

        assertThat(understood.signals()).doesNotContain(Signal.COMPLEX);
        assertThat(understood.decision()).isNotEqualTo(Decision.ESCALATE);
        assertThat(understood.domains()).doesNotContain("werk-inkomen");
    }

    @Test
    void benefitsThatStoppedAreAProblemOfTheirOwn() {
        Understanding understood = understand("mijn uitkering is gestopt en ik heb een huurachterstand, de deurwaarder komt");

        assertThat(understood.decision()).isEqualTo(Decision.ESCALATE);
        assertThat(understood.signals()).contains(Signal.COMPLEX);
    }

    @Test
    void aServiceWhoseEligibilityExcludesTheStatedAgeComesAfterOneThatServesIt() {
        index.upsert(TestServices.withEligibility(TestServices.service("bijstand", "Bijstand", "Een uitkering als je geen inkomen hebt.",
                List.of("werk-inkomen"), List.of("uitkering", "geen inkomen", "bijstand")), "Inwoners van 27 jaar en ouder."));
        index.upsert(TestServices.withEligibility(TestServices.service("jongerenloket", "Jongerenloket", "Hulp bij werk, school of inkomen.",
                List.of("werk-inkomen"), List.of("inkomen")), "Jongeren van 18 tot 27 jaar."));

        assertThat(understand("ik ben 22 en heb geen inkomen, kan ik een uitkering krijgen").suggestions().get(0).service().id())
                .isEqualTo("jongerenloket");
        assertThat(understand("ik ben 45 en heb geen inkomen, kan ik een uitkering krijgen").suggestions().get(0).service().id())
                .isEqualTo("bijstand");
    }

    @Test
    void anAgeInAnEligibilityAboutChildrenSaysNothingAboutTheResident() {
        index.upsert(TestServices.withEligibility(TestServices.service("sportfonds", "Sportfonds", "Betaalt de sportclub als je weinig geld hebt.",
                List.of("jeugd-gezin"), List.of("sportclub", "contributie")), "Gezinnen met kinderen van 4 tot 18 jaar."));

        assertThat(understand("ik ben 38 en kan de contributie van de sportclub niet betalen").suggestions().get(0).service().id())
                .isEqualTo("sportfonds");
    }

    @Test
    void domainsEarlierInTheConversationCountTowardComplex() {
        UnderstandingContext context = new UnderstandingContext("nl", null, Set.of(), Set.of(), Set.of("wonen", "psychische-gezondheid"));

        assertThat(understanding.understand("ik heb ook nog schulden", context).decision()).isEqualTo(Decision.ESCALATE);
    }

    @Test
    void nothingFittingIsSaidHonestly() {
        Understanding understood = understand("hoe laat gaat de bioscoop open op zondag");

        assertThat(understood.decision()).isEqualTo(Decision.NO_MATCH);
        assertThat(understood.suggestions()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "ik heb weinig geld, is er een goedkope tandarts?",
            "is er een dierenarts die niet veel kost, ik heb geen geld",
            "my cat is sick and I have no money, where is a cheap vet"})
    void aProviderNoServiceOffersIsNotAnsweredWithSomethingGeneral(String text) {
        assertThat(understand(text).decision()).isEqualTo(Decision.NO_MATCH);
    }

    @Test
    void aResidentLivingInANeighbourhoodNoServiceKnowsIsNotSentToAnotherNeighbourhoodsService() {
        assertThat(understand("ik woon in westwijk, is daar ook een buurthuis?").decision()).isEqualTo(Decision.NO_MATCH);
        assertThat(understand("ik woon in noordwijk, is daar ook een buurthuis?").suggestions().get(0).service().id())
                .isEqualTo("buurthuis-noord");
        assertThat(understand("ik woon in een flat en heb schulden met een deurwaarder").suggestions().get(0).service().id())
                .isEqualTo("schuldhulp");
    }

    @Test
    void anAgeBringsTheServicesForThatAgeGroup() {
        assertThat(MessageUnderstander.withAgeGroup("ik ben 24 en heb geen inkomen")).endsWith(" jongeren");
        assertThat(MessageUnderstander.withAgeGroup("mijn opa is 84 en kan niet meer koken")).endsWith(" ouderen");
        assertThat(MessageUnderstander.withAgeGroup("mijn vader 72 jaar woont alleen")).endsWith(" ouderen");
        assertThat(MessageUnderstander.withAgeGroup("ik moet 1100 euro betalen")).isEqualTo("ik moet 1100 euro betalen");
        assertThat(MessageUnderstander.withAgeGroup("mijn zoon is 40 en woont thuis")).isEqualTo("mijn zoon is 40 en woont thuis");
    }

    @Test
    void aNumberWithAnotherUnitThanYearsIsNoAge() {
        assertThat(MessageUnderstander.statedAge("ik ben 10 weken zwanger")).isNull();
        assertThat(MessageUnderstander.statedAge("ik ben 50 euro kwijt aan een oplichter")).isNull();
        assertThat(MessageUnderstander.statedAge("the bus is 20 minutes late")).isNull();
        assertThat(MessageUnderstander.statedAge("ik ben 19 weken geleden verhuisd en ik ben 23")).isEqualTo(23);
        assertThat(MessageUnderstander.statedAge("ik ben 67")).isEqualTo(67);
    }

    @Test
    void aProviderAServiceOffersIsAnswered() {
        index.upsert(TestServices.service("tandarts-zuid", "Tandartspraktijk Zuid", "Tandarts met plek voor nieuwe patienten.",
                List.of("gezondheid"), List.of("tandarts")));

        Understanding understood = understand("ik heb weinig geld, is er een goedkope tandarts?");

        assertThat(understood.decision()).isIn(Decision.ANSWER, Decision.CLARIFY);
        assertThat(understood.suggestions().get(0).service().id()).isEqualTo("tandarts-zuid");
    }

    @Test
    void confidenceIsCalibratedBetweenZeroAndOne() {
        Understanding understood = understand("ik heb schulden en de deurwaarder stuurt aanmaningen");

        assertThat(understood.confidence()).isBetween(0.5, 1.0);
        assertThat(understood.suggestions()).allSatisfy(suggestion -> assertThat(suggestion.confidence()).isBetween(0.0, understood.confidence()));
    }

    @Test
    void aNeighbourhoodNamedInTheMessageIsNoticedAndServedFirst() {
        Understanding understood = understand("ik woon in zuidwijk, is er een buurthuis met koffie");

        assertThat(understood.neighbourhood()).isEqualTo("Zuidwijk");
        assertThat(understood.suggestions().get(0).service().id()).isEqualTo("buurthuis-zuid");
    }

    @Test
    void theContextsNeighbourhoodRanksItsServicesFirst() {
        UnderstandingContext context = new UnderstandingContext("nl", "Noordwijk", Set.of(), Set.of(), Set.of());

        assertThat(understanding.understand("buurthuis met koffie", context).suggestions().get(0).service().id()).isEqualTo("buurthuis-noord");
    }

    @Test
    void excludedServicesAreNotSuggestedAgain() {
        UnderstandingContext context = new UnderstandingContext("nl", null, Set.of("voedselbank"), Set.of(), Set.of());

        assertThat(understanding.understand("gratis eten voedselpakket", context).suggestions())
                .extracting(suggestion -> suggestion.service().id()).doesNotContain("voedselbank", "oude-voedselbank");
    }

    @Test
    void askingForSomethingElseKeepsTheDecisionOfTheMessage() {
        UnderstandingContext first = UnderstandingContext.FIRST_MESSAGE;
        Understanding before = understanding.understand("ik heb schulden en de deurwaarder stuurt aanmaningen", first);
        UnderstandingContext somethingElse = new UnderstandingContext("nl", null,
                Set.of(before.suggestions().get(0).service().id()), Set.of(), Set.of());

        Understanding after = understanding.understand("ik heb schulden en de deurwaarder stuurt aanmaningen", somethingElse);

        assertThat(after.decision()).isEqualTo(before.decision());
        assertThat(after.suggestions()).extracting(suggestion -> suggestion.service().id())
                .doesNotContain(before.suggestions().get(0).service().id());
    }

    @Test
    void englishIsRecognised() {
        Understanding understood = understand("Where can I learn Dutch for free?");

        assertThat(understood.language()).isEqualTo("en");
        assertThat(understood.suggestions().get(0).service().id()).isEqualTo("taalhuis");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\"(*~ AND/OR\\", "مرحبا كيف حالك", "?!?"})
    void strangeMessagesGetASensibleDecision(String text) {
        Understanding understood = understand(text);

        assertThat(understood.decision()).isIn(Decision.NO_MATCH, Decision.SMALLTALK, Decision.CLARIFY);
        assertThat(understood.suggestions()).extracting(suggestion -> suggestion.service()).allMatch(Service::active);
    }

    @Test
    void aFourThousandCharacterMessageIsUnderstood() {
        assertThat(understand("ik heb schulden. ".repeat(250)).decision()).isIn(Decision.ANSWER, Decision.CLARIFY);
    }
}
