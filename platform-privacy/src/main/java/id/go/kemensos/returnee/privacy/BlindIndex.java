package id.go.kemensos.returnee.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * A NIK's blind index: HMAC-SHA256 under the platform's NIK index key, in hex. The same NIK always gives the same
 * index, so "registered once per NIK" and "registered in another province" still work on the index alone; without the
 * key nobody can compute one, and a NIK's 16 digits cannot be guessed back from it (a plain hash of so small a space
 * could be).
 */
public final class BlindIndex {

    private static final int LENGTH = 32;
    /**
     * A name word's token: 2 bytes, so that many words share each token (a token says little about the name it came
     * from).
     */
    private static final int NAME_TOKEN_BYTES = 2;
    /** A household pseudonym: 16 bytes, as unique as the family cards it stands for. */
    private static final int HOUSEHOLD_BYTES = 16;

    private final PlatformKeys keys;

    /** Refused at once (naming the file) when the NIK index key was not given. */
    public BlindIndex(PlatformKeys keys) {
        keys.nikIndex();
        this.keys = keys;
    }

    /** The index of a NIK as written (surrounding blanks ignored). */
    public String of(String nik) {
        try {
            return HexFormat.of()
                    .formatHex(keys.nikIndex().computePrimary(nik.strip().getBytes(StandardCharsets.US_ASCII), LENGTH));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot compute a NIK index", e);
        }
    }

    /**
     * A household's pseudonym: the keyed PRF of its family card number (apart from NIK indexes by a prefix). Everyone on
     * one card gets the same, so that a family member can be decided by the worker of their household without the card
     * number leaving registration-service.
     */
    public String household(String familyCardNumber) {
        try {
            byte[] prf = keys.nikIndex()
                    .computePrimary(("kk:" + familyCardNumber.strip()).getBytes(StandardCharsets.US_ASCII), LENGTH);
            return HexFormat.of().formatHex(prf, 0, HOUSEHOLD_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot compute a household pseudonym", e);
        }
    }

    /**
     * The words of a name as they are searched: upper case, letters only, two letters or more ("Siti Aminah binti
     * Ahmad" -> SITI, AMINAH, BINTI, AHMAD).
     */
    public static List<String> nameWords(String name) {
        if (name == null) {
            return List.of();
        }
        return Arrays.stream(name.toUpperCase(Locale.ROOT)
                        .replaceAll("[^\\p{L}]+", " ")
                        .strip()
                        .split(" "))
                .filter(word -> word.length() >= 2)
                .distinct()
                .toList();
    }

    /**
     * A name word's search token: the first bytes of a keyed PRF of the word (apart from NIK indexes by a prefix).
     * Equal words give equal tokens, so a search can find a sealed name; a token is shared by many words, so a match is
     * only a candidate, confirmed by opening the name.
     */
    public String nameToken(String word) {
        try {
            byte[] prf = keys.nikIndex().computePrimary(("name:" + word).getBytes(StandardCharsets.UTF_8), LENGTH);
            return HexFormat.of().formatHex(prf, 0, NAME_TOKEN_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot compute a name token", e);
        }
    }
}
