package nl.luisterloket.bot.channel;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The texts of one feature's message bundle ({@code messages/<feature>_<lang>.properties}, UTF-8).
 * Placeholders are positional, {@code {0}}, {@code {1}} …, replaced literally (no MessageFormat
 * quoting rules, so apostrophes in Dutch and English need no escaping).
 */
public final class Messages {

    private final String bundleName;
    private final String defaultLanguage;
    /** Looking a bundle up in the JDK's cache every time was a sixth of the message writer's work. */
    private final Map<String, ResourceBundle> bundles = new ConcurrentHashMap<>();

    public Messages(String feature, String defaultLanguage) {
        this.bundleName = "messages/" + requireNonNull(feature, "feature is null");
        this.defaultLanguage = requireNonNull(defaultLanguage, "defaultLanguage is null");
    }

    /** The text for {@code key} in {@code language} (falling back to the default language), with placeholders filled. */
    public String text(String language, String key, Object... arguments) {
        String template = template(language == null ? defaultLanguage : language, key);
        for (int index = 0; index < arguments.length; index++) {
            template = template.replace("{" + index + "}", String.valueOf(arguments[index]));
        }
        return template;
    }

    public boolean has(String language, String key) {
        try {
            bundle(language).getString(key);
            return true;
        } catch (MissingResourceException e) {
            return false;
        }
    }

    private String template(String language, String key) {
        try {
            return bundle(language).getString(key);
        } catch (MissingResourceException e) {
            return bundle(defaultLanguage).getString(key);
        }
    }

    private ResourceBundle bundle(String language) {
        // a missing bundle throws out of computeIfAbsent and is not kept, so an unknown language keeps failing as before
        return bundles.computeIfAbsent(language, key -> ResourceBundle.getBundle(bundleName, Locale.forLanguageTag(key),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
    }
}
