package nl.luisterloket.bot.lifecycle;

/** Something that runs after the injector is built: started in order, stopped in reverse. */
public interface ManagedService {

    /** Lower starts first (storage 0, catalog 10, workers 50, channels 100). */
    default int startOrder() {
        return 50;
    }

    void start() throws Exception;

    /** Stops taking new work, finishes what is in hand, releases resources. */
    void stop() throws Exception;
}
