package nl.luisterloket.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pengrad.telegrambot.utility.BotUtils;

import nl.luisterloket.bot.channel.GeoPoint;
import nl.luisterloket.bot.channel.IncomingMessage;
import nl.luisterloket.bot.channel.MessageKind;
import nl.luisterloket.bot.telegram.fake.FakeTelegramServer;

class UpdateTranslatorTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FakeTelegramServer fake = FakeTelegramServer.start();
    private final UpdateTranslator translator = new UpdateTranslator();

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void privateTextKeepsAuthorLanguageAndChat() {
        IncomingMessage message = translate(message(fake.privateMessage(1001, "Amira", "en-GB").put("text", "I need help"))).orElseThrow();

        assertThat(message.chat().channel()).isEqualTo("telegram");
        assertThat(message.chat().chatId()).isEqualTo("1001");
        assertThat(message.author().firstName()).isEqualTo("Amira");
        assertThat(message.author().languageCode()).isEqualTo("en-GB");
        assertThat(message.kind()).isEqualTo(MessageKind.TEXT);
        assertThat(message.privateChat()).isTrue();
        assertThat(message.receivedAt()).isEqualTo(NOW);
    }

    @Test
    void commandIsRecognisedWithTheBotName() {
        IncomingMessage message = translate(message(fake.privateMessage(1001, "Amira", "nl").put("text", "/start@LuisterloketBot"))).orElseThrow();

        assertThat(message.kind()).isEqualTo(MessageKind.COMMAND);
        assertThat(message.command()).contains("start");
    }

    @Test
    void groupReplyInAForumTopicKeepsThreadAndReplyTo() {
        ObjectNode group = fake.groupMessage(-100555, 7, "Fatima", 5001L).put("text", "Ik bel je morgen");
        ObjectNode replied = group.putObject("reply_to_message");
        replied.put("message_id", 321).put("date", 1).set("chat", group.get("chat").deepCopy());

        IncomingMessage message = translate(message(group)).orElseThrow();

        assertThat(message.privateChat()).isFalse();
        assertThat(message.chat().chatId()).isEqualTo("-100555");
        assertThat(message.threadId()).isEqualTo("5001");
        assertThat(message.replyToMessageId()).isEqualTo("321");
    }

    @Test
    void messageInATopicThatRepliesToNothingHasNoReplyTo() {
        ObjectNode group = fake.groupMessage(-100555, 7, "Fatima", 5001L).put("text", "Opgepakt");
        ObjectNode topicRoot = group.putObject("reply_to_message");
        topicRoot.put("message_id", 5001).put("date", 1).set("chat", group.get("chat").deepCopy());

        IncomingMessage message = translate(message(group)).orElseThrow();

        assertThat(message.threadId()).isEqualTo("5001");
        assertThat(message.replyToMessageId()).isNull();
    }

    @Test
    void buttonPressCarriesDataIdAndTheMessageItWasUnder() {
        ObjectNode update = JSON.createObjectNode();
        ObjectNode query = update.putObject("callback_query");
        query.put("id", "cbq-1").put("data", "fb:helps").put("chat_instance", "x");
        query.putObject("from").put("id", 1001).put("is_bot", false).put("first_name", "Amira");
        ObjectNode origin = query.putObject("message");
        origin.put("message_id", 44).put("date", 1);
        origin.putObject("chat").put("id", 1001).put("type", "private");

        IncomingMessage message = translate(update).orElseThrow();

        assertThat(message.kind()).isEqualTo(MessageKind.CALLBACK);
        assertThat(message.callbackData()).isEqualTo("fb:helps");
        assertThat(message.callbackId()).isEqualTo("cbq-1");
        assertThat(message.replyToMessageId()).isEqualTo("44");
        assertThat(message.privateChat()).isTrue();
    }

    @Test
    void photoVoiceAndLocationBecomeTheirKindsWithAFileIdThatSaysItsKind() {
        ObjectNode photo = fake.privateMessage(1001, "Amira", "nl");
        photo.putArray("photo").addObject().put("file_id", "small").put("file_unique_id", "s").put("width", 1).put("height", 1);
        ((ArrayNode) photo.get("photo")).addObject()
                .put("file_id", "large").put("file_unique_id", "l").put("width", 9).put("height", 9);
        photo.put("caption", "mijn brief");
        ObjectNode voice = fake.privateMessage(1001, "Amira", "nl");
        voice.putObject("voice").put("file_id", "v1").put("file_unique_id", "v").put("duration", 2);
        ObjectNode location = fake.privateMessage(1001, "Amira", "nl");
        location.putObject("location").put("latitude", 52.37).put("longitude", 4.89);

        IncomingMessage photoMessage = translate(message(photo)).orElseThrow();
        IncomingMessage voiceMessage = translate(message(voice)).orElseThrow();
        IncomingMessage locationMessage = translate(message(location)).orElseThrow();

        assertThat(photoMessage.kind()).isEqualTo(MessageKind.PHOTO);
        assertThat(photoMessage.text()).isEqualTo("mijn brief");
        assertThat(photoMessage.attachmentId()).isEqualTo("photo:large");
        assertThat(voiceMessage.kind()).isEqualTo(MessageKind.VOICE);
        assertThat(voiceMessage.attachmentId()).isEqualTo("voice:v1");
        assertThat(locationMessage.kind()).isEqualTo(MessageKind.LOCATION);
        assertThat(locationMessage.location().metresTo(new GeoPoint(52.37, 4.89))).isLessThan(1.0);
    }

    @Test
    void updatesTheBotDoesNotHandleComeOutEmpty() {
        ObjectNode edited = JSON.createObjectNode();
        edited.set("edited_message", fake.privateMessage(1001, "Amira", "nl").put("text", "oeps"));
        ObjectNode poll = JSON.createObjectNode();
        poll.putObject("poll").put("id", "p").put("question", "?");

        assertThat(translate(edited)).isEmpty();
        assertThat(translate(poll)).isEmpty();
    }

    private ObjectNode message(ObjectNode message) {
        ObjectNode update = JSON.createObjectNode();
        update.set("message", message);
        return update;
    }

    private Optional<IncomingMessage> translate(ObjectNode update) {
        update.put("update_id", 1);
        return translator.translate(BotUtils.parseUpdate(update.toString()), NOW);
    }
}
