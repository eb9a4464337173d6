package nl.luisterloket.bot.conversation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The {@code conversation:} section.
 *
 * @param idleMinutes           a conversation without messages for this long is closed
 * @param followUpDays          days after an answer before the desk asks once whether it helped
 * @param followUpCheckMinutes  how often the desk looks for follow-ups that are due and idle conversations
 * @param missesBeforeOffer     this many misses in a row (no match, "Iets anders"): offer a person
 * @param operator              who runs the desk, named in the welcome text
 * @param neighbourhoods        the neighbourhood names of the city, recognised in messages
 * @param areas                 neighbourhoods as a centre point and radius, for shared locations
 */
public record ConversationSettings(
        Integer idleMinutes,
        Integer followUpDays,
        Integer followUpCheckMinutes,
        Integer missesBeforeOffer,
        String operator,
        List<String> neighbourhoods,
        List<Area> areas) {

    public ConversationSettings {
        idleMinutes = idleMinutes == null ? 120 : idleMinutes;
        followUpDays = followUpDays == null ? 3 : followUpDays;
        followUpCheckMinutes = followUpCheckMinutes == null ? 5 : followUpCheckMinutes;
        missesBeforeOffer = missesBeforeOffer == null ? 2 : missesBeforeOffer;
        operator = operator == null || operator.isBlank() ? "de buurtteams van Lindestad" : operator.strip();
        neighbourhoods = neighbourhoods == null ? defaultNeighbourhoods() : List.copyOf(neighbourhoods);
        areas = areas == null ? defaultAreas() : List.copyOf(areas);
        atLeast("idleMinutes", idleMinutes, 1);
        atLeast("followUpDays", followUpDays, 1);
        atLeast("followUpCheckMinutes", followUpCheckMinutes, 1);
        atLeast("missesBeforeOffer", missesBeforeOffer, 1);
        if (neighbourhoods.stream().anyMatch(name -> name == null || name.isBlank())) {
            throw new IllegalArgumentException("neighbourhoods may not contain empty names");
        }
    }

    /** A conversation without messages since this moment is closed. */
    public Instant idleSince(Instant now) {
        return now.minus(Duration.ofMinutes(idleMinutes));
    }

    public static ConversationSettings defaults() {
        return new ConversationSettings(null, null, null, null, null, null, null);
    }

    private static void atLeast(String name, int value, int minimum) {
        if (value < minimum) {
            throw new IllegalArgumentException(name + " must be at least " + minimum);
        }
    }

    /** The seven neighbourhoods of the sample city Lindestad. */
    private static List<String> defaultNeighbourhoods() {
        return List.of("Oude Haven", "Stationsbuurt", "Vogelwijk", "Molenkwartier", "Kanaalzijde", "Rozendaal", "Bosrand");
    }

    /** Invented circles for the invented city, so that a shared location works out of the box. */
    private static List<Area> defaultAreas() {
        return List.of(
                new Area("Oude Haven", 52.0800, 4.3000, 700),
                new Area("Stationsbuurt", 52.0860, 4.3120, 600),
                new Area("Vogelwijk", 52.0900, 4.3300, 800),
                new Area("Molenkwartier", 52.0820, 4.3380, 700),
                new Area("Kanaalzijde", 52.0720, 4.3200, 700),
                new Area("Rozendaal", 52.0660, 4.3050, 800),
                new Area("Bosrand", 52.0780, 4.2800, 900));
    }
}
