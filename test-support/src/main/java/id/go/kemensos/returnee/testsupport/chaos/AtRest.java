package id.go.kemensos.returnee.testsupport.chaos;

import id.go.kemensos.returnee.infra.sim.AcceptedSms;
import id.go.kemensos.returnee.infra.stack.LocalStack;
import id.go.kemensos.returnee.testsupport.PlatformDatabase;
import id.go.kemensos.returnee.testsupport.RegistrationApi;
import id.go.kemensos.returnee.testsupport.ReturneeListFile;
import id.go.kemensos.returnee.testsupport.SmsTemplateMarks;
import id.go.kemensos.returnee.testsupport.SyntheticReturnees;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Where a chaos run's list stands, read where an officer or an auditor would look: the upload's status, the services'
 * tables (as the database administrator) and the gateways' own records. Anything unreachable at that moment (a service
 * or the database being restarted) reads as "not yet".
 */
final class AtRest {

    /** The grant's program: its decisions, its payments. */
    static final String GRANT_PROGRAM = "BSU";

    /** The returnees of one upload, joined in each service's schema by their pseudonymous id. */
    static final String OF_UPLOAD =
            " JOIN registration.returnee r ON r.beneficiary_id = %s.beneficiary_id" + " WHERE r.upload_id = ?";

    /** A decision no later decision replaced. */
    static final String CURRENT_DECISION =
            " AND NOT EXISTS (SELECT 1 FROM eligibility.decision n" + " WHERE n.previous_decision_id = d.decision_id)";

    record Snapshot(
            String upload,
            long registered,
            long decided,
            long eligible,
            long settled,
            long failed,
            long inFlight,
            long registeredSms,
            long paymentSms,
            String unreachable) {

        boolean complete(ReturneeListFile.Expected expected) {
            return unreachable == null
                    && "COMPLETED".equals(upload)
                    && registered == expected.accepted()
                    && decided == registered
                    && inFlight == 0
                    && settled + failed == eligible
                    && registeredSms == registered
                    && paymentSms == settled;
        }

        @Override
        public String toString() {
            return unreachable != null
                    ? "waiting: " + unreachable
                    : String.format(
                            "upload %s, registered %,d, decided %,d (eligible %,d), payments settled %,d, failed %,d,"
                                    + " in flight %,d, SMS registered %,d, paid %,d",
                            upload,
                            registered,
                            decided,
                            eligible,
                            settled,
                            failed,
                            inFlight,
                            registeredSms,
                            paymentSms);
        }
    }

    private final LocalStack stack;
    private final UUID upload;
    private final Set<String> acceptedPhones = new HashSet<>();
    private final PlatformDatabase database = new PlatformDatabase();
    private final RegistrationApi clerk = new RegistrationApi();

    AtRest(LocalStack stack, UUID upload, SyntheticReturnees people, int rows) {
        this.stack = stack;
        this.upload = upload;
        for (int i = 0; i < rows; i++) {
            if (ReturneeListFile.accepted(i)) {
                acceptedPhones.add(people.phoneE164(i));
            }
        }
    }

    Snapshot snapshot() {
        try {
            JsonNode status = clerk.uploadStatus(upload);
            String state = status == null ? "unknown" : status.path("status").asString();
            Map<String, Long> payments = paymentsByState();
            long settled = payments.getOrDefault("SETTLED", 0L);
            long failed = payments.getOrDefault("FAILED", 0L);
            long inFlight =
                    payments.values().stream().mapToLong(Long::longValue).sum() - settled - failed;
            Told told = told();
            return new Snapshot(
                    state,
                    registered(),
                    decided(),
                    eligible(),
                    settled,
                    failed,
                    inFlight,
                    told.registered().size(),
                    told.paid().size(),
                    null);
        } catch (RuntimeException e) {
            return new Snapshot(null, 0, 0, 0, 0, 0, 0, 0, 0, String.valueOf(e.getMessage()));
        }
    }

    UUID upload() {
        return upload;
    }

    /** The phones of the list's rows that the upload accepts. */
    Set<String> acceptedPhones() {
        return acceptedPhones;
    }

    long registered() {
        return database.count("SELECT COUNT(*) FROM registration.returnee r WHERE r.upload_id = ?", upload);
    }

    /** Returnees of the upload with a grant decision. */
    long decided() {
        return database.count(
                "SELECT COUNT(DISTINCT d.beneficiary_id) FROM eligibility.decision d" + OF_UPLOAD.formatted("d")
                        + " AND d.program_id = ?",
                upload,
                GRANT_PROGRAM);
    }

    /** Returnees of the upload whose current grant decision is ELIGIBLE. */
    long eligible() {
        return database.count(
                "SELECT COUNT(DISTINCT d.beneficiary_id) FROM eligibility.decision d" + OF_UPLOAD.formatted("d")
                        + " AND d.program_id = ? AND d.outcome = 'ELIGIBLE'" + CURRENT_DECISION,
                upload,
                GRANT_PROGRAM);
    }

    /**
     * What the SMS gateway accepted for the upload's people: the phones told of their registration and of their
     * payment, and how many texts reached the same phone more than once.
     */
    record Told(Set<String> registered, Set<String> paid, long sentTwice) {}

    Told told() {
        Map<String, Integer> sameText = new HashMap<>();
        Set<String> registered = new HashSet<>();
        Set<String> paid = new HashSet<>();
        for (AcceptedSms message : stack.sms().acceptedMessages()) {
            if (!acceptedPhones.contains(message.to())) {
                continue;
            }
            sameText.merge(message.to() + "\n" + message.text(), 1, Integer::sum);
            if (SmsTemplateMarks.isPaymentSent(message.text())) {
                paid.add(message.to());
            } else if (SmsTemplateMarks.isRegistered(message.text())) {
                registered.add(message.to());
            }
        }
        return new Told(
                registered, paid, sameText.values().stream().filter(n -> n > 1).count());
    }

    /** The upload's people's payments by state (each person at most one, the ledger's unique key). */
    Map<String, Long> paymentsByState() {
        Map<String, Long> byState = new java.util.TreeMap<>();
        for (Map<String, Object> row : database.rows(
                "SELECT p.state AS state, COUNT(*) AS n FROM disbursement.payment_intent p" + OF_UPLOAD.formatted("p")
                        + " AND p.program_id = ? GROUP BY p.state",
                upload,
                GRANT_PROGRAM)) {
            byState.put((String) row.get("state"), ((Number) row.get("n")).longValue());
        }
        return byState;
    }
}
