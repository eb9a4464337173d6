package nl.luisterloket.bot.catalog;

import java.util.List;

import nl.luisterloket.knowledge.model.Service;

/**
 * What an import would do, computed before anything is written (the dry-run shows it; the import applies it).
 *
 * @param added     new services
 * @param changed   existing services whose content differs
 * @param retired   services that become inactive (marked inactive in the file, or missing from it with retire-missing)
 * @param unchanged ids of services the file repeats exactly
 */
public record ImportPlan(List<Service> added, List<Service> changed, List<Service> retired, List<String> unchanged) {

    public ImportPlan {
        added = List.copyOf(added);
        changed = List.copyOf(changed);
        retired = List.copyOf(retired);
        unchanged = List.copyOf(unchanged);
    }

    public boolean changesNothing() {
        return added.isEmpty() && changed.isEmpty() && retired.isEmpty();
    }

    /** Every service the import writes, in order: added, changed, retired. */
    public List<Service> writes() {
        return java.util.stream.Stream.of(added, changed, retired).flatMap(List::stream).toList();
    }
}
