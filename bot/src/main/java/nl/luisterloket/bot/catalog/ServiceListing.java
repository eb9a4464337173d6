package nl.luisterloket.bot.catalog;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

import nl.luisterloket.knowledge.model.Service;

/**
 * A service as stored, with its bookkeeping.
 *
 * @param flagged  a resident said its details are wrong ("Klopt niet") since it was last changed or checked
 */
public record ServiceListing(Service service, int revision, boolean flagged, Instant updatedAt, String updatedBy) {

    public ServiceListing {
        requireNonNull(service, "service is null");
        requireNonNull(updatedAt, "updatedAt is null");
        requireNonNull(updatedBy, "updatedBy is null");
    }
}
