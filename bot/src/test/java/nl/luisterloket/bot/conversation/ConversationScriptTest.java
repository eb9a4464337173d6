package nl.luisterloket.bot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.luisterloket.bot.channel.GeoPoint;
import nl.luisterloket.bot.channel.MessageKind;

/**
 * Scripted conversations through the terminal channel, against the real understanding step and the
 * sample knowledge base of Lindestad, with a clock the test moves. Wednesday 25 November 2026,
 * 14:00 in Amsterdam, unless a test says otherwise.
 */
class ConversationScriptTest {

    private static final ZonedDateTime WEDNESDAY_AFTERNOON = LocalDateTime.of(2026, 11, 25, 14, 0).atZone(ConversationHarness.ZONE);
    private static final Pattern SERVICE_LINE = Pattern.compile("• (.+)");

    @TempDir
    Path directory;

    private ConversationHarness desk;

    @BeforeEach
    void start() {
        desk = new ConversationHarness(directory, WEDNESDAY_AFTERNOON);
    }

    @AfterEach
    void stop() {
        desk.close();
    }

    @Test
    void startShowsWhoRunsTheDeskThatAPersonCanTakeOverAndWhatIsKeptForHowLong() {
        String reply = desk.chat("amina", "/start");

        assertThat(reply).contains("Luisterloket wordt gerund door de buurtteams van Lindestad")
                .contains("/mens")
                .contains("Berichten wis ik na 90 dagen")
                .contains("/vergeet")
                .contains("/mijngegevens");
        assertThat(occurrences(reply, "Luisterloket wordt gerund")).isEqualTo(1);
    }

    @Test
    void aFirstMessageWithoutStartGetsTheWelcomeOnceAndNoSecondGreeting() {
        String reply = desk.chat("amina", "hoi");

        assertThat(occurrences(reply, "Luisterloket wordt gerund")).isEqualTo(1);
        assertThat(reply).doesNotContain("Fijn dat je er bent");
        assertThat(desk.chat("amina", "hoi")).contains("Fijn dat je er bent").doesNotContain("wordt gerund");
    }

    @Test
    void anAnswerSaysWhetherEachServiceIsOpenAtTheClocksTime() {
        String wednesdayAfternoon = desk.chat("amina", "ik wil hulp van het wijkteam");
        desk.clock.advance(Duration.ofHours(4));
        String wednesdayEvening = desk.chat("amina", "ik wil hulp van het wijkteam");
        desk.clock.advance(Duration.ofDays(2));
        String fridayEvening = desk.chat("amina", "ik wil hulp van het wijkteam");

        assertThat(services(wednesdayAfternoon)).hasSize(3).allMatch(name -> name.startsWith("Wijkteam"));
        assertThat(wednesdayAfternoon).contains("Nu open tot 17:00.").contains("Bel: 012-555")
                .contains("Door: Gemeente Lindestad").contains("Gegevens gecontroleerd op")
                .contains("[1] Dit helpt").contains("[2] Iets anders").contains("[3] Klopt niet").contains("[4] Praat met een mens");
        assertThat(wednesdayEvening).contains("Nu dicht. Morgen weer open om 08:30.");
        assertThat(fridayEvening).contains("Nu dicht. Weer open op maandag om 08:30.");
        assertThat(desk.count("SELECT count(*) FROM suggestions WHERE decision = 'answer'")).isEqualTo(9);
    }

    @Test
    void aServiceNotCheckedForLongIsMarkedAsPossiblyOutOfDate() {
        String reply = desk.chat("amina", "ik wil hulp van het wijkteam");

        assertThat(reply).contains("Let op: deze gegevens zijn lang niet gecontroleerd");
    }

    @Test
    void aClarifyingQuestionOffersDomainsAndTheChoiceIsAnsweredWithinThatDomain() {
        String question = desk.chat("amina", "help met geld");
        String answer = desk.chat("amina", "1");

        assertThat(question).contains("Waar gaat het vooral over?").contains("[1] Geld en schulden");
        assertThat(answer).contains("Dit kan je misschien helpen:");
        List<String> shown = desk.strings("SELECT json FROM services WHERE id IN (SELECT service_id FROM suggestions WHERE decision = 'clarify')");
        assertThat(shown).isNotEmpty().allMatch(json -> json.contains("\"geld\""));
    }

