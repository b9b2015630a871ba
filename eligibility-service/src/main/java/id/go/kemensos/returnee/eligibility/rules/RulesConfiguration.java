package id.go.kemensos.returnee.eligibility.rules;

import id.go.kemensos.returnee.contracts.program.ProgramCatalogue;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The rule sets load once, at start: a file that does not parse, reads an unknown fact, or decides a program that is
 * not declared in full stops the service.
 */
@Configuration
class RulesConfiguration {

    @Bean
    RuleEngine ruleEngine() {
        return new RuleEngine();
    }

    /** Every program rule set must be declared as a program, with a refusal reason for each of its criteria. */
    @Bean
    RuleSetCatalog ruleSetCatalog(
            RuleEngine engine,
            ProgramCatalogue programs,
            @Value("${eligibility.rulesets-dir:}") String extraDirectory) {
        RuleSetCatalog catalog = RuleSetCatalog.load(extraDirectory.isBlank() ? null : Path.of(extraDirectory), engine);
        catalog.requireDeclared(programs);
        return catalog;
    }
}
