package nl.luisterloket.bot.access;

import static java.util.Objects.requireNonNull;

import java.util.Set;

/**
 * A worker or admin as stored.
 *
 * @param id             row id
 * @param telegramUserId the Telegram user id: the only thing that identifies them
 * @param firstName      shown to residents ("Je praat nu met Sanne")
 * @param active         false once removed: no access at all
 * @param workerTeams    teams they work for (empty: not a worker)
 * @param admin          whether they are an admin
 */
public record StaffMember(long id, String telegramUserId, String firstName, boolean active, Set<String> workerTeams, boolean admin) {

    public StaffMember {
        requireNonNull(telegramUserId, "telegramUserId is null");
        requireNonNull(firstName, "firstName is null");
        workerTeams = Set.copyOf(workerTeams);
    }

    public boolean isWorkerOf(String team) {
        return active && workerTeams.contains(team);
    }

    public boolean isWorker() {
        return active && !workerTeams.isEmpty();
    }

    public boolean isAdmin() {
        return active && admin;
    }

    public String actor() {
        return (admin ? "admin:" : "worker:") + id;
    }
}