    @Test
    void somethingElseNeverShowsAServiceTwiceAndTwoMissesOfferAPerson() {
        List<String> first = services(desk.chat("amina", "ik kan mijn rekeningen niet betalen"));
        String second = desk.chat("amina", "2");
        String third = second.contains("Zal ik een mens vragen") ? "" : desk.chat("amina", "2");

        List<String> all = new ArrayList<>(first);
        all.addAll(services(second));
        all.addAll(services(third));
        assertThat(first).isNotEmpty();
        assertThat(all).doesNotHaveDuplicates();
        assertThat(second + third).contains("Zal ik een mens vragen om met je mee te kijken?");
        assertThat(desk.count("SELECT count(*) FROM suggestions WHERE feedback = 'something_else'")).isGreaterThanOrEqualTo(first.size());
    }

    @Test
    void namingANeighbourhoodLaterRanksItsOwnServicesFirst() {
        String before = desk.chat("amina", "ik wil hulp van het wijkteam");
        String after = desk.chat("amina", "en in Kanaalzijde?");

        assertThat(services(before).get(0)).isNotEqualTo("Wijkteam Zuid");
        assertThat(after).contains("Ik onthoud dat je in Kanaalzijde woont.");
        assertThat(services(after).get(0)).isEqualTo("Wijkteam Zuid");
        assertThat(desk.strings("SELECT neighbourhood FROM residents")).containsExactly("Kanaalzijde");
    }

    @Test
    void frustrationOffersAPersonAndAcceptingHandsOver() {
        desk.chat("amina", "ik heb schulden");
        String offer = desk.chat("amina", "niemand helpt me, dit slaat nergens op");
        String accepted = desk.chat("amina", "1");

        assertThat(offer).contains("Het spijt me dat ik je nog niet goed heb geholpen.").contains("[1] Ja, graag")
                .doesNotContain("Daar weet ik helaas geen goede plek voor");
        assertThat(desk.strings("SELECT trigger FROM cases")).containsExactly("frustration");
        assertThat(accepted).isNotBlank();
        assertThat(desk.count("SELECT count(*) FROM unanswered_questions")).isZero();
    }

    @Test
    void threeLifeAreasInOneConversationOfferAPersonAndDecliningKeepsHelping() {
        desk.chat("amina", "ik kan mijn rekeningen niet betalen");
        desk.chat("amina", "ik heb geen werk meer");
        String offer = desk.chat("amina", "ik ben heel somber en depressief");
        String declined = desk.chat("amina", "2");

        assertThat(offer).contains("Er speelt veel tegelijk.").contains("Zal ik een mens vragen");
        assertThat(declined).contains("Goed. Vertel gerust meer");
        assertThat(desk.count("SELECT count(*) FROM cases")).isZero();
        assertThat(desk.chat("amina", "ik voel me zo somber")).contains("Dit kan je misschien helpen:");
    }

    @Test
    void aCrisisShowsUrgentServicesBeforeAnythingElseAndStartsAnUrgentHandover() {
        String reply = desk.chat("amina", "ik wil niet meer leven");

        int crisis = reply.indexOf("Dit klinkt ernstig");
        assertThat(crisis).isGreaterThanOrEqualTo(0);
        assertThat(reply.indexOf("113 Zelfmoordpreventie")).isGreaterThan(crisis);
        assertThat(reply.indexOf("Luisterloket wordt gerund")).isGreaterThan(reply.indexOf("113 Zelfmoordpreventie"));
        assertThat(reply).contains("Dag en nacht open (24/7).");
        assertThat(desk.strings("SELECT trigger || '/' || urgency FROM cases")).containsExactly("crisis/urgent");
    }

    @Test
    void theFollowUpArrivesAfterTheConfiguredDaysOnceAndANoOffersAPerson() {
        desk.chat("amina", "ik wil hulp van het wijkteam");

        desk.clock.advance(Duration.ofDays(2));
        assertThat(desk.scheduler().runOnce()).isZero();
        desk.clock.advance(Duration.ofDays(1).plusMinutes(1));
        assertThat(desk.scheduler().runOnce()).isEqualTo(1);
        assertThat(desk.scheduler().runOnce()).isZero();
        String question = desk.chat("amina");
        String answered = desk.chat("amina", "3");

        assertThat(question).contains("Een paar dagen geleden gaf ik je Wijkteam").contains("[3] Nee, niet gelukt")
                .contains("[4] Niet meer vragen");
        assertThat(answered).contains("Wat jammer dat het niet gelukt is.").contains("Zal ik een mens vragen");
        assertThat(desk.strings("SELECT answer FROM follow_ups")).containsExactly("not_reached");
    }

