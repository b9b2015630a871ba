package id.go.kemensos.returnee.eligibility.rules;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The rule sets load once, at start: a file that does not parse, or reads an unknown fact, stops the service. */
@Configuration
class RulesConfiguration {

    @Bean
    RuleEngine ruleEngine() {
        return new RuleEngine();
    }

    @Bean
    RuleSetCatalog ruleSetCatalog(RuleEngine engine, @Value("${eligibility.rulesets-dir:}") String extraDirectory) {
        return RuleSetCatalog.load(extraDirectory.isBlank() ? null : Path.of(extraDirectory), engine);
    }
}
