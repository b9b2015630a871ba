package id.go.kemensos.returnee.messaging;

import id.go.kemensos.returnee.contracts.program.ProgramCatalogue;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The grant programs, read once at a service's start: the shipped declarations plus {@code platform.programs-dir}
 * (PLATFORM_PROGRAMS_DIR). A declaration that does not read stops the service.
 */
@AutoConfiguration
public class ProgramsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ProgramCatalogue programCatalogue(@Value("${platform.programs-dir:}") String extraDirectory) {
        return ProgramCatalogue.load(extraDirectory);
    }
}
