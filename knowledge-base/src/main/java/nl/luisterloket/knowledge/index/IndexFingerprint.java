package nl.luisterloket.knowledge.index;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.Version;

/**
 * What an index is made of, as one SHA-256: the documents (every field of every indexed service; how each field is
 * indexed is fixed by the code), the analysis configuration, the Lucene version and the build of this code. Two equal
 * fingerprints mean the index would come out the same, so a snapshot with the same fingerprint can stand in for
 * building it.
 */
final class IndexFingerprint {

    /** Raise when the snapshot's layout changes in a way a build time would not show. */
    private static final String FORMAT = "luisterloket-index-1";

    private IndexFingerprint() {
    }

    static String of(List<Document> documents, String analysisConfiguration) {
        MessageDigest digest = sha256();
        update(digest, FORMAT);
        update(digest, Version.LATEST.toString());
        update(digest, buildTime());
        update(digest, analysisConfiguration);
        // each document digested apart (on every core), then their digests in id order
        List<byte[]> perDocument = documents.parallelStream()
                .sorted(Comparator.comparing(document -> document.get(ServiceFields.ID)))
                .map(IndexFingerprint::digest).toList();
        perDocument.forEach(digest::update);
        return HexFormat.of().formatHex(digest.digest());
    }

    private static byte[] digest(Document document) {
        MessageDigest digest = sha256();
        for (IndexableField field : document.getFields()) {
            update(digest, field.name());
            String text = field.stringValue();
            BytesRef bytes = field.binaryValue();
            if (text != null) {
                update(digest, text);
            } else if (bytes != null) {
                digest.update(bytes.bytes, bytes.offset, bytes.length);
                digest.update((byte) 0);
            }
        }
        return digest.digest();
    }

    private static void update(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static String buildTime() {
        try (InputStream in = IndexFingerprint.class.getResourceAsStream("build.properties")) {
            if (in == null) {
                return "unknown build";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("build", "unknown build");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the build time", e);
        }
    }
}
