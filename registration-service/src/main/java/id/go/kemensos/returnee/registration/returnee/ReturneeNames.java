package id.go.kemensos.returnee.registration.returnee;

import id.go.kemensos.returnee.privacy.BlindIndex;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * How a sealed name is found: the search tokens of its words ({@link BlindIndex#nameToken}), stored space-separated on
 * the returnee; a search asks for rows holding every token of the words typed, then keeps those whose opened name has
 * every word (a token is shared by many words, so the database alone cannot tell which name a row holds).
 */
@Component
class ReturneeNames {

    private final BlindIndex index;

    ReturneeNames(BlindIndex index) {
        this.index = index;
    }

    /** The stored form: distinct tokens, space-separated; null for a name without a searchable word. */
    String tokens(String fullName) {
        List<String> tokens = BlindIndex.nameWords(fullName).stream()
                .map(index::nameToken)
                .distinct()
                .toList();
        return tokens.isEmpty() ? null : String.join(" ", tokens);
    }

    /** The tokens to look for, one per word typed. */
    List<String> queryTokens(List<String> words) {
        return words.stream().map(index::nameToken).distinct().toList();
    }

    /** Whether an opened name has every word typed (whole words, in any order). */
    static boolean matches(String fullName, List<String> words) {
        return BlindIndex.nameWords(fullName).containsAll(words);
    }
}
