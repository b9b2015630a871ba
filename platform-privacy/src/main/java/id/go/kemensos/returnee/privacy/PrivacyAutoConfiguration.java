package id.go.kemensos.returnee.privacy;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

import java.nio.file.Path;

/**
 * The platform's keys for a service that holds personal data, read from {@code platform.keys-dir} (PLATFORM_KEYS_DIR; the
 * local stack passes its work/keys, production mounts the key files as secrets).
 */
@AutoConfiguration
@ConditionalOnProperty("platform.keys-dir")
public class PrivacyAutoConfiguration {

    @Bean
    PlatformKeys platformKeys(@Value("${platform.keys-dir}") Path directory) {
        return PlatformKeys.load(directory);
    }

    @Bean
    BlindIndex blindIndex(PlatformKeys keys) {
        return new BlindIndex(keys);
    }
}
