package id.go.kemensos.returnee.audit.person;

import id.go.kemensos.returnee.audit.ledger.AuditEntry;
import id.go.kemensos.returnee.audit.ledger.AuditLedger;
import id.go.kemensos.returnee.contracts.MaskedValues;
import id.go.kemensos.returnee.contracts.PlatformEvent;
import id.go.kemensos.returnee.contracts.access.PersonalDataAccessed;
import id.go.kemensos.returnee.contracts.casework.CaseEvent;
import id.go.kemensos.returnee.contracts.casework.CaseOpened;
import id.go.kemensos.returnee.contracts.casework.CaseReassigned;
import id.go.kemensos.returnee.contracts.casework.FollowUpRecorded;
import id.go.kemensos.returnee.contracts.casework.GrantDeclined;
import id.go.kemensos.returnee.contracts.casework.GrantPaid;
import id.go.kemensos.returnee.contracts.casework.GrievanceReceived;
import id.go.kemensos.returnee.contracts.casework.GrievanceResolved;
import id.go.kemensos.returnee.contracts.casework.NeedsAssessed;
import id.go.kemensos.returnee.contracts.casework.OfferAnswered;
import id.go.kemensos.returnee.contracts.casework.PlanActionAdded;
import id.go.kemensos.returnee.contracts.casework.PlanActionClosed;
import id.go.kemensos.returnee.contracts.casework.ProtectedCaseStep;
import id.go.kemensos.returnee.contracts.casework.ReferralMade;
import id.go.kemensos.returnee.contracts.casework.ReferralOutcomeRecorded;
import id.go.kemensos.returnee.contracts.casework.ServiceReferred;
import id.go.kemensos.returnee.contracts.casework.ServicesOffered;
import id.go.kemensos.returnee.contracts.disbursement.CashClaimExpired;
import id.go.kemensos.returnee.contracts.disbursement.CashClaimIssued;
import id.go.kemensos.returnee.contracts.disbursement.CollectiveAccountOpened;
import id.go.kemensos.returnee.contracts.disbursement.PaymentAccountChecked;
import id.go.kemensos.returnee.contracts.disbursement.PaymentApproved;
import id.go.kemensos.returnee.contracts.disbursement.PaymentAwaitingBudget;
import id.go.kemensos.returnee.contracts.disbursement.PaymentCancelled;
import id.go.kemensos.returnee.contracts.disbursement.PaymentChannel;
import id.go.kemensos.returnee.contracts.disbursement.PaymentFailed;
import id.go.kemensos.returnee.contracts.disbursement.PaymentReissued;
import id.go.kemensos.returnee.contracts.disbursement.PaymentReturned;
import id.go.kemensos.returnee.contracts.disbursement.PaymentScheduled;
import id.go.kemensos.returnee.contracts.disbursement.PaymentSent;
import id.go.kemensos.returnee.contracts.disbursement.PaymentSettled;
import id.go.kemensos.returnee.contracts.eligibility.CriterionOutcome;
import id.go.kemensos.returnee.contracts.eligibility.DecisionOverridden;
import id.go.kemensos.returnee.contracts.eligibility.EligibilityDecided;
import id.go.kemensos.returnee.contracts.eligibility.ProtectionDecided;
import id.go.kemensos.returnee.contracts.eligibility.ProtectionDecisionOverridden;
import id.go.kemensos.returnee.contracts.eligibility.ReferralRequested;
import id.go.kemensos.returnee.contracts.notification.SmsDelivered;
import id.go.kemensos.returnee.contracts.notification.SmsFailed;
import id.go.kemensos.returnee.contracts.notification.SmsPreferencesSet;
import id.go.kemensos.returnee.contracts.notification.SmsSent;
import id.go.kemensos.returnee.contracts.notification.SmsWithheld;
import id.go.kemensos.returnee.contracts.registration.BankAccount;
import id.go.kemensos.returnee.contracts.registration.PersonalDataErased;
import id.go.kemensos.returnee.contracts.registration.PersonalDetails;
import id.go.kemensos.returnee.contracts.registration.ReturneeRegistered;
import id.go.kemensos.returnee.contracts.registration.ReturneeUpdated;
import id.go.kemensos.returnee.privacy.PersonalDataCipher;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * A beneficiary's history from the ledger alone: registration and amendments, every decision with its rule version and
 * criteria, overrides with their reasons, payment states, and the SMS sent and delivered.
 */
