package id.go.kemensos.returnee.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class RequiredSecretsTest {

    private final RequiredSecrets check = new RequiredSecrets();

    private static MockEnvironment service() {
        return new MockEnvironment()
                .withProperty("platform.secrets", "DB_PASSWORD, DB_MIGRATION_PASSWORD")
                .withProperty("platform.service-secrets", "SMS_RECEIPT_SECRET");
    }

    @Test
    void outsideTheLocalStackEveryMissingSecretIsNamedInOneLine() {
        MockEnvironment environment = service().withProperty("DB_PASSWORD", "s3cret");

        assertThatThrownBy(() -> check.postProcessEnvironment(environment, new SpringApplication()))
                .hasMessageStartingWith("DB_MIGRATION_PASSWORD, SMS_RECEIPT_SECRET not set")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void withEverySecretOrInTheLocalStackTheServiceStarts() {
        assertThatCode(() -> check.postProcessEnvironment(
                        service()
                                .withProperty("DB_PASSWORD", "a")
                                .withProperty("DB_MIGRATION_PASSWORD", "b")
                                .withProperty("SMS_RECEIPT_SECRET", "c"),
                        new SpringApplication()))
                .doesNotThrowAnyException();
        assertThatCode(() -> check.postProcessEnvironment(
                        service().withProperty("platform.local-stack", "true"), new SpringApplication()))
                .doesNotThrowAnyException();
    }

    @Test
    void aBlankSecretCountsAsMissing() {
        assertThatThrownBy(() -> check.postProcessEnvironment(
                        service()
                                .withProperty("DB_PASSWORD", " ")
                                .withProperty("DB_MIGRATION_PASSWORD", "b")
                                .withProperty("SMS_RECEIPT_SECRET", "c"),
                        new SpringApplication()))
                .hasMessageStartingWith("DB_PASSWORD not set");
    }
}
