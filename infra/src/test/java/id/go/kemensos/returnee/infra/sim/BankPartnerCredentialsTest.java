package id.go.kemensos.returnee.infra.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.kemensos.returnee.infra.sim.SimClient.Response;
import id.go.kemensos.returnee.infra.stack.PlatformHome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BankPartnerCredentialsTest {

    @TempDir
    Path dir;

    @Test
    void generatesPemKeysAndASecretOnceOwnerOnly() throws IOException {
        BankPartnerCredentials credentials =
                BankPartnerCredentials.in(dir, "KEMENSOS01").ensureExist();

        List<String> privateLines = Files.readAllLines(credentials.privateKeyFile(), StandardCharsets.US_ASCII);
        assertThat(privateLines.get(0)).isEqualTo("-----BEGIN PRIVATE KEY-----");
        assertThat(privateLines.get(privateLines.size() - 1)).isEqualTo("-----END PRIVATE KEY-----");
        List<String> body = privateLines.subList(1, privateLines.size() - 1);
        assertThat(body.subList(0, body.size() - 1))
                .allSatisfy(line -> assertThat(line).hasSize(64));
        assertThat(body.get(body.size() - 1)).hasSizeBetween(1, 64);
        List<String> publicLines = Files.readAllLines(credentials.publicKeyFile(), StandardCharsets.US_ASCII);
        assertThat(publicLines.get(0)).isEqualTo("-----BEGIN PUBLIC KEY-----");
        assertThat(publicLines.get(publicLines.size() - 1)).isEqualTo("-----END PUBLIC KEY-----");
        assertThat(((RSAPublicKey) credentials.publicKey()).getModulus().bitLength())
                .isEqualTo(2048);
        assertThat(credentials.privateKey().getFormat()).isEqualTo("PKCS#8");
        List<String> secretLines = Files.readAllLines(credentials.clientSecretFile(), StandardCharsets.US_ASCII);
        assertThat(secretLines).hasSize(1);
        assertThat(Base64.getDecoder().decode(secretLines.get(0))).hasSize(32);
        assertThat(credentials.clientSecret()).isEqualTo(secretLines.get(0));
        if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            for (Path file : List.of(
                    credentials.privateKeyFile(), credentials.publicKeyFile(), credentials.clientSecretFile())) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                        .as(file.toString())
                        .isEqualTo("rw-------");
            }
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("partner-private-key.pem", "partner-public-key.pem", "client-secret");
        }
    }

    @Test
    void existingCredentialsAreReused() throws IOException {
        BankPartnerCredentials first =
                BankPartnerCredentials.in(dir, "KEMENSOS01").ensureExist();
        String privateKey = Files.readString(first.privateKeyFile());
        String publicKey = Files.readString(first.publicKeyFile());
        String secret = Files.readString(first.clientSecretFile());

        BankPartnerCredentials.in(dir, "KEMENSOS01").ensureExist();
        assertThat(Files.readString(first.privateKeyFile())).isEqualTo(privateKey);
        assertThat(Files.readString(first.publicKeyFile())).isEqualTo(publicKey);
        assertThat(Files.readString(first.clientSecretFile())).isEqualTo(secret);

        Files.delete(first.publicKeyFile());
        BankPartnerCredentials.in(dir, "KEMENSOS01").ensureExist();
        assertThat(Files.readString(first.publicKeyFile()))
                .as("derived from the private key")
                .isEqualTo(publicKey);
    }

    @Test
    void aPublicKeyThatDoesNotMatchThePrivateKeyIsReported() throws IOException {
        BankPartnerCredentials mine =
                BankPartnerCredentials.in(dir.resolve("mine"), "KEMENSOS01").ensureExist();
        BankPartnerCredentials other =
                BankPartnerCredentials.in(dir.resolve("other"), "KEMENSOS01").ensureExist();
        Files.copy(other.publicKeyFile(), mine.publicKeyFile(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        assertThatThrownBy(mine::ensureExist)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is not the public key of");
    }

    @Test
    void theFilesAuthenticateAtTheBankSimulator() {
        BankPartnerCredentials credentials =
                BankPartnerCredentials.in(dir, "KEMENSOS01").ensureExist();
        try (BankGatewaySimulator bank = new BankGatewaySimulator(0, new Random(1))) {
            bank.start();
            credentials.registerWith(bank);
            SnapClient snap = new SnapClient(
                    new SimClient(bank), credentials.partnerId(), credentials.privateKey(), credentials.clientSecret());
            String reference = UUID.randomUUID().toString();

            Response reply = snap.post(
                    "/snap/v1.0/transfer-interbank",
                    Map.of(
                            "partnerReferenceNo",
                            reference,
                            "amount",
                            Map.of("value", "960000.00", "currency", "IDR"),
                            "beneficiaryBankCode",
                            "002",
                            "beneficiaryAccountNo",
                            "123401000123456",
                            "beneficiaryAccountName",
                            "SITI AMINAH",
                            "sourceAccountNo",
                            "1000200030004",
                            "transactionDate",
                            "2025-03-12T10:15:00+07:00"));

            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            assertThat(bank.executionsOf(reference)).isEqualTo(1);
        }
    }

    @Test
    void theLocalStacksCredentialsLiveInTheBankWorkDirectory() {
        PlatformHome home = new PlatformHome(dir);
        BankPartnerCredentials local = BankPartnerCredentials.local(home);

        assertThat(local.partnerId()).isEqualTo("KEMENSOS01");
        assertThat(local.privateKeyFile())
                .isEqualTo(home.workDir("bank").toAbsolutePath().resolve("partner-private-key.pem"));
        assertThat(local.publicKeyFile().getFileName()).hasToString("partner-public-key.pem");
        assertThat(local.clientSecretFile().getFileName()).hasToString("client-secret");
        assertThat(local.privateKeyFile()).isAbsolute();
    }
}
