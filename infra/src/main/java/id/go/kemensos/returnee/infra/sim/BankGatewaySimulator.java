package id.go.kemensos.returnee.infra.sim;

import com.sun.net.httpserver.HttpExchange;
import id.go.kemensos.returnee.infra.sim.SimulatorHttp.Reply;
import id.go.kemensos.returnee.infra.sim.SnapMessages.AccountInquiryRequest;
import id.go.kemensos.returnee.infra.sim.SnapMessages.AccountInquiryResponse;
import id.go.kemensos.returnee.infra.sim.SnapMessages.AccountRegistration;
import id.go.kemensos.returnee.infra.sim.SnapMessages.Amount;
import id.go.kemensos.returnee.infra.sim.SnapMessages.SnapError;
import id.go.kemensos.returnee.infra.sim.SnapMessages.StatusRequest;
import id.go.kemensos.returnee.infra.sim.SnapMessages.StatusResponse;
import id.go.kemensos.returnee.infra.sim.SnapMessages.TransferRequest;
import id.go.kemensos.returnee.infra.sim.SnapMessages.TransferResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;

/**
 * A receiving bank behind a SNAP BI interface: account inquiry (service 16), interbank transfer (18) and transfer
 * status (36), and, as a Himbara bank, the collective opening of accounts for people who have none
 * ({@link CollectiveAccountOpenings}). Transfers are idempotent by {@code partnerReferenceNo}, atomically per reference, so a retried or
 * concurrently duplicated payment is booked once; combined with lost-reply faults this is what proves "paid exactly
 * once".
 *
 * <p>Like a real bank it checks SNAP BI authentication (see {@link SnapAuthentication}): partners registered with
 * {@link #registerPartner} get a B2B access token from {@code POST /snap/v1.0/access-token/b2b} and sign every service
 * call. A refused request is answered before anything else happens to it (no fault injection, no booking, no duplicate
 * detection). The {@code /sim/*} control endpoints belong to the test harness and need no authentication.
 */
public final class BankGatewaySimulator extends SnapGatewaySimulator {

    public static final int DEFAULT_PORT = 8091;

    private static final String INQUIRY = "16";
    private static final String TRANSFER = "18";
    private static final String STATUS = "36";

    /** What a transfer request resolved to, replayed verbatim for duplicates. {@code bankReference} null = rejected. */
    private record Outcome(
            String bankKey, String accountNo, long rupiah, Amount amount, String bankReference, Reply reply) {}

    /**
     * Body of {@code GET /sim/stats}; inconsistent requests (409) are not counted as duplicates. Transfer requests
     * count only those that passed authentication; {@code authenticationRefusals} counts every SNAP request refused by
     * it (access token requests included).
     */
    public record BankStats(
            long transferRequests,
            long executedTransfers,
            long duplicateRequests,
            long inconsistentRequests,
            long rejectedTransfers,
            long faultsInjected,
            long authenticationRefusals,
            long accessTokensIssued) {}

    private final AccountDirectory accounts = new AccountDirectory();
    private final CollectiveAccountOpenings openings = new CollectiveAccountOpenings(accounts);
    private final ConcurrentMap<String, Outcome> transfersByReference = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, AtomicInteger> executions = new ConcurrentHashMap<>();
    private final List<ExecutedTransfer> executed = new CopyOnWriteArrayList<>();
    /** References of executed credits that came back (the account was closed after the credit, say). */
    private final Set<String> returned = ConcurrentHashMap.newKeySet();
    /** Never reset: a bank does not reuse references, and a client may still hold ones from before a reset. */
    private final AtomicLong referenceSequence = new AtomicLong();

    private final AtomicLong transferRequests = new AtomicLong();
    private final AtomicLong duplicateRequests = new AtomicLong();
    private final AtomicLong inconsistentRequests = new AtomicLong();
    private final AtomicLong rejectedTransfers = new AtomicLong();

    public BankGatewaySimulator() {
        this(DEFAULT_PORT);
    }

    public BankGatewaySimulator(int port) {
        this(port, new Random());
    }

    public BankGatewaySimulator(int port, Random random) {
        super("bank-gateway-sim", port, random);
    }

    public void registerAccount(String bankCode, String accountNo, String holderName) {
        accounts.register(bankCode, accountNo, holderName);
    }

    public void closeAccount(String bankCode, String accountNo) {
        accounts.close(bankCode, accountNo);
    }

