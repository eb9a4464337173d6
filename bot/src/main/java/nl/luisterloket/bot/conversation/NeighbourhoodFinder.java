package nl.luisterloket.bot.conversation;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import nl.luisterloket.bot.channel.GeoPoint;

/** Finds the city's neighbourhoods in what a resident sends: a name in a message, or the area a shared location falls in. */
final class NeighbourhoodFinder {

    private static final int MAX_WORDS_AROUND_NAME = 4;

    private final List<Named> names;
    private final List<Area> areas;

    NeighbourhoodFinder(List<String> neighbourhoods, List<Area> areas) {
        this.names = neighbourhoods.stream()
                .map(name -> new Named(name, Pattern.compile("(?iu)(?<![\\p{L}])" + Pattern.quote(name) + "(?![\\p{L}])")))
                .toList();
        this.areas = List.copyOf(areas);
    }

    /** The first configured neighbourhood the text names ("en in Kanaalzijde?"). */
    Optional<String> named(String text) {
        return names.stream().filter(named -> named.pattern.matcher(text).find()).map(Named::name).findFirst();
    }

    /**
     * Whether the message is little more than the neighbourhood's name ("en in Kanaalzijde?", "ik woon
     * in Bosrand"): then it refines the earlier question rather than asking a new one.
     */
    static boolean saysLittleMoreThan(String text, String neighbourhood) {
        String rest = Pattern.compile("(?iu)" + Pattern.quote(neighbourhood)).matcher(text).replaceAll(" ")
                .replaceAll("[^\\p{L}\\p{N}\\s]", " ").strip();
        return rest.isEmpty() || rest.split("\\s+").length <= MAX_WORDS_AROUND_NAME;
    }

    /** The neighbourhood whose area holds the point; when areas overlap, the one whose centre is nearest. */
    Optional<String> at(GeoPoint point) {
        return areas.stream()
                .filter(area -> area.contains(point))
                .min(Comparator.comparingDouble(area -> new GeoPoint(area.latitude(), area.longitude()).metresTo(point)))
                .map(Area::name);
    }

    private record Named(String name, Pattern pattern) {
    }
}
