package id.go.kemensos.returnee.privacy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform's keys for a service that holds personal data, read from {@code platform.keys-dir} (PLATFORM_KEYS_DIR;
 * the local stack passes its work/keys, production mounts the key files as secrets) and, where sealed in Vault, opened
 * there ({@code platform.vault.address}, VAULT_ADDR, overrides the address the files name), and the person keys of the
 * key vault.
 */
@AutoConfiguration
@ConditionalOnProperty("platform.keys-dir")
public class PrivacyAutoConfiguration {

    @Bean
    PlatformKeys platformKeys(
            @Value("${platform.keys-dir}") Path directory, @Value("${platform.vault.address:}") String vault) {
        return PlatformKeys.load(directory, vault.isBlank() ? null : URI.create(vault));
    }

    /** Only registration-service finds people by NIK; the others are not given the NIK index key. */
    @Bean
    @Lazy
    BlindIndex blindIndex(PlatformKeys keys) {
        return new BlindIndex(keys);
    }

    /**
     * On the service's data source, not its JdbcTemplate bean: that one waits for the schema migrations, and a
     * migration that seals existing rows needs the keys. Statements still join the service's transactions (same data
     * source).
     */
    @Bean
    PersonKeyStore personKeyStore(DataSource dataSource, ObjectProvider<Clock> clock) {
        return new DatabasePersonKeyStore(new JdbcTemplate(dataSource), clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    PersonKeys personKeys(
            PlatformKeys platform, PersonKeyStore store, @Value("${platform.person-keys.kept:PT30S}") Duration kept) {
        return new PersonKeys(platform, store, kept);
    }

    @Bean
    PersonalDataCipher personalDataCipher(PersonKeys keys, JsonMapper json) {
        return new PersonalDataCipher(keys, json);
    }
}
