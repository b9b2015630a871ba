package id.go.kemensos.returnee.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * A NIK's blind index: HMAC-SHA256 under the platform's NIK index key, in hex. The same NIK always gives the same index,
 * so "registered once per NIK" and "registered in another province" still work on the index alone; without the key nobody
 * can compute one, and a NIK's 16 digits cannot be guessed back from it (a plain hash of so small a space could be).
 */
public final class BlindIndex {

    private static final int LENGTH = 32;

    private final PlatformKeys keys;

    /** Refused at once (naming the file) when the NIK index key was not given. */
    public BlindIndex(PlatformKeys keys) {
        keys.nikIndex();
        this.keys = keys;
    }

    /** The index of a NIK as written (surrounding blanks ignored). */
    public String of(String nik) {
        try {
            return HexFormat.of().formatHex(keys.nikIndex().computePrimary(nik.strip().getBytes(StandardCharsets.US_ASCII), LENGTH));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot compute a NIK index", e);
        }
    }
}