    @Test
    void nietMeerVragenUnderTheFollowUpSwitchesFollowUpsOff() {
        desk.chat("amina", "ik wil hulp van het wijkteam");
        desk.clock.advance(Duration.ofDays(3).plusMinutes(1));
        desk.scheduler().runOnce();
        String reply = desk.chat("amina", "", "4");

        assertThat(reply).contains("Ik vraag later niet meer of het gelukt is.");
        assertThat(desk.count("SELECT follow_up_enabled FROM residents")).isZero();
        desk.chat("amina", "ik heb schulden");
        assertThat(desk.count("SELECT count(*) FROM follow_ups WHERE sent_at IS NULL")).isZero();
    }

    @Test
    void aResidentWhoSwitchedFollowUpsOffIsNotAsked() {
        desk.chat("amina", "/opvolging uit", "ik wil hulp van het wijkteam");
        desk.clock.advance(Duration.ofDays(4));

        assertThat(desk.scheduler().runOnce()).isZero();
        assertThat(desk.chat("amina")).doesNotContain("Een paar dagen geleden");
        assertThat(desk.count("SELECT follow_up_enabled FROM residents")).isZero();
    }

    @Test
    void aVoiceMessageGetsAKindReplyAndTheOfferOfAPerson() {
        desk.chat("amina", "/start");
        String reply = desk.send("amina", MessageKind.VOICE, null);

        assertThat(reply).contains("Ik kan spraakberichten nog niet beluisteren.").contains("Praat met een mens");
    }

    @Test
    void aSharedLocationInsideAnAreaSetsTheNeighbourhood() {
        desk.chat("amina", "/start");
        String inside = desk.send("amina", MessageKind.LOCATION, new GeoPoint(52.0781, 4.2805));
        String outside = desk.send("amina", MessageKind.LOCATION, new GeoPoint(51.9, 4.4));

        assertThat(inside).contains("Ik onthoud dat je in Bosrand woont.");
        assertThat(outside).contains("Die plek ligt niet in een buurt die ik ken.");
        assertThat(desk.strings("SELECT neighbourhood FROM residents")).containsExactly("Bosrand");
        assertThat(desk.count("SELECT count(*) FROM messages WHERE kind = 'location' AND text IS NOT NULL")).isZero();
    }

    @Test
    void theConversationContinuesWhereItWasAfterARestart() {
        List<String> before = services(desk.chat("amina", "ik wil hulp van het wijkteam"));
        desk.restart();
        String after = desk.chat("amina", "en in Kanaalzijde?");

        assertThat(after).contains("Ik onthoud dat je in Kanaalzijde woont.").contains("Dit kan je misschien helpen:")
                .doesNotContain("Luisterloket wordt gerund");
        assertThat(before).isNotEmpty();
        assertThat(desk.count("SELECT count(*) FROM conversations")).isEqualTo(1);
    }

    @Test
    void anIdleConversationClosesAndTheNextMessageIsWelcomedBack() {
        desk.chat("amina", "ik heb schulden");
        desk.clock.advance(Duration.ofMinutes(121));
        String reply = desk.chat("amina", "hoi");

        assertThat(reply).contains("Welkom terug!");
        assertThat(desk.strings("SELECT status FROM conversations ORDER BY id")).containsExactly("closed", "open");
    }

    @Test
    void theSchedulerClosesIdleConversations() {
        desk.chat("amina", "ik heb schulden");
        desk.clock.advance(Duration.ofMinutes(121));
        desk.scheduler().runOnce();

        assertThat(desk.strings("SELECT status FROM conversations")).containsExactly("closed");
        assertThat(desk.chat("amina", "hoi")).contains("Welkom terug!");
    }

