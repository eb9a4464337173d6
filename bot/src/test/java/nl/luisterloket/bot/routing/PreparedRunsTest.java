package nl.luisterloket.bot.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import nl.luisterloket.bot.channel.Author;
import nl.luisterloket.bot.channel.ChatAddress;
import nl.luisterloket.bot.channel.IncomingMessage;
import nl.luisterloket.bot.channel.IncomingMessageHandler;

class PreparedRunsTest {

    /** A received item: a message of a chat, or (message null) something that belongs to no chat. */
    private record Item(String name, IncomingMessage message) {

        Object chat() {
            return message == null ? null : message.chat();
        }
    }

    private final CountDownLatch slowMayFinish = new CountDownLatch(1);
    private final InOrderWithPreparation inOrder = new InOrderWithPreparation(new IncomingMessageHandler() {
        @Override
        public void handle(IncomingMessage message) {
        }

        @Override
        public void prepare(IncomingMessage message) {
            if (message.text().startsWith("lang verhaal")) {
                try {
                    slowMayFinish.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    });

    @AfterEach
    void stop() throws InterruptedException {
        slowMayFinish.countDown();
        inOrder.stop();
    }

    @Test
    void quickPreparationsGoInArrivalOrder() throws InterruptedException {
        PreparedRuns<Item> runs = runs(Duration.ofSeconds(5), message("a", "hoi"), message("b", "schulden"), nothing("n"),
                message("a", "huur"), message("c", "dank je"));

        assertThat(allNames(runs)).containsExactly("a:hoi", "b:schulden", "n", "a:huur", "c:dank je");
    }

    @Test
    void aLateMessageHoldsUpOnlyItsOwnChat() throws InterruptedException {
        long received = System.nanoTime();
        PreparedRuns<Item> runs = runs(Duration.ofMillis(50), message("a", "lang verhaal over alles"), message("b", "schulden"),
                message("a", "en nog iets"), message("c", "huur"));

        List<String> first = names(runs.next(16));
        long waitedMillis = (System.nanoTime() - received) / 1_000_000;

        assertThat(first).containsExactly("b:schulden", "c:huur");
        assertThat(waitedMillis).as("the other chats waited until the slow one was late").isGreaterThanOrEqualTo(50);
        slowMayFinish.countDown();
        assertThat(allNames(runs)).containsExactly("a:lang verhaal over alles", "a:en nog iets");
    }

    @Test
    void beforeItIsLateASlowMessageKeepsEveryoneInOrder() throws InterruptedException {
        PreparedRuns<Item> runs = runs(Duration.ofSeconds(10), message("a", "lang verhaal over alles"), message("b", "schulden"));
        ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();
        later.schedule(slowMayFinish::countDown, 100, TimeUnit.MILLISECONDS);

        assertThat(allNames(runs)).containsExactly("a:lang verhaal over alles", "b:schulden");
        later.shutdown();
    }

    @Test
    void anItemOfNoChatStaysBehindAHeldBackMessage() throws InterruptedException {
        PreparedRuns<Item> runs = runs(Duration.ofMillis(20), message("a", "lang verhaal over alles"), nothing("n"),
                message("b", "schulden"));

        Thread.sleep(40);
        assertThat(runs.next(16)).isEmpty();
        slowMayFinish.countDown();
        assertThat(allNames(runs)).containsExactly("a:lang verhaal over alles", "n", "b:schulden");
    }

    @Test
    void aRunHoldsAtMostTheMaximum() throws InterruptedException {
        PreparedRuns<Item> runs = runs(Duration.ofSeconds(5), nothing("1"), nothing("2"), nothing("3"));

        assertThat(names(runs.next(2))).containsExactly("1", "2");
        assertThat(names(runs.next(2))).containsExactly("3");
        assertThat(runs.isEmpty()).isTrue();
    }

    private PreparedRuns<Item> runs(Duration late, Item... items) {
        PreparedRuns<Item> runs = new PreparedRuns<>(Item::chat, late);
        for (Item item : items) {
            runs.add(inOrder.ahead(item, Optional.ofNullable(item.message())));
        }
        return runs;
    }

    /** Every item, run after run, in the order handed out. */
    private static List<String> allNames(PreparedRuns<Item> runs) throws InterruptedException {
        List<String> names = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!runs.isEmpty() && System.nanoTime() < deadline) {
            names.addAll(names(runs.next(16)));
        }
        return names;
    }

    private static List<String> names(List<Item> items) {
        return items.stream().map(Item::name).toList();
    }

    private static Item message(String chat, String text) {
        return new Item(chat + ":" + text, IncomingMessage.text(new ChatAddress("test", chat), new Author(chat, "Test", "nl"), text,
                Instant.parse("2026-11-29T09:00:00Z")));
    }

    private static Item nothing(String name) {
        return new Item(name, null);
    }
}
