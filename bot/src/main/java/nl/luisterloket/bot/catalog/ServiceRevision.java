package nl.luisterloket.bot.catalog;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

import nl.luisterloket.knowledge.model.Service;

/**
 * One change to a service: who made it, when, why, and the service before and after.
 *
 * @param before the service before the change; empty when the change created it
 * @param after  the service after the change; empty when the change removed it (undo of a creation)
 */
public record ServiceRevision(String serviceId, int revision, Instant changedAt, String changedBy, String reason,
        Optional<Service> before, Optional<Service> after) {

    public ServiceRevision {
        requireNonNull(serviceId, "serviceId is null");
        requireNonNull(changedAt, "changedAt is null");
        requireNonNull(changedBy, "changedBy is null");
        requireNonNull(before, "before is null");
        requireNonNull(after, "after is null");
    }
}