    @Test
    void unknownCommandsGetHelpNotSilence() {
        desk.chat("amina", "/start");
        String reply = desk.chat("amina", "/blabla");

        assertThat(reply).contains("Dat commando ken ik niet.").contains("/mens – praat met een mens").contains("/taal");
    }

    @Test
    void askingForAPersonHandsOverOnceEvenWhenAskedAgain() {
        desk.chat("amina", "/start");
        desk.chat("amina", "/mens");
        String again = desk.chat("amina", "/mens");

        assertThat(desk.strings("SELECT trigger FROM cases")).containsExactly("asked_for_person");
        assertThat(again).contains("Er is al een mens gevraagd.");
    }

    @Test
    void vergeetAfterAConversationRemovesEveryRowAboutTheResident() {
        desk.chat("amina", "ik wil hulp van het wijkteam", "1", "ik wil niet meer leven");
        assertThat(desk.count("SELECT count(*) FROM follow_ups")).isEqualTo(1);
        desk.chat("amina", "/vergeet", "1");

        for (String table : List.of("residents", "conversations", "messages", "suggestions", "follow_ups", "cases")) {
            assertThat(desk.count("SELECT count(*) FROM " + table)).as(table).isZero();
        }
    }

    @Test
    void anUnansweredQuestionIsKeptWithoutNamesOrNumbers() {
        String reply = desk.chat("amina", "wat is het weer morgen? ik ben Fatima, bel 06-12345678");

        assertThat(reply).contains("Daar weet ik helaas geen goede plek voor.");
        List<String> kept = desk.strings("SELECT text_redacted FROM unanswered_questions");
        assertThat(kept).hasSize(1);
        assertThat(kept.get(0)).contains("wat is het weer morgen").doesNotContain("Fatima").doesNotContain("12345678");
    }

    @Test
    void kloptNietRecordsTheFeedbackAndFlagsTheServiceForTheAdmins() {
        List<String> shown = services(desk.chat("amina", "ik wil hulp van het wijkteam"));
        String which = desk.chat("amina", "3");
        String thanks = desk.chat("amina", "2");

        assertThat(which).contains("Welke klopt niet?").contains("[2] " + shown.get(1));
        assertThat(thanks).contains("Dank je! Ik geef het door");
        assertThat(desk.strings("SELECT service_id FROM suggestions WHERE feedback = 'wrong_details'")).hasSize(1);
        assertThat(desk.strings("SELECT s.json FROM services s JOIN suggestions g ON g.service_id = s.id"
                + " WHERE g.feedback = 'wrong_details' AND s.flagged = 1")).hasSize(1);
    }

    @Test
    void ditHelptIsRecordedForTheWholeAnswer() {
        desk.chat("amina", "ik wil hulp van het wijkteam");
        String reply = desk.chat("amina", "1");

        assertThat(reply).contains("Fijn! Succes ermee.").contains("Over 3 dagen vraag ik nog één keer");
        assertThat(desk.count("SELECT count(*) FROM suggestions WHERE feedback = 'helped'")).isEqualTo(3);
    }

    @Test
    void taalSwitchesToEnglishForTheRestOfTheConversation() {
        desk.chat("amina", "/start");
        String switched = desk.chat("amina", "/taal en");
        String answer = desk.chat("amina", "I have debts");

        assertThat(switched).contains("from now on I will talk to you in English");
        assertThat(answer).contains("[1] This helps").contains("[2] Something else");
        assertThat(desk.strings("SELECT language FROM residents")).containsExactly("en");
    }

    @Test
    void strangeMessagesGetASensibleReply() {
        desk.chat("amina", "/start");
        for (String strange : List.of("😀😀😀", "مرحبا، أحتاج مساعدة", "\"(*~", "ik heb schulden. ".repeat(250), "   ")) {
            String reply = desk.chat("amina", strange.isBlank() ? "." : strange);
            assertThat(reply).as(strange).contains("luisterloket>");
        }
    }

    private static List<String> services(String reply) {
        List<String> names = new ArrayList<>();
        Matcher matcher = SERVICE_LINE.matcher(reply);
        while (matcher.find()) {
            names.add(matcher.group(1).strip());
        }
        return names;
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int index = text.indexOf(part); index >= 0; index = text.indexOf(part, index + 1)) {
            count++;
        }
        return count;
    }
}
