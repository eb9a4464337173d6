package nl.luisterloket.bot.handover;

import static nl.luisterloket.bot.handover.HandoverHarness.AHMED;
import static nl.luisterloket.bot.handover.HandoverHarness.GROUP;
import static nl.luisterloket.bot.handover.HandoverHarness.MONEY_GROUP;
import static nl.luisterloket.bot.handover.HandoverHarness.SANNE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.luisterloket.bot.access.AccessSettings.StaffSeed;
import nl.luisterloket.bot.storage.QueryPlan;

/** Cases that wait: re-posts, urgent re-pings, silent claims, working hours, and which team gets what. */
class HandoverTimingTest {

    private static final String AMINA = "9001";

    @TempDir
    Path directory;

    @Test
    void anUnclaimedCaseIsPostedAgainMarkedAsWaiting() {
        try (HandoverHarness harness = new HandoverHarness(directory, HandoverHarness.oneTeam(false))) {
            long caseId = queuedCase(harness, List.of("wonen"));

            harness.clock.advance(Duration.ofMinutes(14));
            harness.timers.runOnce();
            assertThat(harness.chat(GROUP)).hasSize(1);

            harness.clock.advance(Duration.ofMinutes(2));
            harness.timers.runOnce();

            List<HandoverHarness.Shown> group = harness.chat(GROUP);
            assertThat(group).hasSize(2);
            assertThat(group.get(0).text()).isEqualTo("Zaak " + caseId + " is hieronder opnieuw geplaatst.");
            assertThat(group.get(0).buttons()).isEmpty();
            assertThat(group.get(1).text()).startsWith("🟡 Nieuwe zaak · ⏰ wacht al 16 min · Zaak " + caseId);
            assertThat(group.get(1).hasButton("case:claim:" + caseId)).isTrue();
            assertThat(harness.audit(caseId)).contains("system case.repost");

            harness.pressInGroup(GROUP, SANNE, "case:claim:" + caseId);
            assertThat(harness.chat(GROUP).get(1).text()).contains("Status: opgepakt door Sanne");
        }
    }

    @Test
    void anUrgentCasePingsTheTeamAgainAfterAFewMinutes() {
        try (HandoverHarness harness = new HandoverHarness(directory, HandoverHarness.oneTeam(false))) {
            harness.handover(harness.resident(AMINA, "Amina", HandoverTrigger.CRISIS, List.of(), List.of()));
            long caseId = harness.onlyCaseId();
            int pingsAtOnce = pings(harness, SANNE, caseId);

            harness.clock.advance(Duration.ofMinutes(5));
            harness.timers.runOnce();

            assertThat(pingsAtOnce).isEqualTo(1);
            assertThat(pings(harness, SANNE, caseId)).isEqualTo(2);
            assertThat(pings(harness, AHMED, caseId)).isEqualTo(2);
            assertThat(harness.audit(caseId)).contains("system case.ping");
        }
    }

    @Test
    void aClaimedCaseWhoseWorkerStaysSilentGoesBackToTheQueue() {
        try (HandoverHarness harness = new HandoverHarness(directory, HandoverHarness.oneTeam(false))) {
            long caseId = queuedCase(harness, List.of("wonen"));
            harness.pressInGroup(GROUP, SANNE, "case:claim:" + caseId);

            harness.clock.advance(Duration.ofMinutes(59));
            harness.timers.runOnce();
            assertThat(harness.caseColumn(caseId, "status")).isEqualTo("claimed");

            harness.clock.advance(Duration.ofMinutes(2));
            harness.timers.runOnce();

            assertThat(harness.caseColumn(caseId, "status")).isEqualTo("queued");
            assertThat(harness.caseColumn(caseId, "worker_id")).isNull();
            assertThat(harness.lastText(SANNE)).isEqualTo("Zaak " + caseId + " staat weer in de wachtrij: je reageerde 60 minuten niet naar de bewoner.");
            assertThat(harness.lastText(AMINA)).startsWith("Sanne kan even niet verder met je gesprek.");
            assertThat(harness.chat(GROUP).get(harness.chat(GROUP).size() - 1).hasButton("case:claim:" + caseId)).isTrue();
            assertThat(harness.audit(caseId)).contains("system case.requeue");
        }
    }

