package id.go.kemensos.returnee.infra.sim;

import com.sun.net.httpserver.HttpExchange;
import id.go.kemensos.returnee.infra.sim.SimulatorHttp.Reply;
import id.go.kemensos.returnee.infra.sim.SnapMessages.Amount;
import id.go.kemensos.returnee.infra.sim.SnapMessages.SnapError;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * PT Pos's cash remittance ("wesel"), as the platform uses it for people without a bank account: the platform sends a
 * remittance, PT Pos answers with a claim code and a deadline, and the person collects the cash at any post office with
 * the code and their KTP; what nobody collects by the deadline goes back to the paying account.
 *
 * <p>PT Pos's own interface is not public. This one is SNAP-shaped like the bank's: the same partner authentication
 * ({@link SnapAuthentication}, the platform registered with {@link #registerPartner}), JSON bodies, SNAP response codes
 * under the simulator's own service codes 97 (remittance) and 98 (status), and SNAP's transaction status codes (00 paid
 * out, 03 waiting at the office, 04 returned to the remitter, 06 refused). A remittance is idempotent by
 * {@code partnerReferenceNo}: one claim, and one payout, per reference, whatever is repeated.
 *
 * <p>The {@code /sim/*} endpoints are the harness's and need no authentication: {@code POST /sim/claims} is the person
 * at the counter (claim code and NIK), {@code POST /sim/clock} moves the office's calendar on (deadlines pass),
 * {@code GET /sim/remittances} and {@code GET /sim/stats} show what happened.
 */
public final class PostOfficeSimulator extends SnapGatewaySimulator {

    public static final int DEFAULT_PORT = 8094;

    private static final String REMIT = "97";
    private static final String STATUS = "98";
    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    private static final Pattern PARTNER_REFERENCE = Pattern.compile("^[A-Za-z0-9-]{1,64}$");
    private static final int MAX_CLAIM_DAYS = 90;

    /** What the platform sends; the recipient's masked NIK (first four and last two digits) is checked at the counter. */
    record RemittanceRequest(
            String partnerReferenceNo,
            Amount amount,
            String recipientName,
            String recipientIdMasked,
            String recipientRegencyCode,
            Integer claimDays,
            Boolean invitationLetter,
            String sourceAccountNo,
            String remark) {}

    record StatusRequest(String originalPartnerReferenceNo) {}

    /** The person at the counter: the code from their SMS, and the NIK on the KTP they show. */
    public record CounterClaim(String claimCode, String nik, String office) {}

    record ClockAdvance(int days) {}

    public enum RemittanceState {
        ISSUED,
        PAID,
        EXPIRED
    }

    /** One remittance as PT Pos keeps it (the claim code left out of {@code GET /sim/remittances}). */
    public record Remittance(
            String partnerReferenceNo,
            String referenceNo,
            long rupiah,
            String recipientName,
            String recipientIdMasked,
            String regencyCode,
            LocalDate claimDeadline,
            boolean invitationLetter,
            RemittanceState state,
            String paidReferenceNo,
            Instant paidAt,
            String office) {}

    public record PostOfficeStats(
            long remittanceRequests,
            long remittancesIssued,
            long duplicateRequests,
            long inconsistentRequests,
            long payouts,
            long expired,
            long refusedClaims,
            long faultsInjected,
            long authenticationRefusals) {}

    private final class Held {
        final RemittanceRequest request;
        final String referenceNo;
        final String claimCode;
        final long rupiah;
        final LocalDate deadline;
        RemittanceState state = RemittanceState.ISSUED;
        String paidReferenceNo;
        Instant paidAt;
        String office;

        Held(RemittanceRequest request, String referenceNo, String claimCode, long rupiah, LocalDate deadline) {
            this.request = request;
            this.referenceNo = referenceNo;
            this.claimCode = claimCode;
            this.rupiah = rupiah;
            this.deadline = deadline;
        }

        /** The cash goes back once the deadline's day is over in the office's calendar. */
        synchronized RemittanceState state() {
            if (state == RemittanceState.ISSUED && today().isAfter(deadline)) {
                state = RemittanceState.EXPIRED;
                expired.incrementAndGet();
                log.info("remittance {} not collected by {}: returned to the remitter", referenceNo, deadline);
            }
            return state;
        }

        synchronized Remittance view() {
            return new Remittance(
                    request.partnerReferenceNo(),
                    referenceNo,
                    rupiah,
                    request.recipientName(),
                    request.recipientIdMasked(),
                    request.recipientRegencyCode(),
                    deadline,
                    Boolean.TRUE.equals(request.invitationLetter()),
                    state(),
                    paidReferenceNo,
                    paidAt,
                    office);
        }
    }

    private final SecureRandom codes = new SecureRandom();
    private final ConcurrentMap<String, Held> byReference = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Held> byClaimCode = new ConcurrentHashMap<>();
    /** Never reset, as a real office never reuses a reference. */
    private final AtomicLong referenceSequence = new AtomicLong();

    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong inconsistent = new AtomicLong();
    private final AtomicLong payouts = new AtomicLong();
    private final AtomicLong expired = new AtomicLong();
    private final AtomicLong refusedClaims = new AtomicLong();
    private volatile Duration calendarShift = Duration.ZERO;

    public PostOfficeSimulator() {
        this(DEFAULT_PORT);
    }

    public PostOfficeSimulator(int port) {
        this(port, new Random());
    }

    public PostOfficeSimulator(int port, Random random) {
        super("post-office-sim", port, random);
    }

    /** Moves the offices' calendar on by whole days: remittances whose deadline has passed are returned. */
    public void advanceCalendar(int days) {
        if (days < 0) {
            throw new IllegalArgumentException("the calendar only moves on, not " + days + " days");
        }
        calendarShift = calendarShift.plusDays(days);
        log.info("post offices' calendar moved on {} days, to {}", days, today());
    }

    /**
     * The person collects the cash at the counter: the claim code they were sent, and the NIK on their KTP, which must
     * fit the masked NIK the remittance names.
     */
    public Reply claim(CounterClaim claim) {
        Held held = claim.claimCode() == null
                ? null
                : byClaimCode.get(claim.claimCode().strip());
        if (held == null) {
            refusedClaims.incrementAndGet();
            return new Reply(404, Map.of("error", "UNKNOWN_CLAIM_CODE"));
        }
        synchronized (held) {
            RemittanceState state = held.state();
            if (state != RemittanceState.ISSUED) {
                refusedClaims.incrementAndGet();
                return new Reply(409, Map.of("error", state == RemittanceState.PAID ? "ALREADY_PAID" : "EXPIRED"));
            }
            if (!fits(held.request.recipientIdMasked(), claim.nik())) {
                refusedClaims.incrementAndGet();
                log.info("claim on {} refused: the KTP shown is not the recipient's", held.referenceNo);
                return new Reply(403, Map.of("error", "IDENTITY_MISMATCH"));
            }
            held.state = RemittanceState.PAID;
            held.paidReferenceNo = String.format("POSPAID%010d", referenceSequence.incrementAndGet());
            held.paidAt = Instant.now();
            held.office = claim.office() == null ? "Kantor Pos" : claim.office();
            payouts.incrementAndGet();
            log.info("remittance {} paid out at {} as {}", held.referenceNo, held.office, held.paidReferenceNo);
            return new Reply(200, Map.of("referenceNo", held.referenceNo, "paidReferenceNo", held.paidReferenceNo));
        }
    }

    public List<Remittance> remittances() {
        return byReference.values().stream()
                .map(Held::view)
                .sorted(Comparator.comparing(Remittance::referenceNo))
                .toList();
    }

    public PostOfficeStats stats() {
        return new PostOfficeStats(
                requests.get(),
                byReference.size(),
                duplicates.get(),
                inconsistent.get(),
                payouts.get(),
                expired.get(),
                refusedClaims.get(),
                faultsInjected(),
                authentication.refusals());
    }

    @Override
    protected void clearState() {
        byReference.clear();
        byClaimCode.clear();
        requests.set(0);
        duplicates.set(0);
        inconsistent.set(0);
        payouts.set(0);
        expired.set(0);
        refusedClaims.set(0);
        calendarShift = Duration.ZERO;
        authentication.reset();
    }

    @Override
    protected boolean routeService(HttpExchange exchange, String method, String path) throws IOException {
        switch (method + " " + path) {
            case "POST /snap/v1.0/cash-remittance" -> {
                byte[] body = SimulatorHttp.readBody(exchange);
                if (refused(exchange, REMIT, body)) {
                    return true;
                }
                requests.incrementAndGet();
                RemittanceRequest request = SimulatorHttp.parseJson(body, RemittanceRequest.class);
                withFaults(exchange, status -> SnapMessages.fault(status, REMIT), () -> remit(request));
            }
            case "POST /snap/v1.0/cash-remittance/status" -> {
                byte[] body = SimulatorHttp.readBody(exchange);
                if (refused(exchange, STATUS, body)) {
                    return true;
                }
                StatusRequest request = SimulatorHttp.parseJson(body, StatusRequest.class);
                withFaults(exchange, status -> SnapMessages.fault(status, STATUS), () -> status(request));
            }
            case "POST /sim/claims" ->
                SimulatorHttp.send(exchange, claim(SimulatorHttp.readJson(exchange, CounterClaim.class)));
            case "POST /sim/clock" -> {
                advanceCalendar(
                        SimulatorHttp.readJson(exchange, ClockAdvance.class).days());
                SimulatorHttp.sendJson(exchange, 200, Map.of("today", today().toString()));
            }
            case "GET /sim/remittances" -> SimulatorHttp.sendJson(exchange, 200, remittances());
            case "GET /sim/stats" -> SimulatorHttp.sendJson(exchange, 200, stats());
            default -> {
                return false;
            }
        }
        return true;
    }

    private Reply remit(RemittanceRequest request) {
        SnapError invalid = invalid(request);
        if (invalid != null) {
            return new Reply(400, invalid);
        }
        long rupiah = SnapMessages.wholeRupiah(request.amount());
        boolean[] fresh = {false};
        Held held = byReference.computeIfAbsent(request.partnerReferenceNo(), reference -> {
            fresh[0] = true;
            return issue(request, rupiah);
        });
        if (!fresh[0]) {
            if (held.rupiah != rupiah || !held.request.recipientName().equals(request.recipientName())) {
                inconsistent.incrementAndGet();
                return new Reply(409, new SnapError("4099700", "Inconsistent Request"));
            }
            duplicates.incrementAndGet();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("responseCode", "2009700");
        body.put("responseMessage", "Successful");
        body.put("partnerReferenceNo", request.partnerReferenceNo());
        body.put("referenceNo", held.referenceNo);
        body.put("claimCode", held.claimCode);
        body.put("claimDeadline", held.deadline.toString());
        return new Reply(200, body);
    }

    private Held issue(RemittanceRequest request, long rupiah) {
        String code;
        do {
            code = String.format("%010d", Math.floorMod(codes.nextLong(), 10_000_000_000L));
        } while (byClaimCode.containsKey(code));
        Held held = new Held(
                request,
                String.format("POS%012d", referenceSequence.incrementAndGet()),
                code,
                rupiah,
                today().plusDays(request.claimDays()));
        byClaimCode.put(code, held);
        log.info(
                "remittance {} issued as {}: Rp{} to collect by {}{}",
                request.partnerReferenceNo(),
                held.referenceNo,
                rupiah,
                held.deadline,
                Boolean.TRUE.equals(request.invitationLetter()) ? ", the code delivered in an invitation letter" : "");
        return held;
    }

    private Reply status(StatusRequest request) {
        String reference = request.originalPartnerReferenceNo();
        if (reference == null || reference.isBlank()) {
            return new Reply(400, SnapMessages.missingField(STATUS, "originalPartnerReferenceNo"));
        }
        Held held = byReference.get(reference);
        if (held == null) {
            return new Reply(404, new SnapError("4049801", "Transaction Not Found"));
        }
        Remittance now = held.view();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("responseCode", "2009800");
        body.put("responseMessage", "Successful");
        body.put("originalPartnerReferenceNo", reference);
        body.put("referenceNo", held.referenceNo);
        body.put("claimDeadline", held.deadline.toString());
        switch (now.state()) {
            case ISSUED -> {
                body.put("latestTransactionStatus", "03");
                body.put("transactionStatusDesc", "Pending");
                body.put("claimCode", held.claimCode);
            }
            case PAID -> {
                body.put("latestTransactionStatus", "00");
                body.put("transactionStatusDesc", "Success");
                body.put("paidReferenceNo", now.paidReferenceNo());
                body.put("paidAt", now.paidAt().toString());
            }
            case EXPIRED -> {
                body.put("latestTransactionStatus", "04");
                body.put("transactionStatusDesc", "Refunded");
            }
        }
        return new Reply(200, body);
    }

    private static SnapError invalid(RemittanceRequest request) {
        String reference = request.partnerReferenceNo();
        if (reference == null || reference.isBlank()) {
            return SnapMessages.missingField(REMIT, "partnerReferenceNo");
        }
        if (!PARTNER_REFERENCE.matcher(reference).matches()) {
            return SnapMessages.invalidFormat(REMIT, "partnerReferenceNo");
        }
        if (SnapMessages.wholeRupiah(request.amount()) <= 0) {
            return SnapMessages.invalidFormat(REMIT, "amount");
        }
        if (request.recipientName() == null || request.recipientName().isBlank()) {
            return SnapMessages.missingField(REMIT, "recipientName");
        }
        if (request.claimDays() == null || request.claimDays() < 1 || request.claimDays() > MAX_CLAIM_DAYS) {
            return SnapMessages.invalidFormat(REMIT, "claimDays");
        }
        return null;
    }

    /** A KTP's NIK fits a masked one when the digits the mask shows are the same (no mask given: the name is checked). */
    static boolean fits(String masked, String nik) {
        if (masked == null || masked.isBlank()) {
            return nik != null && nik.matches("\\d{16}");
        }
        if (nik == null || nik.length() != masked.length()) {
            return false;
        }
        for (int i = 0; i < masked.length(); i++) {
            char shown = masked.charAt(i);
            if (shown != '*' && shown != nik.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private LocalDate today() {
        return LocalDate.now(JAKARTA).plusDays(calendarShift.toDays());
    }
}