    /**
     * Default true: unregistered digit-only accounts exist with an empty holder name (see {@link AccountDirectory}).
     */
    /** Names for accounts nobody registered (bank code, account number -> holder name, or null for none). */
    public void autoOpenedHolderNames(BiFunction<String, String, String> holders) {
        accounts.autoOpenHolders(holders);
    }

    public void setUnknownAccountsAutoOpen(boolean autoOpen) {
        accounts.autoOpen(autoOpen);
    }

    public int executedTransferCount() {
        return executed.size();
    }

    public List<ExecutedTransfer> executedTransfers() {
        return executed.stream()
                .sorted(Comparator.comparing(ExecutedTransfer::executedAt))
                .toList();
    }

    /** Times the transfer was actually booked: 0 or 1 by construction, counted independently so tests can prove it. */
    public int executionsOf(String partnerReferenceNo) {
        AtomicInteger count = executions.get(partnerReferenceNo);
        return count == null ? 0 : count.get();
    }

    public long transferRequestCount() {
        return transferRequests.get();
    }

    public BankStats stats() {
        return new BankStats(
                transferRequests.get(),
                executed.size(),
                duplicateRequests.get(),
                inconsistentRequests.get(),
                rejectedTransfers.get(),
                faultsInjected(),
                authentication.refusals(),
                authentication.tokensIssued());
    }

    /** The bank statement of executed credits, as the reconciliation job downloads it. */
    public String statementCsv() {
        return BankStatement.csv(executedTransfers(), returned);
    }

    /** The same statement as SWIFT MT940: each transfer a debit of the paying account, each return a credit back. */
    public String statementMt940() {
        return BankStatement.mt940(executedTransfers(), returned, LocalDate.now(ZoneId.of("Asia/Jakarta")));
    }

    /**
     * Marks an executed credit as returned: the statement then shows it as RETURNED.
     *
     * @return false when no transfer with this reference was executed
     */
    public boolean returnTransfer(String partnerReferenceNo) {
        boolean known = executed.stream().anyMatch(t -> t.partnerReferenceNo().equals(partnerReferenceNo));
        if (known) {
            returned.add(partnerReferenceNo);
        }
        return known;
    }

    /** An account the bank opened on a collective request, or why it could not (refusalReason, accountNo null). */
    public record CollectiveAccount(
            String requestReference,
            String partnerReferenceNo,
            String bankCode,
            String accountNo,
            String refusalReason) {}

    /** Every person of every collective opening request taken, in no particular order. */
    public List<CollectiveAccount> collectiveAccounts() {
        return openings.accounts().stream()
                .map(a -> new CollectiveAccount(
                        a.requestReference(), a.partnerReferenceNo(), a.bankCode(), a.accountNo(), a.refusalReason()))
                .toList();
    }

    /** Collective opening requests taken (repeats of one reference count once). */
    public int collectiveRequestCount() {
        return openings.requestCount();
    }

    /** The bank's KYC will refuse to open an account in this name. */
    public void refuseCollectiveAccountFor(String name) {
        openings.refuse(name);
    }

    /** The bank's answer to an opening request will leave this name out (no account, no refusal: no line). */
    public void leaveOutOfCollectiveAnswer(String name) {
        openings.leaveOut(name);
    }

    /** How long the bank takes to open the accounts of a request (default a second). */
    public void setCollectiveOpeningDelay(Duration delay) {
        openings.delay(delay);
    }

    @Override
    protected void clearState() {
        openings.clear();
        accounts.clear();
        transfersByReference.clear();
        executions.clear();
        executed.clear();
        returned.clear();
        transferRequests.set(0);
        duplicateRequests.set(0);
        inconsistentRequests.set(0);
        rejectedTransfers.set(0);
        authentication.reset();
    }