    @Test
    void aWorkerWhoRepliedKeepsTheCase() {
        try (HandoverHarness harness = new HandoverHarness(directory, HandoverHarness.oneTeam(false))) {
            long caseId = queuedCase(harness, List.of("wonen"));
            harness.pressInGroup(GROUP, SANNE, "case:claim:" + caseId);
            harness.clock.advance(Duration.ofMinutes(10));
            harness.workerSays(SANNE, "Hallo, ik ben Sanne.");

            harness.clock.advance(Duration.ofHours(3));
            harness.timers.runOnce();

            assertThat(harness.caseColumn(caseId, "status")).isEqualTo("claimed");
        }
    }

    @Test
    void aCaseGoesToTheTeamOfItsMainLifeDomainElseTheDefaultTeam() {
        try (HandoverHarness harness = new HandoverHarness(directory, HandoverHarness.twoTeams())) {
            long money = queuedCase(harness, List.of("geld", "wonen"));
            harness.handover(harness.resident("9002", "Bram", HandoverTrigger.COMPLEX, List.of("eten"), List.of()));
            long food = harness.onlyCaseId();
            harness.residentPresses("9002", "consent:yes:" + food);

            assertThat(harness.caseColumn(money, "team")).isEqualTo("Geldloket");
            assertThat(harness.chat(MONEY_GROUP)).hasSize(1);
            assertThat(harness.caseColumn(food, "team")).isEqualTo("Buurtteam Noord");
            assertThat(harness.chat(GROUP)).hasSize(1);
            assertThat(harness.chat(GROUP).get(0).text()).contains("Reden: meerdere levensgebieden");
        }
    }

    @Test
    void afterHoursTheResidentHearsWhenAPersonReadsItAndWhomToCallNow() {
        try (HandoverHarness harness = new HandoverHarness(directory, HandoverHarness.twoTeams())) {
            harness.clock.set(Instant.parse("2026-11-28T11:00:00Z")); // Saturday, 12:00 in Amsterdam
            long caseId = queuedCase(harness, List.of("geld"));

            assertThat(harness.lastText(AMINA)).isEqualTo("Het is nu buiten de werktijden van Geldloket. Een mens leest je bericht vanaf"
                    + " maandag 30 november, 09:00. Heb je nu hulp nodig? Bel 112 bij gevaar, of 113 (gratis: 0800-0113) als je aan"
                    + " zelfdoding denkt.");

            harness.clock.advance(Duration.ofHours(2));
            harness.timers.runOnce();
            assertThat(harness.chat(MONEY_GROUP)).hasSize(1);

            harness.clock.set(Instant.parse("2026-11-30T08:01:00Z")); // Monday 09:01
            harness.timers.runOnce();
            assertThat(harness.chat(MONEY_GROUP)).hasSize(2);
            assertThat(harness.caseColumn(caseId, "post_count")).isEqualTo("2");
        }
    }

    @Test
    void withinWorkingHoursNothingIsSaidAboutHours() {
        try (HandoverHarness harness = new HandoverHarness(directory, HandoverHarness.twoTeams())) {
            queuedCase(harness, List.of("geld"));

            assertThat(harness.texts(AMINA)).noneMatch(text -> text.contains("werktijden"));
        }
    }

    /**
     * The timers look for due cases on a read connection: a pass that finds nothing due finishes while a resident's
     * message holds the write lock, instead of holding up every message while it looks through the waiting cases.
     */
    @Test
    void aPassThatFindsNothingDueDoesNotWaitForTheWriter() throws InterruptedException {
        try (HandoverHarness harness = new HandoverHarness(directory, HandoverHarness.oneTeam(false))) {
            queuedCase(harness, List.of("wonen"));
            harness.clock.advance(Duration.ofMinutes(5));
            passWhileAMessageHoldsTheWriteLock(harness);

            harness.clock.advance(Duration.ofMinutes(11));
            harness.timers.runOnce();
            assertThat(harness.chat(GROUP)).hasSize(2);
        }
    }

