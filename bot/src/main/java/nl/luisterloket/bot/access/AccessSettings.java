package nl.luisterloket.bot.access;

import java.util.List;

/**
 * The {@code access:} section: admins seeded into the database at start-up. Workers are seeded
 * from the teams in the {@code handover:} section. After seeding, the database is the truth:
 * admins add and remove staff with admin commands.
 *
 * @param admins admins by Telegram user id and first name
 */
public record AccessSettings(List<StaffSeed> admins) {

    public AccessSettings {
        admins = admins == null ? List.of() : List.copyOf(admins);
    }

    public static AccessSettings defaults() {
        return new AccessSettings(null);
    }

    /** A staff member named in the configuration. */
    public record StaffSeed(String telegramUserId, String firstName) {

        public StaffSeed {
            if (telegramUserId == null || !telegramUserId.matches("-?[0-9]+")) {
                throw new IllegalArgumentException("telegramUserId must be a Telegram user id (digits), not '" + telegramUserId + "'");
            }
            if (firstName == null || firstName.isBlank()) {
                throw new IllegalArgumentException("firstName is required for user " + telegramUserId);
            }
        }
    }
}
