package nl.luisterloket.benchmarks.understanding;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;

import nl.luisterloket.knowledge.KnowledgeModule;
import nl.luisterloket.knowledge.index.ServiceDirectory;
import nl.luisterloket.knowledge.understanding.MatchingSettings;
import nl.luisterloket.knowledge.understanding.MessageUnderstanding;

/**
 * The real matcher, wired as the application wires it ({@link KnowledgeModule}), outside the bot: the service
 * directory to fill and the understanding to ask.
 */
public final class Matcher implements Closeable {

    private final ServiceDirectory directory;
    private final MessageUnderstanding understanding;

    private Matcher(Injector injector) {
        this.directory = injector.getInstance(ServiceDirectory.class);
        this.understanding = injector.getInstance(MessageUnderstanding.class);
    }

    /** The matcher with the project's default thresholds and the phrase lists in {@code configDirectory}. */
    public static Matcher create(Path configDirectory) {
        MatchingSettings settings = new MatchingSettings(0.5, 0.3, configDirectory);
        return new Matcher(Guice.createInjector(Stage.PRODUCTION, new KnowledgeModule(),
                binder -> binder.bind(MatchingSettings.class).toInstance(settings)));
    }

    public ServiceDirectory directory() {
        return directory;
    }

    public MessageUnderstanding understanding() {
        return understanding;
    }

    @Override
    public void close() throws IOException {
        if (directory instanceof Closeable closeable) {
            closeable.close();
        }
    }

    /** Sizes given as "500,5000,50000". */
    public static List<Integer> sizes(String list) {
        return java.util.Arrays.stream(list.split(",")).map(String::strip).map(Integer::valueOf).toList();
    }
}
