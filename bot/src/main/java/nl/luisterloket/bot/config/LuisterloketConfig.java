package nl.luisterloket.bot.config;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;

import nl.luisterloket.bot.access.AccessSettings;
import nl.luisterloket.bot.catalog.KnowledgeBaseSettings;
import nl.luisterloket.bot.conversation.ConversationSettings;
import nl.luisterloket.bot.handover.HandoverSettings;
import nl.luisterloket.bot.http.HttpSettings;
import nl.luisterloket.bot.privacy.PrivacySettings;
import nl.luisterloket.bot.telegram.TelegramSettings;
import nl.luisterloket.knowledge.understanding.MatchingSettings;

/**
 * The whole configuration, as read from {@code config/luisterloket.yml} plus environment overrides.
 * Every section is optional in the file; a missing one takes its defaults.
 */
public record LuisterloketConfig(
        Path dataDirectory,
        ZoneId timeZone,
        String defaultLanguage,
        KnowledgeBaseSettings knowledgeBase,
        MatchingSettings matching,
        TelegramSettings telegram,
        HttpSettings http,
        ConversationSettings conversation,
        HandoverSettings handover,
        PrivacySettings privacy,
        AccessSettings access) {

    public static final Set<String> LANGUAGES = Set.of("nl", "en");

    public LuisterloketConfig {
        dataDirectory = dataDirectory == null ? Path.of("data") : dataDirectory;
        timeZone = timeZone == null ? ZoneId.of("Europe/Amsterdam") : timeZone;
        defaultLanguage = defaultLanguage == null ? "nl" : defaultLanguage.toLowerCase(Locale.ROOT);
        if (!LANGUAGES.contains(defaultLanguage)) {
            throw new IllegalArgumentException("defaultLanguage must be one of " + LANGUAGES + ", not '" + defaultLanguage + "'");
        }
        knowledgeBase = knowledgeBase == null ? KnowledgeBaseSettings.defaults() : knowledgeBase;
        matching = matching == null ? new MatchingSettings(0.5, 0.3, Path.of("config")) : matching;
        telegram = telegram == null ? TelegramSettings.defaults() : telegram;
        http = http == null ? HttpSettings.defaults() : http;
        conversation = conversation == null ? ConversationSettings.defaults() : conversation;
        handover = handover == null ? HandoverSettings.defaults() : handover;
        privacy = privacy == null ? PrivacySettings.defaults() : privacy;
        access = access == null ? AccessSettings.defaults() : access;
    }

    public static LuisterloketConfig defaults() {
        return new LuisterloketConfig(null, null, null, null, null, null, null, null, null, null, null);
    }

    public Path databaseFile() {
        return dataDirectory.resolve("luisterloket.db");
    }
}
