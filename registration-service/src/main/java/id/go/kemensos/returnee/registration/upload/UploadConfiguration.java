package id.go.kemensos.returnee.registration.upload;

import id.go.kemensos.returnee.registration.validation.BankAccountValidator;
import id.go.kemensos.returnee.registration.validation.BankCodes;
import id.go.kemensos.returnee.registration.validation.DomicileValidator;
import id.go.kemensos.returnee.registration.validation.NikValidator;
import id.go.kemensos.returnee.registration.validation.PhoneValidator;
import id.go.kemensos.returnee.registration.validation.RegionCodes;
import id.go.kemensos.returnee.registration.validation.SheetDates;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.ZoneId;

/** The reference data (region and bank codes) is loaded once; validators are plain objects built on it. */
@Configuration
class UploadConfiguration {

    /** Dates on the sheets are Indonesian dates: "today" for a return date is today in Jakarta. */
    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

    @Bean
    RegionCodes regionCodes() {
        return RegionCodes.load();
    }

    @Bean
    ReturneeRowValidator returneeRowValidator(RegionCodes regions, Clock clock) {
        Clock jakarta = clock.withZone(JAKARTA);
        return new ReturneeRowValidator(new NikValidator(regions, jakarta), new PhoneValidator(),
                new BankAccountValidator(BankCodes.load()), new SheetDates(jakarta), new DomicileValidator(regions));
    }
}
