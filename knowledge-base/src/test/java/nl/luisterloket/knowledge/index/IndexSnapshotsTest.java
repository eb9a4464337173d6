package nl.luisterloket.knowledge.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nl.luisterloket.knowledge.TestFiles;
import nl.luisterloket.knowledge.analysis.ConfigFiles;
import nl.luisterloket.knowledge.analysis.TextAnalysis;
import nl.luisterloket.knowledge.load.KnowledgeBaseReader;
import nl.luisterloket.knowledge.model.Service;

/**
 * A restart with the same services takes the index a previous start kept on disk instead of analysing every service
 * again, and answers exactly as a freshly built index would; anything else (a changed service, changed analysis
 * files, a damaged snapshot) builds the index afresh.
 */
class IndexSnapshotsTest {

    private static final List<String> MESSAGES = List.of("ik heb schulden en kan de huur niet betalen",
            "mijn zoon van 15 spijbelt", "ik voel me zo alleen", "need help with my energy bill", "zwemles voor mijn dochter");

    private static TextAnalysis analysis;
    private static List<Service> services;

    @TempDir
    Path data;

    @BeforeAll
    static void load() {
        analysis = TextAnalysis.load(new ConfigFiles(TestFiles.configDirectory()));
        services = new KnowledgeBaseReader().read(TestFiles.repositoryRoot().resolve("knowledge-base/sample/services.json"));
    }

    @Test
    void aRestartWithTheSameServicesTakesTheSnapshotAndAnswersAsBefore() {
        IndexSnapshots snapshots = IndexSnapshots.in(data.resolve("index"));
        try (ServiceIndex first = new ServiceIndex(analysis, snapshots); ServiceIndex second = new ServiceIndex(analysis, snapshots)) {
            first.replaceAll(services);
            assertThat(first.takenFromSnapshot()).isFalse();
            assertThat(data.resolve("index")).isDirectory();

            second.replaceAll(services);

            assertThat(second.takenFromSnapshot()).isTrue();
            for (String message : MESSAGES) {
                assertThat(answers(second, message)).as(message).isEqualTo(answers(first, message));
            }
        }
    }

    @Test
    void aChangedServiceIsAnalysedAgainAndFound() throws IOException {
        IndexSnapshots snapshots = IndexSnapshots.in(data.resolve("index"));
        try (ServiceIndex first = new ServiceIndex(analysis, snapshots); ServiceIndex second = new ServiceIndex(analysis, snapshots)) {
            first.replaceAll(services);
            assertThat(answers(first, "zwemles voor mijn dochter")).doesNotContain("alarmnummer-112");

            second.replaceAll(withKeyword("alarmnummer-112", "zwemles"));

            assertThat(second.takenFromSnapshot()).isFalse();
            assertThat(answers(second, "zwemles voor mijn dochter")).contains("alarmnummer-112");
        }
    }

    @Test
    void changedAnalysisFilesBuildTheIndexAfresh() throws IOException {
        IndexSnapshots snapshots = IndexSnapshots.in(data.resolve("index"));
        Path config = copyOfConfig();
        Files.writeString(config.resolve(TextAnalysis.NL_STOPWORDS), "\nzwemles\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        TextAnalysis otherAnalysis = TextAnalysis.load(new ConfigFiles(config));
        try (ServiceIndex first = new ServiceIndex(analysis, snapshots); ServiceIndex second = new ServiceIndex(otherAnalysis, snapshots)) {
            first.replaceAll(services);

            second.replaceAll(services);

            assertThat(second.takenFromSnapshot()).isFalse();
        }
    }

    @Test
    void aDamagedSnapshotIsIgnoredAndReplaced() throws IOException {
        IndexSnapshots snapshots = IndexSnapshots.in(data.resolve("index"));
        try (ServiceIndex first = new ServiceIndex(analysis, snapshots)) {
            first.replaceAll(services);
        }
        try (Stream<Path> files = Files.list(data.resolve("index"))) {
            for (Path file : files.filter(file -> !file.getFileName().toString().startsWith("segments")).toList()) {
                Files.write(file, "not an index".getBytes(StandardCharsets.UTF_8));
            }
        }
        try (ServiceIndex second = new ServiceIndex(analysis, snapshots); ServiceIndex third = new ServiceIndex(analysis, snapshots)) {
            second.replaceAll(services);
            assertThat(second.takenFromSnapshot()).isFalse();
            assertThat(answers(second, "ik heb schulden en kan de huur niet betalen")).isNotEmpty();

            third.replaceAll(services);
            assertThat(third.takenFromSnapshot()).as("the damaged snapshot was replaced by a good one").isTrue();
        }
    }

    @Test
    void changesAfterTheStartAreKeptWhenSaved() throws IOException {
        IndexSnapshots snapshots = IndexSnapshots.in(data.resolve("index"));
        List<Service> changed = withKeyword("alarmnummer-112", "zwemles");
        Service changedService = changed.stream().filter(service -> service.id().equals("alarmnummer-112")).findFirst().orElseThrow();
        try (ServiceIndex first = new ServiceIndex(analysis, snapshots); ServiceIndex second = new ServiceIndex(analysis, snapshots)) {
            first.replaceAll(services);
            first.upsert(changedService);
            first.saveSnapshotIfChanged();

            second.replaceAll(changed);

            assertThat(second.takenFromSnapshot()).isTrue();
            assertThat(answers(second, "zwemles voor mijn dochter")).contains("alarmnummer-112");
        }
    }

    @Test
    void aSnapshotAnotherProcessIsSavingIsNotRead() throws IOException {
        IndexSnapshots snapshots = IndexSnapshots.in(data.resolve("index"));
        try (ServiceIndex first = new ServiceIndex(analysis, snapshots); ServiceIndex second = new ServiceIndex(analysis, snapshots)) {
            first.replaceAll(services);
            try (FileChannel channel = FileChannel.open(data.resolve("index.lock"), StandardOpenOption.WRITE);
                 FileLock saving = channel.lock()) {

                second.replaceAll(services);

                assertThat(second.takenFromSnapshot()).isFalse();
                assertThat(answers(second, "ik heb schulden en kan de huur niet betalen")).isEqualTo(
                        answers(first, "ik heb schulden en kan de huur niet betalen"));
            }
        }
    }

    @Test
    void withoutSnapshotsNothingIsWrittenAndEveryStartBuilds() throws IOException {
        try (ServiceIndex first = new ServiceIndex(analysis); ServiceIndex second = new ServiceIndex(analysis)) {
            first.replaceAll(services);
            second.replaceAll(services);

            assertThat(second.takenFromSnapshot()).isFalse();
        }
        try (Stream<Path> files = Files.list(data)) {
            assertThat(files).isEmpty();
        }
    }

    private static List<String> answers(ServiceIndex index, String message) {
        return index.search(ServiceQuery.of(message, false, 5)).stream().map(hit -> hit.service().id()).toList();
    }

    private static List<Service> withKeyword(String id, String keyword) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ArrayNode all = (ArrayNode) json.readTree(TestFiles.repositoryRoot().resolve("knowledge-base/sample/services.json").toFile());
        all.forEach(node -> {
            if (node.get("id").asText().equals(id)) {
                ((ArrayNode) ((ObjectNode) node).get("keywords")).add(keyword);
            }
        });
        return new KnowledgeBaseReader().read("services.json", new ByteArrayInputStream(json.writeValueAsBytes(all)));
    }

    private Path copyOfConfig() throws IOException {
        Path source = TestFiles.configDirectory();
        Path target = data.resolve("config");
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path path : walk.toList()) {
                Path copy = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(path, copy);
                }
            }
        }
        return target;
    }
}