@Service
public class BeneficiaryTimeline {

    private final AuditLedger ledger;
    private final PersonalDataCipher cipher;

    public BeneficiaryTimeline(AuditLedger ledger, PersonalDataCipher cipher) {
        this.ledger = ledger;
        this.cipher = cipher;
    }

    /** The personal fields of a registration, opened; empty once the person was erased. */
    Optional<PersonalDetails> details(ReturneeRegistered r) {
        return cipher.details(r);
    }

    /** A decision's criteria for auditors: personal inputs opened (or {@code [erased]}), a victim's facts withheld. */
    List<Map<String, Object>> criteria(UUID beneficiaryId, List<CriterionOutcome> criteria) {
        return AuditorRedaction.criteria(
                criteria,
                (name, value) -> value instanceof String text && PersonalDataCipher.isSealed(text)
                        ? cipher.open(beneficiaryId, CriterionOutcome.sealedField(name), text)
                                .orElse(CriterionOutcome.ERASED)
                        : value);
    }

    /**
     * What a case event tells an auditor. A service offered under a restricted law (Law 21/2007 Art. 44) is "a protection
     * service" and nothing more; so is every later step of it.
     */
    static String caseSummary(CaseEvent event) {
        if (event instanceof ProtectedCaseStep p) {
            return caseSummary(p.step()); // its restricted flag makes it say no more than the above
        }
        if (event instanceof CaseOpened o) {
            return "Case opened"
                    + (o.caseWorker() == null ? ", no case worker for the area yet" : ", case worker " + o.caseWorker())
                    + (o.followUps() == null || o.followUps().isEmpty()
                            ? ""
                            : "; follow-ups due "
                                    + o.followUps().stream()
                                            .map(f -> f.dueOn().toString())
                                            .collect(java.util.stream.Collectors.joining(", ")));
        }
        if (event instanceof FollowUpRecorded f) {
            return "Follow-up due " + f.dueOn() + ": " + f.contact()
                    + (f.contact() == FollowUpRecorded.Contact.NOT_REACHED
                            ? ""
                            : ", business " + f.businessStatus() + ", income " + f.incomeBand());
        }
        if (event instanceof ServicesOffered o) {
            return o.restricted()
                    ? "Offered protection services [restricted]"
                    : "Offered "
                            + o.offers().stream()
                                    .map(ServicesOffered.Offer::service)
                                    .collect(java.util.stream.Collectors.joining(", "))
                            + " under " + o.ruleSetId() + " v" + o.ruleSetVersion();
        }
        if (event instanceof OfferAnswered a) {
            String service = service(a.service(), a.restricted());
            return a.answer() == OfferAnswered.Answer.ACCEPTED
                    ? "Accepted " + service
                    : "Declined " + service + " (" + a.declineReason() + ")";
        }
        if (event instanceof ServiceReferred r) {
            return "Referred for " + service(r.service(), r.restricted()) + " to partner "
                    + (r.restricted() ? "[restricted]" : r.partnerId());
        }
        if (event instanceof ReferralOutcomeRecorded o) {
            return "Referral for " + service(o.service(), o.restricted()) + ": "
                    + (o.outcome() == ReferralOutcomeRecorded.Outcome.DELIVERED ? "delivered" : "not delivered");
        }
        if (event instanceof GrantPaid g) {
            return "Offer of " + g.service() + " delivered: Rp" + g.amount() + " paid (payment " + g.paymentId() + ")";
        }
        if (event instanceof NeedsAssessed a) {
            List<String> needing = a.needs().stream()
                    .filter(n -> n.level() != NeedsAssessed.Level.NONE)
                    .map(n -> n.dimension() + " " + n.level())
                    .toList();
            return "Needs assessed: " + (needing.isEmpty() ? "no need found" : String.join(", ", needing));
        }
        if (event instanceof PlanActionAdded p) {
            return p.restricted()
                    ? "Plan step for a protection service [restricted] due " + p.dueOn()
                    : "Plan step for " + p.dimension() + " due " + p.dueOn()
                            + (p.offerId() == null ? "" : ", through offer " + p.offerId());
        }
        if (event instanceof PlanActionClosed p) {
            return "Plan step for " + (p.restricted() ? "a protection service [restricted]" : p.dimension()) + " "
                    + p.outcome();
        }
        if (event instanceof CaseReassigned r) {
            return "Case handed over from " + (r.fromCaseWorker() == null ? "nobody" : r.fromCaseWorker()) + " to "
                    + r.toCaseWorker();
        }
        if (event instanceof GrantDeclined g) {
            return "Grant of " + g.programId() + " declined (" + g.declineReason() + "): its payment is to be stopped";
        }
        if (event instanceof ReferralMade) {
            return "Referral made: the person is told";
        }
        if (event instanceof GrievanceReceived g) {
            return (g.kind() == GrievanceReceived.Kind.REVIEW_REQUEST
                            ? "Request to review decision " + g.decisionId()
                            : "Complaint")
                    + " received (" + g.channel() + "), due " + g.dueOn()
                    + (g.owner() == null ? ", owned by the province's office" : ", owner " + g.owner());
        }
        GrievanceResolved r = (GrievanceResolved) event;
        return (r.kind() == GrievanceReceived.Kind.REVIEW_REQUEST ? "Review request " : "Complaint ")
                + r.resolution()
                + (GrievanceResolved.BY_NEW_DECISION.equals(r.resolvedBy())
                        ? " by the new decision " + r.decisionId()
                        : " by " + r.resolvedBy());
    }

