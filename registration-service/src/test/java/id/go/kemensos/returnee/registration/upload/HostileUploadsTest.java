package id.go.kemensos.returnee.registration.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import id.go.kemensos.returnee.registration.sheet.SheetLimits;
import id.go.kemensos.returnee.registration.sheet.SheetReadException;
import id.go.kemensos.returnee.registration.sheet.SheetReader;
import id.go.kemensos.returnee.registration.validation.Problem;
import id.go.kemensos.returnee.registration.validation.RegionCodes;
import id.go.kemensos.returnee.testsupport.HostileFiles;
import id.go.kemensos.returnee.testsupport.HostileFiles.HostileFile;
import id.go.kemensos.returnee.testsupport.HostileFiles.Kind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * A thousand broken and hostile uploads ({@link HostileFiles}), generated from a fixed seed (so a failure replays). Each
 * goes through what an upload does with a
 * file (open, header check, every row read and validated) and must end one of two ways, within seconds: refused whole
 * with a reason, or every row read accounted for as accepted, rejected with a reason in both languages, or held.
 */
class HostileUploadsTest {

    private static final Clock NOV_2026 = Clock.fixed(Instant.parse("2026-11-22T03:00:00Z"), ZoneOffset.UTC);
    private static final RegionCodes REGIONS = RegionCodes.load();
    private static final ReturneeRowValidator VALIDATOR = ReturneeRowValidator.forSheets(REGIONS, NOV_2026);
    private static final Map<Kind, Integer> SEEN = new ConcurrentHashMap<>();
    private static final Map<String, Integer> OUTCOMES = new ConcurrentHashMap<>();

    /** How the upload ended: refused whole, or read with each row's verdict counted. */
    record Outcome(String refusal, long rowsRead, long accepted, long rejected, long held) {}

    @Provide
    Arbitrary<HostileFile> hostileFiles() {
        return Combinators.combine(Arbitraries.of(Kind.class), Arbitraries.longs())
                .as(HostileFiles::make);
    }

    @Property(tries = 1000, seed = "20261206")
    void everyFileIsRefusedWithAReasonOrEveryRowIsAccountedFor(@ForAll("hostileFiles") HostileFile file) {
        SEEN.merge(file.kind(), 1, Integer::sum);

        Outcome outcome = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> upload(file.bytes()), file::toString);

        if (outcome.refusal() != null) {
            assertThat(outcome.refusal()).as(file.toString()).isNotBlank().doesNotContain("Exception");
            OUTCOMES.merge(file.kind() + " refused", 1, Integer::sum);
        } else {
            assertThat(outcome.accepted() + outcome.rejected() + outcome.held())
                    .as("%s: accepted + rejected + held = rows read", file)
                    .isEqualTo(outcome.rowsRead());
            if (file.rows() >= 0) {
                assertThat(outcome.rowsRead())
                        .as("%s: every row of the list read", file)
                        .isEqualTo(file.rows());
            }
            OUTCOMES.merge(file.kind() + " read", 1, Integer::sum);
        }
    }

    @AfterContainer
    static void everyKindWasTried() {
        System.out.println("Hostile uploads by kind: " + SEEN + "; outcomes: " + OUTCOMES);
        assertThat(SEEN.keySet()).containsExactlyInAnyOrder(Kind.values());
    }

    /** What UploadProcessor does with a file, without the database: the same reader, limits and validator. */
    private static Outcome upload(byte[] bytes) {
        try (SheetReader reader = SheetReader.open(new ByteArrayInputStream(bytes), SheetLimits.DEFAULT)) {
            if (!reader.missingRequiredColumns().isEmpty()) {
                return new Outcome("required columns missing: " + reader.missingRequiredColumns(), 0, 0, 0, 0);
            }
            long[] counts = new long[4];
            reader.read(row -> {
                counts[0]++;
                RowVerdict verdict = VALIDATOR.validate(row, "52");
                switch (verdict.outcome()) {
                    case ACCEPTED -> counts[1]++;
                    case REJECTED -> {
                        assertThat(verdict.problems())
                                .as("row %d rejected with a reason", row.rowNumber())
                                .isNotEmpty()
                                .anyMatch(Problem::isError)
                                .allSatisfy(p -> assertThat(p.messageId()).isNotBlank())
                                .allSatisfy(p -> assertThat(p.messageEn()).isNotBlank());
                        counts[2]++;
                    }
                    case HELD_FOR_REVIEW -> counts[3]++;
                }
            });
            assertThat(counts[0]).as("rows handed over = rows read").isEqualTo(reader.rowsRead());
            return new Outcome(null, counts[0], counts[1], counts[2], counts[3]);
        } catch (SheetReadException e) {
            return new Outcome(e.getMessage(), 0, 0, 0, 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
