package id.go.kemensos.returnee.registration.upload;

import id.go.kemensos.returnee.registration.validation.RegionCodes;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The reference data (region and bank codes) is loaded once; validators are plain objects built on it. */
@Configuration
@EnableConfigurationProperties(UploadLimits.class)
class UploadConfiguration {

    @Bean
    RegionCodes regionCodes() {
        return RegionCodes.load();
    }

    @Bean
    ReturneeRowValidator returneeRowValidator(RegionCodes regions, Clock clock) {
        return ReturneeRowValidator.forSheets(regions, clock);
    }
}
