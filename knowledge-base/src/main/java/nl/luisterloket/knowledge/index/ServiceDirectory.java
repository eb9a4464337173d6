package nl.luisterloket.knowledge.index;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import nl.luisterloket.knowledge.model.Service;

/** The live set of services that searches see; a change is visible to the next search within a second. */
public interface ServiceDirectory {

    /** Replaces every service at once (start-up, bulk import). */
    void replaceAll(Collection<Service> services);

    /** Adds or replaces one service. */
    void upsert(Service service);

    /** Removes one service; unknown ids are ignored. */
    void remove(String id);

    Optional<Service> find(String id);

    /** Every service, active or not, in id order. */
    List<Service> all();

    /** Keeps what was built for the next start, if the directory keeps anything and it changed since; else nothing. */
    default void saveSnapshotIfChanged() {
    }

    /** Whether the last {@link #replaceAll} took what a previous start kept instead of building it. */
    default boolean takenFromSnapshot() {
        return false;
    }
}