    private static String service(String code, boolean restricted) {
        return restricted ? "a protection service [restricted]" : code;
    }

    public List<TimelineEntry> of(UUID beneficiaryId) {
        List<TimelineEntry> timeline = new ArrayList<>();
        for (AuditEntry entry : ledger.bySubject(beneficiaryId.toString())) {
            Optional<PlatformEvent> event = decoded(entry);
            // Who read the person's data is the access log's business (GET /api/access-log), not what happened to them.
            event.filter(e -> !(e instanceof PersonalDataAccessed)).ifPresent(e -> timeline.add(describe(entry, e)));
        }
        timeline.sort(java.util.Comparator.comparing(
                        TimelineEntry::at, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()))
                .thenComparingLong(TimelineEntry::seq));
        return timeline;
    }

    Optional<PlatformEvent> decoded(AuditEntry entry) {
        try {
            return ledger.payload(entry);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    TimelineEntry describe(AuditEntry entry, PlatformEvent event) {
        Map<String, Object> d = new LinkedHashMap<>();
        String summary;
        if (event instanceof ReturneeRegistered r) {
            // Sealed with the person's key: once they are erased, the entry stays (its hash too) and reads as erased.
            Optional<PersonalDetails> p = cipher.details(r);
            d.put("fullName", p.map(PersonalDetails::fullName).orElse(CriterionOutcome.ERASED));
            d.put("nik", p.map(PersonalDetails::nikMasked).orElse(CriterionOutcome.ERASED));
            d.put("regencyCode", r.regencyCode());
            d.put("returnDate", r.returnDate());
            d.put("phone", p.map(x -> MaskedValues.lastFour(x.phoneE164())).orElse(CriterionOutcome.ERASED));
            d.put(
                    "bank",
                    p.map(x -> x.bankAccount() == null
                                    ? "none: paid in cash at a post office"
                                    : x.bankAccount().bankCode() + " "
                                            + x.bankAccount().maskedAccountNumber())
                            .orElse(CriterionOutcome.ERASED));
            d.put("uploadId", r.uploadId());
            summary = "Registered "
                    + p.map(x -> x.fullName() + " (NIK " + x.nikMasked() + ")").orElse("a person whose data was erased")
                    + ", region " + r.regencyCode()
                    + (r.uploadId() != null ? " from upload " + r.uploadId() : " at a desk");
        } else if (event instanceof ReturneeUpdated u) {
            Optional<PersonalDetails> p = cipher.details(u);
            BankAccount account = p.map(PersonalDetails::bankAccount).orElse(null);
            d.put("changed", u.changed());
            d.put("phone", p.map(x -> MaskedValues.lastFour(x.phoneE164())).orElse(CriterionOutcome.ERASED));
            d.put("bank", account == null ? null : account.bankCode() + " " + account.maskedAccountNumber());
            d.put("dtsenDecile", u.dtsenDecile());
            summary = "Amended "
                    + String.join(
                            ", ",
                            u.changed().stream()
                                    .map(c -> c.equals(ReturneeUpdated.SEALED_DETAILS) ? "restricted details" : c)
                                    .toList())
                    + (account != null && u.changed().contains("bankAccount")
                            ? ": bank " + account.bankCode() + " " + account.maskedAccountNumber()
                            : "")
                    + (u.changed().contains("dtsenDecile") ? ": DTSEN decile " + u.dtsenDecile() : "");
        } else if (event instanceof PersonalDataErased x) {
            d.put("erasedBy", x.erasedBy());
            d.put("ground", x.ground());
            summary = "Personal data erased on " + LocalDate.ofInstant(x.erasedAt(), ZoneId.of("Asia/Jakarta")) + " by "
                    + x.erasedBy() + " (" + x.ground() + ")";
        } else if (event instanceof EligibilityDecided e) {
            d.put("decisionId", e.decisionId());
            d.put("ruleSet", e.ruleSetId() + " " + e.ruleSetVersion());
            d.put("legalBasis", e.legalBasis());
            d.put("relevantDate", e.relevantDate());
            d.put("criteria", criteria(e.beneficiaryId(), e.criteria()));
            d.put("previousDecisionId", e.previousDecisionId());
            summary = e.outcome() + " under " + e.ruleSetId() + " v" + e.ruleSetVersion()
                    + (e.grantAmount() > 0 ? ", Rp" + e.grantAmount() : "")
                    + (e.failedCriteria() == null || e.failedCriteria().isEmpty()
                            ? ""
                            : "; not passed " + String.join(", ", e.failedCriteria()))
                    + (e.legalBasis() == null || e.legalBasis().isEmpty()
                            ? ""
                            : " (" + String.join("; ", e.legalBasis()) + ")");
        } else if (event instanceof ProtectionDecided || event instanceof ProtectionDecisionOverridden) {
            // Law 21/2007 Art. 44: that such a decision exists is all an auditor learns; protection officers read it in
            // eligibility.
            summary = "Protection services: restricted";
        } else if (event instanceof CaseEvent c) {
            summary = caseSummary(c);
        } else if (event instanceof ReferralRequested r) {
            d.put("referralId", r.referralId());
            d.put("decisionId", r.decisionId());
            d.put("service", r.service());
            d.put("partnerType", r.partnerType());
            d.put("regencyCode", r.regencyCode());
            summary = "Referred to " + r.partnerType() + " (" + r.service() + ") of regency " + r.regencyCode()
                    + " under " + r.ruleSetId() + " v" + r.ruleSetVersion();
        } else if (event instanceof DecisionOverridden o) {
            d.put("decisionId", o.decisionId());
            d.put("officer", o.officer());
            d.put("reason", o.reason());
            summary = "Override of decision " + o.decisionId() + ": " + o.originalOutcome() + " -> " + o.outcome()
                    + " by " + o.officer() + ": " + o.reason();
        } else if (event instanceof PaymentScheduled s) {
            d.put("paymentId", s.paymentId());
            d.put("decisionId", s.decisionId());
            summary = "Payment " + s.paymentId() + " scheduled: Rp" + s.amount() + " " + s.programId() + " "
                    + s.cycleId();
        } else if (event instanceof PaymentAccountChecked c) {
            d.put("paymentId", c.paymentId());
            summary = "Account check " + c.result() + ": " + c.accountText()
                    + (c.detail() == null ? "" : " (" + c.detail() + ")");
        } else if (event instanceof PaymentAwaitingBudget w) {
            d.put("paymentId", w.paymentId());
            summary = "Payment waits for budget: " + w.reason();
        } else if (event instanceof PaymentApproved a) {
            d.put("paymentId", a.paymentId());
            summary = "Payment approved by " + a.approvedBy();
        } else if (event instanceof PaymentSent s) {
            d.put("paymentId", s.paymentId());
            summary = PaymentChannel.orTransfer(s.channel()) == PaymentChannel.POS_CASH
                    ? "Payment sent to PT Pos, to be collected in cash at a post office"
                    : "Payment sent to bank " + s.bankCode() + " " + s.accountNumberMasked();
        } else if (event instanceof CollectiveAccountOpened o) {
            d.put("paymentId", o.paymentId());
            d.put("openingReference", o.openingReference());
            summary = "No bank account: bank " + o.bankCode() + " opened " + o.accountNumberMasked()
                    + " in the person's name (rekening kolektif), to be checked and paid";
        } else if (event instanceof CashClaimIssued c) {
            // The claim code stays sealed: an auditor sees that one was issued, and until when.
            d.put("paymentId", c.paymentId());
            d.put("posReference", c.posReference());
            summary = "Rp" + c.amount() + " waits at the post office until " + c.claimDeadline() + " (PT Pos reference "
                    + c.posReference() + "); claim code sent to the person";
        } else if (event instanceof CashClaimExpired x) {
            d.put("paymentId", x.paymentId());
            summary = "Cash not collected by " + x.claimDeadline() + ": returned by PT Pos, Rp" + x.amount()
                    + " back to the budget";
        } else if (event instanceof PaymentSettled s) {
            d.put("paymentId", s.paymentId());
            d.put("bankReference", s.bankReference());
            summary = PaymentChannel.orTransfer(s.channel()) == PaymentChannel.POS_CASH
                    ? "Paid Rp" + s.amount() + " in cash at a post office, PT Pos reference " + s.bankReference()
                    : "Paid Rp" + s.amount() + " to bank " + s.bankCode() + " " + s.accountNumberMasked()
                            + ", bank reference " + s.bankReference();
        } else if (event instanceof PaymentFailed f) {
            d.put("paymentId", f.paymentId());
            summary = "Payment failed: " + f.reasonCode() + " " + f.reason();
        } else if (event instanceof PaymentReturned r) {
            d.put("paymentId", r.paymentId());
            summary = "Payment returned by the bank (reference " + r.bankReference() + ")";
        } else if (event instanceof PaymentCancelled c) {
            d.put("paymentId", c.paymentId());
            summary = "Payment of Rp" + c.amount() + " cancelled while " + c.previousState() + ": " + c.reason()
                    + (c.withdrawnFromBatch() == null ? "" : "; left batch " + c.withdrawnFromBatch())
                    + (c.releasedBudget() == 0 ? "" : "; Rp" + c.releasedBudget() + " back to the budget");
        } else if (event instanceof PaymentReissued r) {
            d.put("paymentId", r.paymentId());
            d.put("newPaymentId", r.newPaymentId());
            summary = "Payment reissued as " + r.newPaymentId() + " by " + r.requestedBy() + ": " + r.reason();
        } else if (event instanceof SmsSent s) {
            d.put("template", s.template());
            summary = "SMS " + s.template() + " sent to " + s.phoneMasked();
        } else if (event instanceof SmsDelivered s) {
            d.put("template", s.template());
            summary = "SMS " + s.template() + " delivered";
        } else if (event instanceof SmsFailed s) {
            d.put("template", s.template());
            summary = "SMS " + s.template() + " not delivered: " + s.reason();
        } else if (event instanceof SmsWithheld s) {
            d.put("template", s.template());
            summary = "SMS " + s.template() + " withheld: " + s.reason();
        } else if (event instanceof SmsPreferencesSet p) {
            d.put("language", p.language());
            d.put("optedOut", p.optedOut());
            d.put("recordedBy", p.recordedBy());
            summary = "SMS " + String.join(" and ", p.changed()) + " set by " + p.recordedBy() + ": language "
                    + p.language() + (p.optedOut() ? ", no SMS (opted out)" : ", SMS on");
        } else {
            summary = event.getClass().getSimpleName();
        }
        d.values().removeIf(java.util.Objects::isNull);
        return new TimelineEntry(
                entry.seq(),
                entry.time(),
                entry.topic(),
                event.getClass().getSimpleName(),
                summary,
                d,
                entry.eventId());
    }
}
