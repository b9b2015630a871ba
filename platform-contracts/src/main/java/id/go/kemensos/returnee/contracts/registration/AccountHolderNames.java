package id.go.kemensos.returnee.contracts.registration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * Whether an account holder's name is the registered person's: the one rule for it, applied alike by eligibility
 * (criterion C5 of the grant, on the holder name given at registration) and by the bank's account inquiry before any
 * payment, so that a name one accepts the other does too. Compares the account holder's name with the name registered
 * from the ID card. Bank records reorder words, add titles (H., HJ., IR.) and vary spellings (MUHAMAD, MUHAMMAD), so
 * names are normalised and compared word by word: each word of one must find its own word in the other at a
 * Jaro-Winkler similarity of at least the threshold, and both must have the same number of words. A different first or
 * last name, or an extra name, is for an officer to look at.
 */
public final class AccountHolderNames {

    /**
     * Honorifics and titles that banks keep and ID cards may not (or the reverse); they say nothing about who it is.
     */
    private static final Set<String> TITLES = Set.of(
            "H", "HJ", "HAJI", "HAJJAH", "IR", "DR", "DRS", "S", "SE", "SH", "SPD", "AMD", "TN", "NY", "SDR", "SDRI",
            "BPK", "IBU");

    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

    /** The word similarity both services use: MUHAMAD/MUHAMMAD are one name, FAUZI/FAUZAN two. */
    public static final double WORD_SIMILARITY = 0.93;
    /** The platform's matcher, at {@link #WORD_SIMILARITY}. */
    public static final AccountHolderNames STANDARD = new AccountHolderNames(WORD_SIMILARITY);

    private final double wordThreshold;

    /** @param wordThreshold the similarity (0 to 1) from which two words are taken as the same name */
    public AccountHolderNames(double wordThreshold) {
        this.wordThreshold = wordThreshold;
    }

    /** @param score the mean similarity of the best word pairs over the longer name (1 = the same words) */
    public record Comparison(double score, boolean matches) {}

    public Comparison compare(String fromBank, String registered) {
        List<String> bank = words(fromBank);
        List<String> person = new ArrayList<>(words(registered));
        if (bank.isEmpty() || person.isEmpty()) {
            return new Comparison(0, false);
        }
        int longer = Math.max(bank.size(), person.size());
        double similaritySum = 0;
        int matched = 0;
        for (String word : bank) {
            int best = -1;
            double bestScore = 0;
            for (int i = 0; i < person.size(); i++) {
                double score = JARO_WINKLER.apply(word, person.get(i));
                if (score > bestScore) {
                    bestScore = score;
                    best = i;
                }
            }
            if (best >= 0) {
                similaritySum += bestScore;
                matched += bestScore >= wordThreshold ? 1 : 0;
                person.remove(best);
            }
        }
        return new Comparison(similaritySum / longer, matched == longer && bank.size() == longer);
    }

    private static List<String> words(String name) {
        String normalised = normalised(name);
        return normalised.isEmpty() ? List.of() : List.of(normalised.split(" "));
    }

    static String normalised(String name) {
        if (name == null) {
            return "";
        }
        String letters = name.toUpperCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} ]+", " ");
        return Arrays.stream(letters.trim().split("\\s+"))
                .filter(word -> !word.isEmpty() && !TITLES.contains(word))
                .collect(Collectors.joining(" "));
    }
}
