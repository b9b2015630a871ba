package id.go.kemensos.returnee.infra.sim;

import id.go.kemensos.returnee.infra.sim.SimulatorHttp.Reply;
import id.go.kemensos.returnee.infra.sim.SnapMessages.SnapError;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Himbara bank's collective opening (rekening kolektif): a partner sends a list of people without an account, the bank
 * opens one per person in their name (after {@link #delay}, as a bank takes days) and answers the list's status with
 * each new account, or why it could not open one (its KYC refused the data). A request is taken once per
 * {@code partnerReferenceNo}; a repeat is answered as received and opens nothing more. Opened accounts join the
 * bank's {@link AccountDirectory}, so they answer inquiries and take transfers like any other.
 */
final class CollectiveAccountOpenings {

    static final String SERVICE = "06";

    record Applicant(String partnerReferenceNo, String name, String idNumberMasked, String regencyCode) {}

    record OpeningRequest(String partnerReferenceNo, String bankCode, List<Applicant> applicants) {}

    /** One person's outcome: the account opened, or the refusal. */
    record OpenedAccount(
            String requestReference,
            String partnerReferenceNo,
            String bankCode,
            String accountNo,
            String accountName,
            String refusalReason) {}

    private record Received(Instant at, List<OpenedAccount> accounts) {}

    private final AccountDirectory directory;
    private final ConcurrentMap<String, Received> requests = new ConcurrentHashMap<>();
    private final Set<String> refusedNames = ConcurrentHashMap.newKeySet();
    private final Set<String> leftOutNames = ConcurrentHashMap.newKeySet();
    private final AtomicLong sequence = new AtomicLong();
    private volatile Duration delay = Duration.ofSeconds(1);

    CollectiveAccountOpenings(AccountDirectory directory) {
        this.directory = directory;
    }

    Reply request(OpeningRequest request) {
        if (request.partnerReferenceNo() == null || request.partnerReferenceNo().isBlank()) {
            return new Reply(400, SnapMessages.missingField(SERVICE, "partnerReferenceNo"));
        }
        if (!AccountDirectory.validBankCode(request.bankCode())) {
            return new Reply(400, SnapMessages.invalidFormat(SERVICE, "bankCode"));
        }
        if (request.applicants() == null || request.applicants().isEmpty()) {
            return new Reply(400, SnapMessages.missingField(SERVICE, "applicants"));
        }
        for (Applicant applicant : request.applicants()) {
            if (applicant.partnerReferenceNo() == null
                    || applicant.name() == null
                    || applicant.name().isBlank()) {
                return new Reply(400, SnapMessages.missingField(SERVICE, "applicants.name"));
            }
        }
        // computeIfAbsent opens the accounts at most once per request, even for concurrent repeats.
        requests.computeIfAbsent(request.partnerReferenceNo(), reference -> new Received(Instant.now(), open(request)));
        return new Reply(
                202,
                Map.of(
                        "responseCode", "2020600",
                        "responseMessage", "Request In Progress",
                        "partnerReferenceNo", request.partnerReferenceNo()));
    }

    private List<OpenedAccount> open(OpeningRequest request) {
        List<OpenedAccount> accounts = new ArrayList<>();
        for (Applicant applicant : request.applicants()) {
            if (leftOutNames.contains(applicant.name())) {
                continue; // a faulty bank: its final answer has no line for this person
            }
            if (refusedNames.contains(applicant.name())) {
                accounts.add(new OpenedAccount(
                        request.partnerReferenceNo(),
                        applicant.partnerReferenceNo(),
                        request.bankCode(),
                        null,
                        null,
                        "data kependudukan tidak sesuai Dukcapil"));
                continue;
            }
            // A BRI-like 15-digit number: the regency's branch, a product code, a sequence and a check digit.
            String regency =
                    applicant.regencyCode() == null || !applicant.regencyCode().matches("\\d{4}")
                            ? "0000"
                            : applicant.regencyCode();
            String accountNo = String.format("%s01%08d5", regency, sequence.incrementAndGet());
            directory.register(request.bankCode(), accountNo, applicant.name());
            accounts.add(new OpenedAccount(
                    request.partnerReferenceNo(),
                    applicant.partnerReferenceNo(),
                    request.bankCode(),
                    accountNo,
                    applicant.name(),
                    null));
        }
        return List.copyOf(accounts);
    }

    Reply status(String reference) {
        if (reference == null || reference.isBlank()) {
            return new Reply(400, SnapMessages.missingField(SERVICE, "originalPartnerReferenceNo"));
        }
        Received received = requests.get(reference);
        if (received == null) {
            return new Reply(404, new SnapError("4040601", "Transaction Not Found"));
        }
        if (Instant.now().isBefore(received.at().plus(delay))) {
            return new Reply(
                    200,
                    Map.of(
                            "responseCode", "2000600",
                            "originalPartnerReferenceNo", reference,
                            "latestTransactionStatus", "03",
                            "transactionStatusDesc", "Pending"));
        }
        return new Reply(
                200,
                Map.of(
                        "responseCode", "2000600",
                        "originalPartnerReferenceNo", reference,
                        "latestTransactionStatus", "00",
                        "transactionStatusDesc", "Success",
                        "accounts",
                                received.accounts().stream()
                                        .map(a -> {
                                            Map<String, Object> row = new LinkedHashMap<>();
                                            row.put("partnerReferenceNo", a.partnerReferenceNo());
                                            row.put("accountNo", a.accountNo());
                                            row.put("accountName", a.accountName());
                                            row.put("refusalReason", a.refusalReason());
                                            return row;
                                        })
                                        .toList()));
    }

    /** The bank cannot open an account in this name (its KYC check refuses the person's data). */
    void refuse(String name) {
        refusedNames.add(name);
    }

    /** The bank's answer will have no line for this name at all (a fault: the platform must not wait forever). */
    void leaveOut(String name) {
        leftOutNames.add(name);
    }

    void delay(Duration delay) {
        this.delay = delay;
    }

    int requestCount() {
        return requests.size();
    }

    List<OpenedAccount> accounts() {
        return requests.values().stream().flatMap(r -> r.accounts().stream()).toList();
    }

    void clear() {
        requests.clear();
        refusedNames.clear();
        leftOutNames.clear();
        delay = Duration.ofSeconds(1);
    }
}
