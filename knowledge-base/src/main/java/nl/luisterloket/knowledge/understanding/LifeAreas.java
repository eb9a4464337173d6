package nl.luisterloket.knowledge.understanding;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Groups the categories into the life areas a frontline worker looks across when counting "several problems at
 * once". Categories that are one need seen from two sides count once: no money for food or for the energy bill
 * is one money problem, not three; a frail parent needing care is health.
 */
final class LifeAreas {

    private static final Map<String, String> AREA_OF_CATEGORY = Map.ofEntries(
            Map.entry("geld", "money"),
            Map.entry("eten", "money"),
            Map.entry("energie", "money"),
            Map.entry("werk-inkomen", "work"),
            Map.entry("wonen", "housing"),
            Map.entry("buurt", "housing"),
            Map.entry("gezondheid", "health"),
            Map.entry("zorg", "health"),
            Map.entry("ouderen", "health"),
            Map.entry("psychische-gezondheid", "mind"),
            Map.entry("jeugd-gezin", "family"),
            Map.entry("onderwijs-taal", "learning"),
            Map.entry("nieuwkomers", "learning"),
            Map.entry("veiligheid", "safety"),
            Map.entry("juridisch", "safety"),
            Map.entry("sociaal-contact", "social"),
            Map.entry("digitaal", "digital"));

    private LifeAreas() {
    }

    static int count(Set<String> categories) {
        return categories.stream().map(category -> AREA_OF_CATEGORY.getOrDefault(category, category))
                .collect(Collectors.toSet()).size();
    }
}
