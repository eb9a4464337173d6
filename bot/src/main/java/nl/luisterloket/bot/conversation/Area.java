package nl.luisterloket.bot.conversation;

import static java.util.Objects.requireNonNull;

import nl.luisterloket.bot.channel.GeoPoint;

/**
 * A neighbourhood as a circle on the map: a shared location inside it sets the resident's neighbourhood.
 *
 * @param name          the neighbourhood's name as services use it in {@code areas}
 * @param latitude      centre, degrees
 * @param longitude     centre, degrees
 * @param radiusMetres  radius in metres
 */
public record Area(String name, double latitude, double longitude, int radiusMetres) {

    public Area {
        requireNonNull(name, "name is null");
        if (name.isBlank()) {
            throw new IllegalArgumentException("an area needs a name");
        }
        if (radiusMetres < 1) {
            throw new IllegalArgumentException("area " + name + ": radiusMetres must be at least 1");
        }
        new GeoPoint(latitude, longitude);
    }

    public boolean contains(GeoPoint point) {
        return new GeoPoint(latitude, longitude).metresTo(point) <= radiusMetres;
    }
}
