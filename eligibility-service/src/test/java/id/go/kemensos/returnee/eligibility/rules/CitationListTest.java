package id.go.kemensos.returnee.eligibility.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The auditors' list of the articles the rules cite (docs/auditors.md) is the shipped rule sets' list, no more. */
class CitationListTest {

    private static final Path AUDITORS = Path.of("..", "docs", "auditors.md");
    private static final Pattern ROW = Pattern.compile("^\\| (.+?) \\| (.+?) \\| (matches|to confirm) \\|$");

    @Test
    void everyCitationOfTheShippedRuleSetsIsListedForAuditors() throws IOException {
        Set<String> cited = new TreeSet<>();
        for (RuleSet set : RuleSetCatalog.load(null, new RuleEngine()).all()) {
            set.legalBasis().forEach(basis -> cited.add(basis.toString()));
            set.criteria().forEach(criterion -> cited.add(criterion.citation()));
        }
        Set<String> listed = new TreeSet<>();
        for (String line : Files.readAllLines(AUDITORS)) {
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                listed.add(row.group(1));
            }
        }

        assertThat(listed).as("docs/auditors.md, 'The articles the rules cite'").isEqualTo(cited);
    }
}
