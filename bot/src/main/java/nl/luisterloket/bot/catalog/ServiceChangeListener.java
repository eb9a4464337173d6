package nl.luisterloket.bot.catalog;

import java.util.Optional;

import nl.luisterloket.knowledge.model.Service;

/** Told after a change to a service has been committed (the search index follows this way). */
public interface ServiceChangeListener {

    /** {@code current} is the service as now stored, or empty when it no longer exists. */
    void serviceChanged(String serviceId, Optional<Service> current);
}
