package nl.luisterloket.bot.handover;

import static nl.luisterloket.bot.handover.HandoverHarness.AHMED;
import static nl.luisterloket.bot.handover.HandoverHarness.GROUP;
import static nl.luisterloket.bot.handover.HandoverHarness.SANNE;
import static nl.luisterloket.bot.handover.HandoverHarness.STRANGER;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.luisterloket.bot.access.Role;
import nl.luisterloket.bot.access.StaffDirectory;
import nl.luisterloket.bot.channel.Author;
import nl.luisterloket.bot.channel.IncomingMessage;
import nl.luisterloket.bot.routing.MessageRoute;

class HandoverFlowTest {

    private static final String AMINA = "9001";
    private static final String BRAM = "9002";

    @TempDir
    Path directory;

    private HandoverHarness harness;

    @BeforeEach
    void start() {
        harness = new HandoverHarness(directory, HandoverHarness.oneTeam(false));
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void aMessageToAnOpenCaseIsNotUnderstoodAheadButOneToTheBotIs() {
        ResidentCaseRoute route = harness.injector.getInstance(ResidentCaseRoute.class);
        IncomingMessage toCase = IncomingMessage.text(HandoverHarness.residentChat(AMINA), new Author(AMINA, "Amina", "nl"),
                "ik heb ook nog schulden", harness.clock.instant());
        IncomingMessage toBot = IncomingMessage.text(HandoverHarness.residentChat(BRAM), new Author(BRAM, "Bram", "nl"),
                "ik heb schulden", harness.clock.instant());
        harness.handover(harness.resident(AMINA, "Amina", HandoverTrigger.ASKED_FOR_PERSON, List.of("geld"), List.of()));
        harness.residentPresses(AMINA, "consent:yes:" + harness.onlyCaseId());

        MessageRoute.Forecast toCaseAhead = harness.database.read(connection -> route.forecast(connection, toCase));
        MessageRoute.Forecast toBotAhead = harness.database.read(connection -> route.forecast(connection, toBot));

        assertThat(toCaseAhead).as("the queued case relays it: understanding it ahead would be thrown away")
                .isEqualTo(MessageRoute.Forecast.TAKES);
        assertThat(toBotAhead).isEqualTo(MessageRoute.Forecast.LEAVES);
    }

    @Test
    void aMessageToAWaitingCaseIsCheckedForACrisisAheadAndTheCheckIsTakenOnce() {
        long caseId = queuedCase(AMINA, "Amina");
        CrisisChecks checks = harness.injector.getInstance(CrisisChecks.class);
        IncomingMessage crisis = IncomingMessage.text(HandoverHarness.residentChat(AMINA), new Author(AMINA, "Amina", "nl"),
                "ik wil niet meer leven", harness.clock.instant());

        harness.router.prepare(crisis);
        assertThat(checks.waiting()).as("checked ahead, off the writer").isEqualTo(1);
        harness.router.handle(crisis);

        assertThat(checks.waiting()).as("the writer took it").isZero();
        assertThat(harness.lastText(AMINA)).contains("met spoed").contains("112").contains("113");

        harness.pressInGroup(GROUP, SANNE, "case:claim:" + caseId);
        harness.router.prepare(IncomingMessage.text(HandoverHarness.residentChat(AMINA), new Author(AMINA, "Amina", "nl"),
                "ik wil niet meer leven", harness.clock.instant()));
        assertThat(checks.waiting()).as("a claimed case relays to the worker, who reads it: nothing to check ahead").isZero();
    }

    @Test
    void consentIsAskedBeforeTheTeamSeesAnything() {
        harness.handover(harness.resident(AMINA, "Amina", HandoverTrigger.ASKED_FOR_PERSON, List.of("wonen"), List.of("huurteam")));
        long caseId = harness.onlyCaseId();

        HandoverHarness.Shown question = harness.chat(AMINA).get(0);
        assertThat(question.text()).isEqualTo("Mag een medewerker van Buurtteam Noord je gesprek lezen en hier met je verder praten?");
        assertThat(question.hasButton("consent:yes:" + caseId)).isTrue();
        assertThat(question.hasButton("consent:no:" + caseId)).isTrue();
        assertThat(harness.chat(GROUP)).isEmpty();
        assertThat(harness.caseColumn(caseId, "status")).isEqualTo("awaiting_consent");
    }

    @Test
    void residentWhoSaysNoKeepsTheBotAndTheServicesAndNoOneIsTold() {
        harness.handover(harness.resident(AMINA, "Amina", HandoverTrigger.ASKED_FOR_PERSON, List.of("wonen"), List.of("huurteam")));
        long caseId = harness.onlyCaseId();

        harness.residentPresses(AMINA, "consent:no:" + caseId);

        assertThat(harness.lastText(AMINA)).startsWith("Prima, dan blijft het tussen jou en mij.").contains("• huurteam");
        assertThat(harness.chat(GROUP)).isEmpty();
        assertThat(harness.caseColumn(caseId, "outcome")).isEqualTo("consent_declined");
        assertThat(harness.hasOpenCase(1)).isFalse();
        harness.residentSays(AMINA, "ok en nu?");
        assertThat(harness.chat(SANNE)).isEmpty();
    }

    @Test
    void talkingOnInsteadOfAnsweringLeavesTheQuestionOpenForTheBotToAnswer() {
        harness.handover(harness.resident(AMINA, "Amina", HandoverTrigger.ASKED_FOR_PERSON, List.of("wonen"), List.of()));
        long caseId = harness.onlyCaseId();
        IncomingMessage talk = IncomingMessage.text(HandoverHarness.residentChat(AMINA), new Author(AMINA, "Amina", "nl"),
                "waar is de voedselbank?", harness.clock.instant());

        boolean forTheCase = harness.database.inTransaction(transaction ->
                harness.injector.getInstance(ResidentCaseRoute.class).accepts(transaction, talk));

        assertThat(forTheCase).isFalse();
        assertThat(harness.caseColumn(caseId, "status")).isEqualTo("awaiting_consent");
        assertThat(harness.chat(GROUP)).isEmpty();
    }

    @Test
    void aConsentQuestionLeftUnansweredForADayIsWithdrawn() {
        harness.handover(harness.resident(AMINA, "Amina", HandoverTrigger.ASKED_FOR_PERSON, List.of("wonen"), List.of()));
        long caseId = harness.onlyCaseId();

        harness.clock.advance(java.time.Duration.ofHours(25));
        harness.timers.runOnce();

        assertThat(harness.caseColumn(caseId, "outcome")).isEqualTo("consent_unanswered");
        assertThat(harness.hasOpenCase(1)).isFalse();
        assertThat(harness.chat(GROUP)).isEmpty();
    }

    @Test
    void typingJaInsteadOfPressingTheButtonCountsAsConsent() {
        harness.handover(harness.resident(AMINA, "Amina", HandoverTrigger.ASKED_FOR_PERSON, List.of("wonen"), List.of()));
        long caseId = harness.onlyCaseId();

        harness.residentSays(AMINA, "Ja hoor!");

        assertThat(harness.caseColumn(caseId, "status")).isEqualTo("queued");
        assertThat(harness.chat(GROUP)).hasSize(1);
    }

    @Test
    void consentPostsOneCaseMessageWithTheSummaryInTheTeamsGroup() {
        harness.handover(harness.resident(AMINA, "Amina", HandoverTrigger.ASKED_FOR_PERSON, List.of("wonen", "geld"),
                List.of("huurteam", "schuldhulp")));
        long caseId = harness.onlyCaseId();

        harness.residentPresses(AMINA, "consent:yes:" + caseId);

        List<HandoverHarness.Shown> group = harness.chat(GROUP);
        assertThat(group).hasSize(1);
        HandoverHarness.Shown card = group.get(0);
        assertThat(card.text())
                .startsWith("🟡 Nieuwe zaak · Zaak " + caseId + " · Buurtteam Noord")
                .contains("Reden: vraagt om een mens", "Bewoner: Amina", "Levensgebieden: wonen, geld", "Wijk: Noord",
                        "• huurteam: zocht iets anders", "• schuldhulp: geen reactie",
                        "Bewoner: ik krijg een brief van de deurwaarder", "Status: wacht op oppakken");
        assertThat(card.hasButton("case:claim:" + caseId)).isTrue();
        assertThat(card.hasButton("case:details:" + caseId)).isTrue();
        assertThat(harness.lastText(AMINA)).startsWith("Ik heb je vraag doorgezet naar Buurtteam Noord.");
        assertThat(harness.audit(caseId)).containsExactly("resident:1 case.open", "resident:1 case.consent");
    }

    @Test
    void crisisGoesToTheTeamAtOnceMarkedUrgentAndPingsEveryWorker() {
        harness.handover(harness.resident(AMINA, "Amina", HandoverTrigger.CRISIS, List.of("psychische-gezondheid"), List.of()));
        long caseId = harness.onlyCaseId();

        assertThat(harness.chat(AMINA)).extracting(HandoverHarness.Shown::text).noneMatch(text -> text.startsWith("Mag een"));
        assertThat(harness.texts(AMINA)).anyMatch(text -> text.contains("met spoed") && text.contains("112"));
        assertThat(harness.chat(GROUP).get(0).text()).startsWith("🔴 SPOED · Zaak " + caseId).contains("Reden: crisis");
        assertThat(harness.lastText(SANNE)).contains("Spoedzaak " + caseId);
        assertThat(harness.lastText(AHMED)).contains("Spoedzaak " + caseId);
        assertThat(harness.caseColumn(caseId, "consent")).isEqualTo("not_asked");
    }

    @Test
    void claimEditsTheCaseMessageAndTellsTheResidentWhoReadsAlong() {
        long caseId = queuedCase(AMINA, "Amina");

        harness.pressInGroup(GROUP, SANNE, "case:claim:" + caseId);

        List<HandoverHarness.Shown> group = harness.chat(GROUP);
        assertThat(group).hasSize(1);
        assertThat(group.get(0).text()).contains("Status: opgepakt door Sanne");
        assertThat(group.get(0).hasButton("case:claim:" + caseId)).isFalse();
        assertThat(harness.lastText(AMINA)).isEqualTo("Je praat nu met Sanne van Buurtteam Noord. Sanne leest je berichten en antwoordt hier.");
        assertThat(harness.texts(SANNE)).anyMatch(text -> text.startsWith("Je hebt zaak " + caseId))
                .anyMatch(text -> text.startsWith("Zaak " + caseId + ": de hele geschiedenis") && text.contains("deurwaarder"));
        assertThat(harness.audit(caseId)).contains(harness.workerActor(SANNE) + " case.claim", harness.workerActor(SANNE) + " case.view");
    }

    @Test
    void twoWorkersPressingAtOnceGiveOneOwnerAndTheOtherHearsWhoHasIt() throws Exception {
        long caseId = queuedCase(AMINA, "Amina");
        CountDownLatch ready = new CountDownLatch(2);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pressers = Executors.newFixedThreadPool(2);
        try {
            List<Future<Object>> presses = List.of(SANNE, AHMED).stream().map(worker -> pressers.submit(() -> {
                ready.countDown();
                go.await();
                harness.pressInGroup(GROUP, worker, "case:claim:" + caseId);
                return (Object) worker;
            })).toList();
            ready.await();
            go.countDown();
            for (Future<Object> press : presses) {
                press.get(10, TimeUnit.SECONDS);
            }
        } finally {
            pressers.shutdownNow();
        }

        String owner = harness.workerNameOf(caseId);
        String loser = "Sanne".equals(owner) ? AHMED : SANNE;
        assertThat(owner).isIn("Sanne", "Ahmed");
        assertThat(harness.lastText(loser)).isEqualTo("Zaak " + caseId + " is al opgepakt door " + owner + ".");
        assertThat(harness.audit(caseId)).filteredOn(row -> row.endsWith("case.claim")).hasSize(1);
        assertThat(harness.texts(AMINA)).filteredOn(text -> text.startsWith("Je praat nu met")).hasSize(1);
    }

    @Test
    void someoneWhoIsNoWorkerOfTheTeamCannotClaimNorUseWorkerCommands() {
        long caseId = queuedCase(AMINA, "Amina");

        harness.pressInGroup(GROUP, STRANGER, "case:claim:" + caseId);
        harness.workerSays(STRANGER, "/zaken");

        assertThat(harness.lastText(GROUP)).isEqualTo("Alleen medewerkers van Buurtteam Noord kunnen zaak " + caseId + " oppakken.");
        assertThat(harness.lastText(STRANGER)).isEqualTo("Deze opdracht is alleen voor medewerkers van het Luisterloket.");
        assertThat(harness.caseColumn(caseId, "status")).isEqualTo("queued");
        assertThat(harness.audit(caseId)).contains("telegram:" + STRANGER + " case.claim.refused");
    }

    @Test
    void aWorkerWhoseRoleWasRevokedInTheDatabaseIsRefusedAtOnce() {
        long caseId = queuedCase(AMINA, "Amina");
        StaffDirectory staff = harness.injector.getInstance(StaffDirectory.class);
        harness.database.inTransaction(transaction -> {
            staff.revoke(transaction, staff.find(transaction, AHMED).orElseThrow().id(), Role.WORKER, "Buurtteam Noord");
            return null;
        });

        harness.pressInGroup(GROUP, AHMED, "case:claim:" + caseId);

        assertThat(harness.caseColumn(caseId, "status")).isEqualTo("queued");
        assertThat(harness.lastText(GROUP)).startsWith("Alleen medewerkers van Buurtteam Noord");
    }

    @Test
    void theClaimCapPerWorkerHolds() {
        long first = queuedCase(AMINA, "Amina");
        long second = queuedCase(BRAM, "Bram");
        long third = queuedCase("9003", "Cem");

        harness.pressInGroup(GROUP, SANNE, "case:claim:" + first);
        harness.pressInGroup(GROUP, SANNE, "case:claim:" + second);
        harness.pressInGroup(GROUP, SANNE, "case:claim:" + third);

        assertThat(harness.caseColumn(third, "status")).isEqualTo("queued");
        assertThat(harness.lastText(SANNE)).isEqualTo("Je hebt al 2 open zaken. Sluit er een of draag er een over voordat je een nieuwe oppakt.");
    }

    @Test
    void messagesRelayBothWaysForAWorkerWithTwoCases() {
        long aminaCase = queuedCase(AMINA, "Amina");
        long bramCase = queuedCase(BRAM, "Bram");
        harness.pressInGroup(GROUP, SANNE, "case:claim:" + aminaCase);
        harness.pressInGroup(GROUP, SANNE, "case:claim:" + bramCase);

        harness.residentSays(AMINA, "ben je daar?");
        harness.residentSays(BRAM, "hoi");
        HandoverHarness.Shown fromAmina = harness.chat(SANNE).stream()
                .filter(shown -> shown.text().equals("💬 Zaak " + aminaCase + " · Amina: ben je daar?")).findFirst().orElseThrow();
        assertThat(harness.lastText(SANNE)).isEqualTo("💬 Zaak " + bramCase + " · Bram: hoi");

        harness.workerSaysReplyingTo(SANNE, "Ja Amina, ik lees mee.", fromAmina.messageId());
        assertThat(harness.lastText(AMINA)).isEqualTo("Sanne: Ja Amina, ik lees mee.");
        assertThat(harness.texts(BRAM)).noneMatch(text -> text.contains("ik lees mee"));

        harness.workerSays(SANNE, "/zaak " + bramCase);
        harness.workerSays(SANNE, "Hoi Bram!");
        assertThat(harness.lastText(BRAM)).isEqualTo("Sanne: Hoi Bram!");

        harness.residentSendsPhoto(AMINA, "de brief", "photo-file-1");
        HandoverHarness.Shown photo = harness.chat(SANNE).get(harness.chat(SANNE).size() - 1);
        assertThat(photo.attachmentId()).isEqualTo("photo-file-1");
        assertThat(photo.text()).isEqualTo("💬 Zaak " + aminaCase + " · Amina: de brief");
        assertThat(harness.caseColumn(aminaCase, "first_reply_at")).isNotNull();
    }

    @Test
    void aSharedLocationReachesTheWorkerAsAMapLink() {
        long caseId = queuedCase(AMINA, "Amina");
        harness.pressInGroup(GROUP, SANNE, "case:claim:" + caseId);

        harness.router.handle(new IncomingMessage(HandoverHarness.residentChat(AMINA), new Author(AMINA, "Amina", "nl"),
                nl.luisterloket.bot.channel.MessageKind.LOCATION, "", null, null, new nl.luisterloket.bot.channel.GeoPoint(52.37, 4.9),
                null, null, null, true, harness.clock.instant()));

        assertThat(harness.lastText(SANNE)).isEqualTo("💬 Zaak " + caseId
                + " · Amina: 📍 deelt een locatie: https://www.openstreetmap.org/?mlat=52.37000&mlon=4.90000");
    }

    @Test
    void writingWhileTheCaseWaitsIsNeverMetWithSilenceAndACrisisGetsTheEmergencyNumbersAtOnce() {
        long caseId = queuedCase(AMINA, "Amina");
        int pingsBefore = harness.texts(SANNE).size();

        harness.residentSays(AMINA, "wanneer belt er iemand?");

        assertThat(harness.lastText(AMINA)).startsWith("Ik heb je bericht bij je vraag gezet voor Buurtteam Noord.");
        assertThat(harness.caseColumn(caseId, "status")).isEqualTo("queued");

        harness.residentSays(AMINA, "ik wil niet meer leven");

        assertThat(harness.lastText(AMINA)).contains("met spoed").contains("112").contains("113");
        assertThat(harness.texts(SANNE).size()).as("the workers are pinged again").isGreaterThan(pingsBefore);
        assertThat(harness.chat(GROUP).get(0).text()).as("the case card").contains("ik wil niet meer leven");
    }

    @Test
    void writingAgainWhileTheWorkerIsGoneReopensIntoTheQueue() {
        long caseId = queuedCase(AMINA, "Amina");
        harness.pressInGroup(GROUP, SANNE, "case:claim:" + caseId);
        harness.workerSays(SANNE, "/sluiten");
        StaffDirectory staff = harness.injector.getInstance(StaffDirectory.class);
        harness.database.inTransaction(transaction -> {
            staff.deactivate(transaction, staff.find(transaction, SANNE).orElseThrow().id());
            return null;
        });

        harness.residentSays(AMINA, "ik heb nog een vraag");

        assertThat(harness.caseColumn(caseId, "status")).isEqualTo("queued");
        assertThat(harness.lastText(AMINA)).startsWith("Ik heb je vraag doorgezet naar Buurtteam Noord.");
        assertThat(harness.chat(GROUP).get(harness.chat(GROUP).size() - 1).text()).contains("Bewoner: ik heb nog een vraag");
    }

    @Test
    void aWorkersTextGoesToTheirOnlyOpenCaseWhenTheChosenOneWasClosed() {
        long aminaCase = queuedCase(AMINA, "Amina");
        long bramCase = queuedCase(BRAM, "Bram");
        harness.pressInGroup(GROUP, SANNE, "case:claim:" + aminaCase);
        harness.pressInGroup(GROUP, SANNE, "case:claim:" + bramCase);
        harness.workerSays(SANNE, "/sluiten");
        harness.residentSays(AMINA, "nog iets");

        harness.workerSays(SANNE, "Voor wie is dit?");

        // Bram's case (the focus) was closed; Amina's is the only one left, so it goes there
        assertThat(harness.lastText(AMINA)).isEqualTo("Sanne: Voor wie is dit?");
    }

    @Test
    void notesStayInternalAndTransferMovesTheCaseToAColleague() {
        long caseId = queuedCase(AMINA, "Amina");
        harness.pressInGroup(GROUP, SANNE, "case:claim:" + caseId);

        harness.workerSays(SANNE, "/notitie spreekt weinig Nederlands, liever Engels");
        harness.workerSays(SANNE, "/overdragen " + caseId + " ahmed");

        assertThat(harness.texts(AMINA)).noneMatch(text -> text.contains("Engels"));
        assertThat(harness.workerNameOf(caseId)).isEqualTo("Ahmed");
        assertThat(harness.lastText(AMINA)).startsWith("Je praat nu met Ahmed van Buurtteam Noord.");
        assertThat(harness.texts(AHMED)).anyMatch(text -> text.equals("Sanne heeft zaak " + caseId + " aan je overgedragen."))
                .anyMatch(text -> text.contains("Notities:") && text.contains("• Sanne: spreekt weinig Nederlands, liever Engels"));
        assertThat(harness.chat(GROUP).get(0).text()).contains("Status: opgepakt door Ahmed");
        String sanne = harness.workerActor(SANNE);
        assertThat(harness.audit(caseId)).contains(sanne + " case.note", sanne + " case.transfer");
    }

    @Test
    void putBackInTheQueueIsPostedAgainAndTheResidentKnows() {
        long caseId = queuedCase(AMINA, "Amina");
        harness.pressInGroup(GROUP, SANNE, "case:claim:" + caseId);

        harness.workerSays(SANNE, "/terugzetten ik ben ziek");

        assertThat(harness.caseColumn(caseId, "status")).isEqualTo("queued");
        assertThat(harness.lastText(AMINA)).startsWith("Sanne kan even niet verder met je gesprek.");
        List<HandoverHarness.Shown> group = harness.chat(GROUP);
        assertThat(group).hasSize(2);
        assertThat(group.get(0).text()).isEqualTo("Zaak " + caseId + " is hieronder opnieuw geplaatst.");
        assertThat(group.get(1).hasButton("case:claim:" + caseId)).isTrue();
    }

    @Test
    void closingSaysGoodbyeAsksWasDitFijnAndGivesTheResidentBackToTheBot() {
        long caseId = queuedCase(AMINA, "Amina");
        harness.pressInGroup(GROUP, SANNE, "case:claim:" + caseId);

        harness.workerSays(SANNE, "/sluiten afspraak bij schuldhulp gemaakt");

        List<HandoverHarness.Shown> amina = harness.chat(AMINA);
        assertThat(amina.get(amina.size() - 2).text()).startsWith("Sanne heeft het gesprek afgesloten. Je praat nu weer met de Luisterloket-bot");
        HandoverHarness.Shown question = amina.get(amina.size() - 1);
        assertThat(question.text()).isEqualTo("Was dit fijn?");
        assertThat(question.hasButton("feedback:yes:" + caseId)).isTrue();
        assertThat(harness.chat(GROUP).get(0).text()).contains("Status: gesloten (afspraak bij schuldhulp gemaakt)");
        assertThat(harness.hasOpenCase(1)).isFalse();

        harness.residentPresses(AMINA, "feedback:yes:" + caseId);

        assertThat(harness.caseColumn(caseId, "resident_feedback")).isEqualTo("yes");
        assertThat(harness.lastText(AMINA)).isEqualTo("Dank je wel voor je antwoord.");
        assertThat(harness.audit(caseId)).contains(harness.workerActor(SANNE) + " case.close");
    }

    @Test
    void writingAgainWithinTheWindowReopensWithTheSameWorker() {
        long caseId = queuedCase(AMINA, "Amina");
        harness.pressInGroup(GROUP, SANNE, "case:claim:" + caseId);
        harness.workerSays(SANNE, "/sluiten");
        harness.clock.advance(java.time.Duration.ofDays(2));

        harness.residentSays(AMINA, "de deurwaarder belde weer");

        assertThat(harness.caseColumn(caseId, "status")).isEqualTo("claimed");
        assertThat(harness.workerNameOf(caseId)).isEqualTo("Sanne");
        assertThat(harness.texts(SANNE)).contains("Zaak " + caseId + " is heropend: de bewoner schreef opnieuw.",
                "💬 Zaak " + caseId + " · Amina: de deurwaarder belde weer");
        assertThat(harness.lastText(AMINA)).isEqualTo("Ik heb je bericht doorgestuurd naar Sanne van Buurtteam Noord.");
        assertThat(harness.audit(caseId)).contains("resident:1 case.reopen");
    }

    @Test
    void writingAgainAfterTheWindowGoesToTheBot() {
        long caseId = queuedCase(AMINA, "Amina");
        harness.pressInGroup(GROUP, SANNE, "case:claim:" + caseId);
        harness.workerSays(SANNE, "/sluiten");
        harness.clock.advance(java.time.Duration.ofDays(8));

        harness.residentSays(AMINA, "nieuwe vraag");

        assertThat(harness.caseColumn(caseId, "status")).isEqualTo("closed");
        assertThat(harness.texts(SANNE)).noneMatch(text -> text.contains("nieuwe vraag"));
    }

    @Test
    void whileQueuedTheResidentsNewMessagesShowOnTheCardAndTheResidentHearsTheyArrived() {
        long caseId = queuedCase(AMINA, "Amina");
        int before = harness.chat(AMINA).size();

        harness.residentSays(AMINA, "het is echt dringend");

        assertThat(harness.chat(AMINA)).hasSize(before + 1);
        assertThat(harness.lastText(AMINA)).startsWith("Ik heb je bericht bij je vraag gezet voor Buurtteam Noord.");
        assertThat(harness.chat(GROUP)).hasSize(1);
        assertThat(harness.chat(GROUP).get(0).text()).contains("Bewoner: het is echt dringend");
        assertThat(harness.caseColumn(caseId, "status")).isEqualTo("queued");
    }

    @Test
    void zakenListsOwnCasesAndWhatWaits() {
        long aminaCase = queuedCase(AMINA, "Amina");
        long bramCase = queuedCase(BRAM, "Bram");
        harness.pressInGroup(GROUP, SANNE, "case:claim:" + aminaCase);

        harness.workerSays(SANNE, "/zaken");

        assertThat(harness.lastText(SANNE)).contains("Jouw zaken:", "zaak " + aminaCase + " · Amina · opgepakt door Sanne",
                "Wachtend bij Buurtteam Noord:", "zaak " + bramCase + " · Bram · wacht op oppakken");
    }

    @Test
    void detailsButtonSendsTheHistoryPrivatelyAndIsAudited() {
        long caseId = queuedCase(AMINA, "Amina");

        harness.pressInGroup(GROUP, AHMED, "case:details:" + caseId);

        assertThat(harness.lastText(AHMED)).startsWith("Zaak " + caseId + ": de hele geschiedenis").contains("deurwaarder");
        assertThat(harness.audit(caseId)).contains(harness.workerActor(AHMED) + " case.view");
    }

    @Test
    void aClaimedCaseHistoryIsOnlyForTheWorkerWhoHoldsItAndRefusalsAreAudited() {
        long caseId = queuedCase(AMINA, "Amina");
        harness.pressInGroup(GROUP, SANNE, "case:claim:" + caseId);

        harness.pressInGroup(GROUP, AHMED, "case:details:" + caseId);

        assertThat(harness.texts(AHMED)).noneMatch(text -> text.contains("deurwaarder"));
        assertThat(harness.lastText(AHMED)).contains("opgepakt door een collega");
        assertThat(harness.audit(caseId)).contains(harness.workerActor(AHMED) + " case.view.refused");
    }

    @Test
    void groepidInAnyGroupTellsTheChatIdNeededToConfigureATeam() {
        harness.saysInTopic("-100777", STRANGER, null, "/groepid@LuisterBot");

        assertThat(harness.lastText("-100777")).startsWith("De chat id van deze groep is -100777.");
    }

    private long queuedCase(String chatId, String firstName) {
        harness.handover(harness.resident(chatId, firstName, HandoverTrigger.ASKED_FOR_PERSON, List.of("wonen"), List.of("huurteam")));
        long caseId = harness.onlyCaseId();
        harness.residentPresses(chatId, "consent:yes:" + caseId);
        return caseId;
    }
}
