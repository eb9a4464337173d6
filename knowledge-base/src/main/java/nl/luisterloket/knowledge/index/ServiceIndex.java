package nl.luisterloket.knowledge.index;

import static java.util.Objects.requireNonNull;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.SingleInstanceLockFactory;

import nl.luisterloket.knowledge.analysis.TermGroup;
import nl.luisterloket.knowledge.analysis.TermGroups;
import nl.luisterloket.knowledge.analysis.TextAnalysis;
import nl.luisterloket.knowledge.model.Service;

/**
 * The live, searchable set of services: an in-memory Lucene index with one writer for its whole life and a
 * {@link SearcherManager} refreshed after every change, so a change is visible to the very next search.
 * Inactive services are kept (for {@link #find} and {@link #all}) but never indexed, so no search can return them.
 * Thread-safe: writes are serialised, searches run concurrently.
 */
@Singleton
public final class ServiceIndex implements ServiceDirectory, Closeable {

    /** The same similarity indexes and searches. */
    static final Similarity SIMILARITY = new BM25Similarity(ServiceFields.BM25_K1, ServiceFields.BM25_B);

    private final TextAnalysis analysis;
    /**
     * Each file read back as one buffer: a search clones and slices the inputs of every term it looks up, and with the
     * default many small buffers each clone allocated views of all of them (a fifth of all a search allocated).
     */
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory(new SingleInstanceLockFactory(),
            ByteBuffersDataOutput::new, ByteBuffersDirectory.OUTPUT_AS_ONE_BUFFER);
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final ServiceSearch search;
    private final IndexSnapshots snapshots;
    private final Object writeLock = new Object();
    /** Whether the index changed since it was built or restored, so the snapshot on disk no longer matches it. */
    private boolean snapshotStale;
    private volatile boolean takenFromSnapshot;
    private volatile Map<String, Service> services = Map.of();
    /** Derived from {@link #services} on every change, not on every message: it is asked for each message. */
    private volatile List<String> neighbourhoods = List.of();

    /** An index without snapshots: built from the services every time. */
    public ServiceIndex(TextAnalysis analysis) {
        this(analysis, IndexSnapshots.none());
    }

    @Inject
    public ServiceIndex(TextAnalysis analysis, IndexSnapshots snapshots) {
        this(analysis, new ServiceSearch(analysis), snapshots);
    }

    /** With a search that picks candidates from {@code rescoreFromDocuments} services on (to test that path small). */
    ServiceIndex(TextAnalysis analysis, int rescoreFromDocuments, int rescoredCandidates) {
        this(analysis, new ServiceSearch(analysis, rescoreFromDocuments, rescoredCandidates), IndexSnapshots.none());
    }

