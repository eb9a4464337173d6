package nl.luisterloket.knowledge.index;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.IOContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A copy on disk of the last index built, labelled with the {@link IndexFingerprint} of what went into it, so a
 * restart with the same services, analysis files and build takes the index as it is instead of analysing every
 * service again. Anything unexpected on disk (missing, another label, damaged) means: build afresh.
 */
public final class IndexSnapshots {

    private static final Logger log = LoggerFactory.getLogger(IndexSnapshots.class);
    static final String FINGERPRINT = "luisterloket.fingerprint";

    private final Optional<Path> directory;

    private IndexSnapshots(Optional<Path> directory) {
        this.directory = directory;
    }

    /** Snapshots kept in this directory (created when first needed). */
    public static IndexSnapshots in(Path directory) {
        return new IndexSnapshots(Optional.of(requireNonNull(directory, "directory is null").toAbsolutePath()));
    }

    /** No snapshots: every start builds the index (evaluation, tests, tools). */
    public static IndexSnapshots none() {
        return new IndexSnapshots(Optional.empty());
    }

    /** Whether snapshots are kept at all. */
    boolean enabled() {
        return directory.isPresent();
    }

    /**
     * Adds the snapshot's documents to {@code writer} when the snapshot carries {@code fingerprint}; returns whether
     * it did. The writer must be empty.
     */
    boolean restore(IndexWriter writer, String fingerprint) {
        if (directory.isEmpty() || !Files.isDirectory(directory.get())) {
            return false;
        }
        try (SnapshotLock lock = SnapshotLock.tryTake(directory.get()); Directory snapshot = FSDirectory.open(directory.get())) {
            if (!lock.taken()) {
                log.info("Another process is saving the index snapshot in {}; building the index instead", directory.get());
                return false;
            }
            if (!DirectoryReader.indexExists(snapshot)
                    || !fingerprint.equals(SegmentInfos.readLatestCommit(snapshot).getUserData().get(FINGERPRINT))) {
                return false;
            }
            writer.addIndexes(snapshot);
            return true;
        } catch (IOException | RuntimeException e) {
            log.warn("Index snapshot in {} is unusable, building the index instead: {}", directory.get(), e.toString());
            try {
                writer.deleteAll();
            } catch (IOException again) {
                throw new UncheckedIOException("cannot empty the index after a failed restore", again);
            }
            return false;
        }
    }

    /**
     * Replaces the snapshot with the files of the last commit in {@code source}, which must carry its fingerprint. The
     * new snapshot is written beside the old one and swapped in by renames, so a crash leaves either one whole.
     */
    void save(Directory source) {
        if (directory.isEmpty()) {
            return;
        }
        Path target = directory.get();
        Path fresh = target.resolveSibling(target.getFileName() + ".new");
        Path old = target.resolveSibling(target.getFileName() + ".old");
        try (SnapshotLock lock = SnapshotLock.tryTake(target)) {
            if (!lock.taken()) {
                return; // another process (a report run beside the bot) saves the same index right now
            }
            deleteRecursively(fresh);
            Files.createDirectories(fresh);
            SegmentInfos commit = SegmentInfos.readLatestCommit(source);
            List<String> files = List.copyOf(commit.files(true));
            try (Directory copy = FSDirectory.open(fresh)) {
                for (String file : files) {
                    copy.copyFrom(source, file, file, IOContext.DEFAULT);
                }
                copy.sync(files);
                copy.syncMetaData();
            }
            deleteRecursively(old);
            if (Files.exists(target)) {
                Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(fresh, target, StandardCopyOption.ATOMIC_MOVE);
            deleteRecursively(old);
        } catch (IOException | RuntimeException e) {
            // the desk runs on the index in memory; without a snapshot the next start only takes longer
            log.warn("Could not save the index snapshot to {}: {}", target, e.toString());
        }
    }

    /**
     * Keeps two processes on one data directory (the desk and a report run) from saving or reading a snapshot while
     * the other swaps it.
     */
    private static final class SnapshotLock implements AutoCloseable {
        private final FileChannel channel;
        private final FileLock lock;

        private SnapshotLock(FileChannel channel, FileLock lock) {
            this.channel = channel;
            this.lock = lock;
        }

        static SnapshotLock tryTake(Path snapshot) throws IOException {
            Path file = snapshot.resolveSibling(snapshot.getFileName() + ".lock");
            Files.createDirectories(file.getParent());
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                return new SnapshotLock(channel, channel.tryLock());
            } catch (OverlappingFileLockException e) {
                return new SnapshotLock(channel, null);
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        }

        boolean taken() {
            return lock != null;
        }

        @Override
        public void close() throws IOException {
            try {
                if (lock != null) {
                    lock.release();
                }
            } finally {
                channel.close();
            }
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path each : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(each);
            }
        }
    }
}
