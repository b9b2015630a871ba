package id.go.kemensos.returnee.audit.ledger;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * One row of the audit ledger. {@code data} is the event's payload as canonical JSON (keys sorted, no spaces), or
 * {@code {"unreadable": "<base64>"}} for a record that was not a CloudEvent: the ledger keeps every record, readable or
 * not. {@code time} is kept to the microsecond, as the database stores it, so that what was hashed is what was stored.
 */
public record AuditEntry(
        long seq,
        String eventId,
        String topic,
        int partition,
        long offset,
        String key,
        String type,
        String source,
        String subject,
        Instant time,
        String data,
        String prevHash,
        String hash) {

    /** The hash before the first row. */
    public static final String GENESIS = "0".repeat(64);

    /**
     * The bytes a row's hash covers besides the previous hash: every field, each as its length and its UTF-8 bytes, so
     * that no two different rows share a representation. The version prefix lets a later format live beside this one.
     */
    public byte[] canonicalBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + data.length());
        field(out, "audit-entry/1");
        field(out, Long.toString(seq));
        field(out, eventId);
        field(out, topic);
        field(out, Integer.toString(partition));
        field(out, Long.toString(offset));
        field(out, key);
        field(out, type);
        field(out, source);
        field(out, subject);
        field(out, time == null ? null : time.toString());
        field(out, data);
        return out.toByteArray();
    }

    /** SHA-256 over the previous row's hash and this row's canonical bytes, as lowercase hex. */
    public String computeHash() {
        return chain(prevHash, canonicalBytes());
    }

    /** This row linked after the row whose hash is {@code previousHash}. */
    public AuditEntry withChain(String previousHash) {
        return new AuditEntry(
                seq,
                eventId,
                topic,
                partition,
                offset,
                key,
                type,
                source,
                subject,
                time,
                data,
                previousHash,
                chain(previousHash, canonicalBytes()));
    }

    static String chain(String previousHash, byte[] canonical) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(HexFormat.of().parseHex(previousHash));
            return HexFormat.of().formatHex(sha.digest(canonical));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static void field(ByteArrayOutputStream out, String value) {
        if (value == null) {
            out.writeBytes("-1:".getBytes(StandardCharsets.US_ASCII));
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeBytes((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(bytes);
    }
}