    private ServiceIndex(TextAnalysis analysis, ServiceSearch search, IndexSnapshots snapshots) {
        this.analysis = requireNonNull(analysis, "analysis is null");
        this.snapshots = requireNonNull(snapshots, "snapshots is null");
        try {
            this.writer = new IndexWriter(directory, new IndexWriterConfig(indexAnalyzer(analysis)).setSimilarity(SIMILARITY));
            this.searchers = new SearcherManager(RememberingTermsReader.wrap(DirectoryReader.open(writer)), new SearcherFactory() {
                @Override
                public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader) {
                    IndexSearcher searcher = new IndexSearcher(reader);
                    searcher.setSimilarity(SIMILARITY);
                    return searcher;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the in-memory service index", e);
        }
        this.search = search;
    }

    static Analyzer indexAnalyzer(TextAnalysis analysis) {
        Map<String, Analyzer> english = new HashMap<>();
        ServiceFields.ENGLISH_TEXT_FIELDS.forEach(field -> english.put(field, analysis.englishIndex()));
        english.put(ServiceFields.EN_ALL, analysis.englishIndex());
        english.put(ServiceFields.NL_ALL, analysis.dutchIndexDecompounded());
        return new PerFieldAnalyzerWrapper(analysis.dutchIndex(), english);
    }

    /**
     * Replaces every service. When the snapshot on disk was made of exactly these documents (same analysis, same
     * build), it is taken as it is; otherwise every service is analysed and the result saved as the new snapshot.
     */
    @Override
    public void replaceAll(Collection<Service> replacement) {
        Map<String, Service> byId = new HashMap<>();
        replacement.forEach(service -> byId.put(service.id(), service));
        // on every core: at start-up this and the fingerprint are most of the work when the snapshot is taken
        List<Document> documents = byId.values().parallelStream().filter(Service::active).map(ServiceDocuments::toDocument).toList();
        synchronized (writeLock) {
            try {
                writer.deleteAll();
                String fingerprint = snapshots.enabled() ? IndexFingerprint.of(documents, analysis.indexConfiguration()) : null;
                boolean restored = fingerprint != null && snapshots.restore(writer, fingerprint);
                if (!restored) {
                    for (Document document : documents) {
                        writer.addDocument(document);
                    }
                    // one segment: every term of a message is looked up once per segment, and a bulk load leaves several
                    writer.forceMerge(1);
                }
                setServices(Map.copyOf(byId));
                searchers.maybeRefreshBlocking();
                snapshotStale = !restored;
                takenFromSnapshot = restored;
                if (!restored) {
                    saveSnapshot(fingerprint);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot index services", e);
            }
        }
    }

    /** Whether the last {@link #replaceAll} took the snapshot on disk instead of analysing the services. */
    @Override
    public boolean takenFromSnapshot() {
        return takenFromSnapshot;
    }

    /**
     * Saves the index as the snapshot the next start can take, if it changed since it was built or restored: after a
     * bulk import, and when the desk stops.
     */
    @Override
    public void saveSnapshotIfChanged() {
        synchronized (writeLock) {
            if (!snapshotStale || !snapshots.enabled()) {
                return;
            }
            List<Document> documents = services.values().stream().filter(Service::active).map(ServiceDocuments::toDocument).toList();
            try {
                saveSnapshot(IndexFingerprint.of(documents, analysis.indexConfiguration()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot save the index snapshot", e);
            }
        }
    }

    private void saveSnapshot(String fingerprint) throws IOException {
        if (!snapshots.enabled()) {
            return;
        }
        writer.forceMerge(1);
        writer.setLiveCommitData(Map.of(IndexSnapshots.FINGERPRINT, fingerprint).entrySet());
        writer.commit();
        snapshots.save(directory);
        snapshotStale = false;
    }

    @Override
    public void upsert(Service service) {
        requireNonNull(service, "service is null");
        synchronized (writeLock) {
            try {
                Term id = new Term(ServiceFields.ID, service.id());
                if (service.active()) {
                    writer.updateDocument(id, ServiceDocuments.toDocument(service));
                } else {
                    writer.deleteDocuments(id);
                }
                snapshotStale = true;
                Map<String, Service> changed = new HashMap<>(services);
                changed.put(service.id(), service);
                setServices(Map.copyOf(changed));
                searchers.maybeRefreshBlocking();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot index service " + service.id(), e);
            }
        }
    }

    @Override
    public void remove(String id) {
        requireNonNull(id, "id is null");
        synchronized (writeLock) {
            try {
                writer.deleteDocuments(new Term(ServiceFields.ID, id));
                snapshotStale = true;
                Map<String, Service> changed = new HashMap<>(services);
                changed.remove(id);
                setServices(Map.copyOf(changed));
                searchers.maybeRefreshBlocking();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove service " + id, e);
            }
        }
    }

    @Override
    public Optional<Service> find(String id) {
        return Optional.ofNullable(services.get(id));
    }

    @Override
    public List<Service> all() {
        return List.copyOf(new TreeMap<>(services).values());
    }

    /** Active services matching the query, best first; services serving the query's neighbourhood rank first. */
    public List<ServiceHit> search(ServiceQuery query) {
        requireNonNull(query, "query is null");
        Map<String, Service> current = services;
        return withSearcher(searcher -> search.run(searcher, query, current));
    }

    /**
     * Whether any active service's Dutch texts use the word (after analysis): a place a resident names that no
     * service mentions is not a neighbourhood the knowledge base knows.
     */
    public boolean knowsWord(String word) {
        requireNonNull(word, "word is null");
        return withSearcher(searcher -> {
            for (TermGroup group : TermGroups.analyze(analysis.dutchIndex(), ServiceFields.NL_ALL, word)) {
                if (searcher.getIndexReader().docFreq(new Term(ServiceFields.NL_ALL, group.primary())) > 0) {
                    return true;
                }
            }
            return false;
        });
    }

    /** Why a service scored as it did for a query (Lucene's explanation), for admins tuning synonyms and keywords. */
    public String explain(ServiceQuery query, String serviceId) {
        return withSearcher(searcher -> {
            ServiceSearch.Prepared prepared = search.prepare(searcher.getIndexReader(), query);
            TopDocs match = searcher.search(new TermQuery(new Term(ServiceFields.ID, serviceId)), 1);
            if (prepared.query() == null || match.scoreDocs.length == 0) {
                return "no match";
            }
            return searcher.explain(prepared.query(), match.scoreDocs[0].doc).toString();
        });
    }

    private interface SearcherWork<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    /** Runs work on the current searcher, released afterwards whatever happens. */
    private <T> T withSearcher(SearcherWork<T> work) {
        IndexSearcher searcher;
        try {
            searcher = searchers.acquire();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return work.apply(searcher);
        } catch (IOException e) {
            throw new UncheckedIOException("search failed", e);
        } finally {
            try {
                searchers.release(searcher);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Active urgent services (112, 113, ...), in id order. */
    public List<Service> urgentServices() {
        return services.values().stream().filter(Service::active).filter(Service::urgent)
                .sorted(Comparator.comparing(Service::id)).toList();
    }

    /** Every neighbourhood named in the areas of the services, as written there; the same list until services change. */
    public List<String> neighbourhoods() {
        return neighbourhoods;
    }

    private void setServices(Map<String, Service> changed) {
        neighbourhoods = changed.values().stream().flatMap(service -> service.areas().stream())
                .filter(area -> !area.equals("*")).distinct().sorted().toList();
        services = changed;
    }

    @Override
    public void close() {
        synchronized (writeLock) {
            try {
                searchers.close();
                writer.close();
                directory.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
