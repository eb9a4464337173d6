package nl.luisterloket.bot.handover;

import java.util.Locale;

/** Where a case stands. */
enum CaseStatus {
    /** The resident has not yet said whether a person may read along. */
    AWAITING_CONSENT,
    /** Waiting for a worker of the team to claim it. */
    QUEUED,
    /** A worker has it and talks with the resident. */
    CLAIMED,
    CLOSED;

    String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    static CaseStatus fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
