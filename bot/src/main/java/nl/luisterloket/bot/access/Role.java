package nl.luisterloket.bot.access;

/** What a staff member may do. Residents have no role. */
public enum Role {
    /** Frontline worker of a team: claims and handles cases. */
    WORKER,
    /** Keeps the knowledge base and the staff list; reads reports. */
    ADMIN
}