    @Override
    protected boolean routeService(HttpExchange exchange, String method, String path) throws IOException {
        switch (method + " " + path) {
            // Each service call is authenticated over the raw body first; only then parsed, fault-injected and run.
            case "POST /snap/v1.0/account-inquiry-external" -> {
                byte[] body = SimulatorHttp.readBody(exchange);
                if (refused(exchange, INQUIRY, body)) {
                    return true;
                }
                AccountInquiryRequest request = SimulatorHttp.parseJson(body, AccountInquiryRequest.class);
                withFaults(exchange, status -> SnapMessages.fault(status, INQUIRY), () -> inquire(request));
            }
            case "POST /snap/v1.0/transfer-interbank" -> {
                byte[] body = SimulatorHttp.readBody(exchange);
                if (refused(exchange, TRANSFER, body)) {
                    return true;
                }
                transferRequests.incrementAndGet();
                TransferRequest request = SimulatorHttp.parseJson(body, TransferRequest.class);
                withFaults(exchange, status -> SnapMessages.fault(status, TRANSFER), () -> transfer(request));
            }
            case "POST /snap/v1.0/transfer/status" -> {
                byte[] body = SimulatorHttp.readBody(exchange);
                if (refused(exchange, STATUS, body)) {
                    return true;
                }
                StatusRequest request = SimulatorHttp.parseJson(body, StatusRequest.class);
                withFaults(exchange, status -> SnapMessages.fault(status, STATUS), () -> status(request));
            }
            case "POST /snap/v1.0/collective-account/opening" -> {
                byte[] body = SimulatorHttp.readBody(exchange);
                if (refused(exchange, CollectiveAccountOpenings.SERVICE, body)) {
                    return true;
                }
                CollectiveAccountOpenings.OpeningRequest request =
                        SimulatorHttp.parseJson(body, CollectiveAccountOpenings.OpeningRequest.class);
                withFaults(
                        exchange,
                        status -> SnapMessages.fault(status, CollectiveAccountOpenings.SERVICE),
                        () -> openings.request(request));
            }
            case "POST /snap/v1.0/collective-account/opening/status" -> {
                byte[] body = SimulatorHttp.readBody(exchange);
                if (refused(exchange, CollectiveAccountOpenings.SERVICE, body)) {
                    return true;
                }
                StatusRequest request = SimulatorHttp.parseJson(body, StatusRequest.class);
                withFaults(
                        exchange,
                        status -> SnapMessages.fault(status, CollectiveAccountOpenings.SERVICE),
                        () -> openings.status(request.originalPartnerReferenceNo()));
            }
            case "GET /sim/collective-accounts" -> SimulatorHttp.sendJson(exchange, 200, collectiveAccounts());
            case "POST /sim/accounts", "POST /sim/accounts/close" -> {
                AccountRegistration body = SimulatorHttp.readJson(exchange, AccountRegistration.class);
                try {
                    if (path.endsWith("/close")) {
                        closeAccount(body.bankCode(), body.accountNo());
                    } else {
                        registerAccount(body.bankCode(), body.accountNo(), body.holderName());
                    }
                } catch (IllegalArgumentException e) {
                    SimulatorHttp.sendJson(exchange, 400, Map.of("error", e.getMessage()));
                    return true;
                }
                SimulatorHttp.sendJson(exchange, 200, Map.of("bankCode", body.bankCode(), "ok", true));
            }
            case "PUT /sim/accounts/auto-open" -> {
                boolean enabled = SimulatorHttp.readJson(exchange, SnapMessages.AutoOpen.class)
                        .enabled();
                setUnknownAccountsAutoOpen(enabled);
                SimulatorHttp.sendJson(exchange, 200, Map.of("enabled", enabled));
            }
            case "POST /sim/returns" -> {
                String reference = SimulatorHttp.readJson(exchange, SnapMessages.ReturnRequest.class)
                        .partnerReferenceNo();
                boolean known = returnTransfer(reference);
                SimulatorHttp.sendJson(
                        exchange, known ? 200 : 404, Map.of("partnerReferenceNo", reference, "returned", known));
            }
            case "GET /sim/transfers" -> SimulatorHttp.sendJson(exchange, 200, executedTransfers());
            case "GET /sim/stats" -> SimulatorHttp.sendJson(exchange, 200, stats());
            case "GET /sim/statement" -> {
                String format = SimulatorHttp.query(exchange).getOrDefault("format", "csv");
                if (format.equals("csv")) {
                    SimulatorHttp.sendText(exchange, 200, "text/csv", statementCsv());
                } else if (format.equals("mt940")) {
                    SimulatorHttp.sendText(exchange, 200, "text/plain", statementMt940());
                } else {
                    SimulatorHttp.sendJson(exchange, 400, Map.of("error", "UNSUPPORTED_FORMAT", "format", format));
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private Reply inquire(AccountInquiryRequest request) {
        SnapError invalid =
                SnapMessages.accountError(INQUIRY, request.beneficiaryBankCode(), request.beneficiaryAccountNo());
        if (invalid != null) {
            return new Reply(400, invalid);
        }
        return accounts.find(request.beneficiaryBankCode(), request.beneficiaryAccountNo())
                .map(account -> account.closed()
                        ? new Reply(403, new SnapError("4031618", "Inactive Account"))
                        : new Reply(
                                200,
                                new AccountInquiryResponse(
                                        "2001600",
                                        "Successful",
                                        request.partnerReferenceNo(),
                                        request.beneficiaryAccountNo(),
                                        account.holderName(),
                                        request.beneficiaryBankCode())))
                .orElseGet(() -> new Reply(404, new SnapError("4041611", "Invalid Account")));
    }

    private Reply transfer(TransferRequest request) {
        SnapError invalid = SnapMessages.transferError(request);
        if (invalid != null) {
            return new Reply(400, invalid); // malformed requests are answered, never stored
        }
        String reference = request.partnerReferenceNo();
        long rupiah = SnapMessages.wholeRupiah(request.amount());
        boolean[] fresh = {false};
        // computeIfAbsent runs the booking at most once per reference, even for concurrent duplicates.
        Outcome outcome = transfersByReference.computeIfAbsent(reference, ref -> {
            fresh[0] = true;
            return book(request, rupiah);
        });
        if (fresh[0]) {
            return outcome.reply();
        }
        if (!outcome.bankKey().equals(AccountDirectory.bankKey(request.beneficiaryBankCode()))
                || !outcome.accountNo().equals(request.beneficiaryAccountNo())
                || outcome.rupiah() != rupiah) {
            inconsistentRequests.incrementAndGet();
            log.warn("transfer {} repeated with a different amount or account", reference);
            return new Reply(409, new SnapError("4091800", "Inconsistent Request"));
        }
        duplicateRequests.incrementAndGet();
        log.info("transfer {} is a duplicate; replaying {}", reference, outcome.bankReference());
        return outcome.reply();
    }

    /** Books (or rejects) a first-seen transfer; runs inside computeIfAbsent, so at most once per reference. */
    private Outcome book(TransferRequest request, long rupiah) {
        String bankKey = AccountDirectory.bankKey(request.beneficiaryBankCode());
        String accountNo = request.beneficiaryAccountNo();
        Amount amount = new Amount(request.amount().value(), "IDR");
        Optional<AccountDirectory.Account> account = accounts.find(request.beneficiaryBankCode(), accountNo);
        SnapError rejection = account.isEmpty()
                ? new SnapError("4041811", "Invalid Account")
                : account.get().closed() ? new SnapError("4031818", "Inactive Account") : null;
        if (rejection != null) {
            rejectedTransfers.incrementAndGet();
            log.info(
                    "transfer {} to bank {} account {} rejected: {}",
                    request.partnerReferenceNo(),
                    bankKey,
                    SimulatorHttp.mask(accountNo),
                    rejection.responseMessage());
            int status = Integer.parseInt(rejection.responseCode().substring(0, 3));
            return new Outcome(bankKey, accountNo, rupiah, amount, null, new Reply(status, rejection));
        }
        String bankReference = String.format("BNK%012d", referenceSequence.incrementAndGet());
        executions
                .computeIfAbsent(request.partnerReferenceNo(), ref -> new AtomicInteger())
                .incrementAndGet();
        executed.add(new ExecutedTransfer(
                request.partnerReferenceNo(),
                bankReference,
                request.beneficiaryBankCode(),
                accountNo,
                request.beneficiaryAccountName(),
                rupiah,
                Instant.now()));
        log.info(
                "transfer {} booked as {}: Rp{} to bank {} account {}",
                request.partnerReferenceNo(),
                bankReference,
                rupiah,
                bankKey,
                SimulatorHttp.mask(accountNo));
        return new Outcome(
                bankKey,
                accountNo,
                rupiah,
                amount,
                bankReference,
                new Reply(
                        200,
                        new TransferResponse(
                                "2001800",
                                "Successful",
                                bankReference,
                                request.partnerReferenceNo(),
                                amount,
                                request.beneficiaryBankCode(),
                                accountNo,
                                request.sourceAccountNo())));
    }

    private Reply status(StatusRequest request) {
        String reference = request.originalPartnerReferenceNo();
        if (reference == null || reference.isBlank()) {
            return new Reply(400, SnapMessages.missingField(STATUS, "originalPartnerReferenceNo"));
        }
        Outcome outcome = transfersByReference.get(reference);
        if (outcome == null) {
            return new Reply(404, new SnapError("4043601", "Transaction Not Found"));
        }
        boolean success = outcome.bankReference() != null;
        return new Reply(
                200,
                new StatusResponse(
                        "2003600",
                        "Successful",
                        reference,
                        outcome.bankReference(),
                        TRANSFER,
                        success ? "00" : "06",
                        success ? "Success" : "Failed",
                        outcome.amount()));
    }
}
