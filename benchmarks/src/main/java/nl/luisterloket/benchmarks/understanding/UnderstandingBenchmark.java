package nl.luisterloket.benchmarks.understanding;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import nl.luisterloket.benchmarks.data.KnowledgeBaseGenerator;
import nl.luisterloket.benchmarks.data.MessageMix;
import nl.luisterloket.benchmarks.data.Province;
import nl.luisterloket.benchmarks.data.Vocabulary;
import nl.luisterloket.knowledge.understanding.Understanding;
import nl.luisterloket.knowledge.understanding.UnderstandingContext;

/**
 * Latency of understanding one resident message (analysis, signals, search, ranking) against a knowledge base of
 * 500, 5,000 and 50,000 services. Sample mode, so JMH reports the distribution (p50, p99) and not only a mean.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 10)
public class UnderstandingBenchmark {

    private static final int MIX_SIZE = 4096;

    @Param({"500", "5000", "50000"})
    public int services;

    /** The directory holding the matcher's synonyms/ and signals/ (the project's config/). */
    @Param({"config"})
    public String matchingConfig;

    private Matcher matcher;
    private List<String> messages;
    private List<UnderstandingContext> contexts;
    private int next;

    @Setup(Level.Trial)
    public void buildIndex() {
        Vocabulary vocabulary = Vocabulary.builtIn();
        Province province = Province.invented();
        matcher = Matcher.create(Path.of(matchingConfig));
        matcher.directory().replaceAll(new KnowledgeBaseGenerator(vocabulary, province).generate(services, 42));
        messages = new MessageMix(vocabulary, province).messages(MIX_SIZE, 7);
        List<String> neighbourhoods = province.neighbourhoods();
        contexts = List.of(UnderstandingContext.FIRST_MESSAGE,
                new UnderstandingContext("nl", neighbourhoods.get(3), Set.of(), Set.of(), Set.of()),
                new UnderstandingContext("nl", null, Set.of(), Set.of(), Set.of("geld")),
                new UnderstandingContext("en", neighbourhoods.get(40), Set.of(), Set.of(), Set.of("wonen", "geld")));
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        matcher.close();
    }

    @Benchmark
    public Understanding understandOneMessage() {
        int i = next++ & (MIX_SIZE - 1);
        return matcher.understanding().understand(messages.get(i), contexts.get(i & 3));
    }
}