    /** A team without a group has nowhere to post a case again: a pass does not even take the write lock for it. */
    @Test
    void aTeamWithoutAGroupGetsNoRepostAndThePassWritesNothing() throws InterruptedException {
        HandoverSettings noGroup = new HandoverSettings(List.of(new TeamSettings("Buurtteam Noord", null, false,
                List.of(new StaffSeed(SANNE, "Sanne")), List.of(), List.of("wonen"))), null, 2, 15, 5, 60, 7);
        try (HandoverHarness harness = new HandoverHarness(directory, noGroup)) {
            long caseId = queuedCase(harness, List.of("wonen"));
            harness.clock.advance(Duration.ofMinutes(16));
            passWhileAMessageHoldsTheWriteLock(harness);
            assertThat(harness.audit(caseId)).doesNotContain("system case.repost");
            assertThat(harness.caseColumn(caseId, "status")).isEqualTo("queued");
        }
    }

    @Test
    void aConsentQuestionLeftUnansweredForADayIsWithdrawn() {
        try (HandoverHarness harness = new HandoverHarness(directory, HandoverHarness.oneTeam(false))) {
            harness.handover(harness.resident(AMINA, "Amina", HandoverTrigger.ASKED_FOR_PERSON, List.of("wonen"), List.of()));
            long caseId = harness.onlyCaseId();

            harness.clock.advance(Duration.ofHours(24).minusMinutes(1));
            harness.timers.runOnce();
            assertThat(harness.caseColumn(caseId, "status")).isEqualTo("awaiting_consent");

            harness.clock.advance(Duration.ofMinutes(1));
            harness.timers.runOnce();
            assertThat(harness.caseColumn(caseId, "status")).isEqualTo("closed");
            assertThat(harness.caseColumn(caseId, "outcome")).isEqualTo("consent_unanswered");
            assertThat(harness.audit(caseId)).contains("system case.withdraw");
        }
    }

    /** The timers' look-up searches the status index for each kind of wait; it never reads every case. */
    @Test
    void theLookUpForDueCasesUsesTheStatusIndex() {
        try (HandoverHarness harness = new HandoverHarness(directory, HandoverHarness.oneTeam(false))) {
            List<String> plan = QueryPlan.of(harness.database, CaseStore.TIMER_CANDIDATES, "2026-01-01T00:00:00");
            assertThat(plan).filteredOn(step -> step.contains("cases")).hasSize(4)
                    .allMatch(step -> step.startsWith("SEARCH cases USING INDEX cases_by_status"));
        }
    }

    /** Runs a timer pass while another thread holds the write lock: it fails unless the pass needs no write. */
    private static void passWhileAMessageHoldsTheWriteLock(HandoverHarness harness) throws InterruptedException {
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        Thread writer = new Thread(() -> harness.database.inTransaction(transaction -> {
            writing.countDown();
            try {
                done.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        writer.start();
        writing.await();
        try {
            assertTimeoutPreemptively(Duration.ofSeconds(5), harness.timers::runOnce);
        } finally {
            done.countDown();
            writer.join();
        }
    }

    private static long queuedCase(HandoverHarness harness, List<String> domains) {
        harness.handover(harness.resident(AMINA, "Amina", HandoverTrigger.ASKED_FOR_PERSON, domains, List.of()));
        long caseId = harness.onlyCaseId();
        harness.residentPresses(AMINA, "consent:yes:" + caseId);
        return caseId;
    }

    private static int pings(HandoverHarness harness, String worker, long caseId) {
        return (int) harness.texts(worker).stream().filter(text -> text.startsWith("🔴 Spoedzaak " + caseId)).count();
    }
}
