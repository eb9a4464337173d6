package nl.luisterloket.benchmarks.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import nl.luisterloket.knowledge.load.KnowledgeBaseReader;
import nl.luisterloket.knowledge.load.ServiceJsonWriter;
import nl.luisterloket.knowledge.model.Category;
import nl.luisterloket.knowledge.model.Service;

class KnowledgeBaseGeneratorTest {

    private final KnowledgeBaseGenerator generator = new KnowledgeBaseGenerator(Vocabulary.builtIn(), Province.invented());

    @Test
    void generatedKnowledgeBaseIsAcceptedByTheReaderWithEveryServiceIntact() {
        List<Service> services = generator.generate(1_000, 42);

        String file = new ServiceJsonWriter().toJsonArray(services);
        List<Service> read = new KnowledgeBaseReader().read("generated.json",
                new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)));

        assertThat(read).hasSize(1_000).containsExactlyElementsOf(services);
    }

    @Test
    void generatedServicesCoverEveryLifeDomainAndManyNeighbourhoods() {
        List<Service> services = generator.generate(3_000, 42);

        Set<String> mainCategories = services.stream().map(Service::mainCategory).collect(Collectors.toSet());
        Set<String> areas = services.stream().flatMap(service -> service.areas().stream()).collect(Collectors.toSet());
        assertThat(mainCategories).hasSize(Category.values().length);
        assertThat(areas).hasSizeGreaterThan(200);
        assertThat(services).extracting(Service::id).doesNotHaveDuplicates();
    }

    @Test
    void theSameSizeAndSeedGiveTheSameKnowledgeBase() {
        assertThat(generator.generate(300, 7)).isEqualTo(generator.generate(300, 7));
    }

    @Test
    void theSampleServicesComeFirst() {
        List<Service> services = generator.generate(500, 1);

        assertThat(services.subList(0, Vocabulary.builtIn().sampleServices().size()))
                .isEqualTo(Vocabulary.builtIn().sampleServices());
    }
}
