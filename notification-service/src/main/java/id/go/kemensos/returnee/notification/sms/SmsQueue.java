package id.go.kemensos.returnee.notification.sms;

import id.go.kemensos.returnee.contracts.casework.CaseOpened;
import id.go.kemensos.returnee.contracts.casework.GrievanceReceived;
import id.go.kemensos.returnee.contracts.casework.GrievanceResolved;
import id.go.kemensos.returnee.contracts.casework.ReferralMade;
import id.go.kemensos.returnee.contracts.disbursement.CashClaimExpired;
import id.go.kemensos.returnee.contracts.disbursement.CashClaimIssued;
import id.go.kemensos.returnee.contracts.disbursement.CollectiveAccountOpened;
import id.go.kemensos.returnee.contracts.disbursement.PaymentChannel;
import id.go.kemensos.returnee.contracts.disbursement.PaymentFailed;
import id.go.kemensos.returnee.contracts.disbursement.PaymentReturned;
import id.go.kemensos.returnee.contracts.disbursement.PaymentSettled;
import id.go.kemensos.returnee.contracts.eligibility.DecisionOverridden;
import id.go.kemensos.returnee.contracts.eligibility.EligibilityDecided;
import id.go.kemensos.returnee.contracts.eligibility.Outcome;
import id.go.kemensos.returnee.contracts.program.ProgramCatalogue;
import id.go.kemensos.returnee.contracts.reference.BankCodes;
import id.go.kemensos.returnee.contracts.registration.PersonalDataErased;
import id.go.kemensos.returnee.contracts.registration.ReturneeRegistered;
import id.go.kemensos.returnee.contracts.registration.ReturneeUpdated;
import id.go.kemensos.returnee.notification.contact.ContactDirectory;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns events into queued SMS. The (source event, template) key means a redelivered event queues nothing new, even if
 * the processed-event row were lost. Only what the template needs is queued: never the person's category. A message
 * for someone who opted out is withheld when it comes due, and stays withheld if they opt back in before then.
 */
@Service
public class SmsQueue {

    static final String REGISTRATION_CONSUMER = "notification.registration-events";
    static final String DISBURSEMENT_CONSUMER = "notification.disbursement-events";
    static final String ELIGIBILITY_CONSUMER = "notification.eligibility-events";
    static final String CASE_CONSUMER = "notification.case-events";
    /** When a payment settled (an ISO instant), queued for the {date} of its message. */
    static final String SETTLED_AT = "settledAt";
    /** A cash claim's code, sealed for the person, queued for the {code} of its message and opened only to send it. */
    static final String SEALED_CLAIM_CODE = "sealedClaimCode";

    private final ContactDirectory contacts;
    private final SmsMessages messages;
    private final Clock clock;
    private final BankCodes banks = BankCodes.load();
    private final ProgramCatalogue programs;

    /**
     * @param programs the declared programs, whose decisions and payments are told by SMS; decisions under the laws
     * (services, and for one law the fact of being a trafficking victim) are never sent to a phone
     */
    SmsQueue(ContactDirectory contacts, SmsMessages messages, Clock clock, ProgramCatalogue programs) {
        this.programs = programs;
        this.contacts = contacts;
        this.messages = messages;
        this.clock = clock;
    }

    /** A new person is told they are registered (once their contact is kept). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void onRegistered(ReturneeRegistered registered, UUID eventId) {
        if (contacts.remember(registered)) {
            // The name is not kept with the message: the dispatcher takes it from the contact when it sends.
            queue(registered.beneficiaryId(), SmsTemplate.REGISTERED, eventId, Map.of());
        }
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void onUpdated(ReturneeUpdated updated) {
        contacts.remember(updated);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void onErased(PersonalDataErased erased) {
        contacts.erased(erased);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void onSettled(PaymentSettled settled, UUID eventId) {
        Map<String, String> params = program(settled.programId());
        params.put("amount", rupiah(settled.amount()));
        if (PaymentChannel.orTransfer(settled.channel()) == PaymentChannel.POS_CASH) {
            params.put(SETTLED_AT, settled.settledAt().toString());
            queue(settled.beneficiaryId(), SmsTemplate.CASH_COLLECTED, eventId, params);
            return;
        }
        params.put(
                "bank",
                banks.find(settled.bankCode()).map(BankCodes.Bank::shortName).orElse("bank"));
        params.put("account", settled.accountNumberMasked());
        // The date is written when the message is sent, in the time of the person's province (SmsDispatcher).
        params.put(SETTLED_AT, settled.settledAt().toString());
        queue(settled.beneficiaryId(), SmsTemplate.PAYMENT_SENT, eventId, params);
    }

    /** The cash waits at the post office: where, until when, and the code that is theirs alone. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void onCashIssued(CashClaimIssued issued, UUID eventId) {
        Map<String, String> params = program(issued.programId());
        params.put("amount", rupiah(issued.amount()));
        params.put("date", DAY.format(issued.claimDeadline()));
        params.put(SEALED_CLAIM_CODE, issued.sealedClaimCode());
        queue(issued.beneficiaryId(), SmsTemplate.CASH_READY, eventId, params);
    }

    /** A bank opened an account for them: which, and that they activate it there with their KTP. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void onAccountOpened(CollectiveAccountOpened opened, UUID eventId) {
        Map<String, String> params = program(opened.programId());
        params.put(
                "bank",
                banks.find(opened.bankCode()).map(BankCodes.Bank::shortName).orElse("bank"));
        params.put("account", opened.accountNumberMasked());
        queue(opened.beneficiaryId(), SmsTemplate.ACCOUNT_OPENED, eventId, params);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void onCashExpired(CashClaimExpired expired, UUID eventId) {
        queue(expired.beneficiaryId(), SmsTemplate.CASH_UNCLAIMED, eventId, program(expired.programId()));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void onFailed(PaymentFailed failed, UUID eventId) {
        queue(failed.beneficiaryId(), SmsTemplate.PAYMENT_FAILED, eventId, program(failed.programId()));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void onReturned(PaymentReturned returned, UUID eventId) {
        queue(returned.beneficiaryId(), SmsTemplate.PAYMENT_RETURNED, eventId, program(returned.programId()));
    }

    /** ELIGIBLE and INELIGIBLE decisions on a program are told; NEEDS_REVIEW waits for an officer's ruling. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void onDecided(EligibilityDecided d, UUID eventId) {
        if (programs.find(d.programId()).isPresent()) {
            tellDecision(
                    d.programId(), d.beneficiaryId(), d.outcome(), d.grantAmount(), d.firstFailedCriterion(), eventId);
        }
    }

    /** An officer's ruling on a decision that needed review. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void onOverridden(DecisionOverridden o, UUID eventId) {
        if (programs.find(o.programId()).isPresent()) {
            tellDecision(o.programId(), o.beneficiaryId(), o.outcome(), o.grantAmount(), Optional.empty(), eventId);
        }
    }

    private void tellDecision(
            String programId,
            UUID beneficiaryId,
            Outcome outcome,
            long amount,
            Optional<String> failedCriterion,
            UUID sourceEventId) {
        Map<String, String> params = program(programId);
        if (outcome == Outcome.ELIGIBLE) {
            params.put("amount", rupiah(amount));
            queue(beneficiaryId, SmsTemplate.ELIGIBLE, sourceEventId, params);
        } else if (outcome == Outcome.INELIGIBLE) {
            // The criterion that ruled the person out; its reason is rendered in the person's language.
            params.put("criterion", failedCriterion.orElse("OTHER"));
            queue(beneficiaryId, SmsTemplate.NOT_ELIGIBLE, sourceEventId, params);
        }
    }

    /** Whose texts the message takes; none for a payment event written before payments named their program. */
    private static Map<String, String> program(String programId) {
        Map<String, String> params = new LinkedHashMap<>();
        if (programId != null) {
            params.put("program", programId);
        }
        return params;
    }

    /**
     * Queued whoever the person is: whether they can be written to (opted out, no phone, erased) is decided once, when
     * the message comes due (at once, for a new one), and a message that cannot go is withheld then, with the reason.
     */
    private void queue(UUID beneficiaryId, SmsTemplate template, UUID sourceEventId, Map<String, String> params) {
        messages.queue(beneficiaryId, template, sourceEventId, params, clock.instant());
    }

    /** A case opened: the person is entitled to support and will be contacted (which support is never said). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void onCaseOpened(CaseOpened opened, UUID eventId) {
        queue(opened.beneficiaryId(), SmsTemplate.SERVICES_AVAILABLE, eventId, office(opened.regencyCode()));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void onReferralMade(ReferralMade referral, UUID eventId) {
        queue(referral.beneficiaryId(), SmsTemplate.REFERRAL_MADE, eventId, office(referral.regencyCode()));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void onGrievanceReceived(GrievanceReceived grievance, UUID eventId) {
        Map<String, String> params = office(grievance.regencyCode());
        params.put("due", DAY.format(grievance.dueOn()));
        queue(grievance.beneficiaryId(), SmsTemplate.GRIEVANCE_RECEIVED, eventId, params);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void onGrievanceResolved(GrievanceResolved resolved, UUID eventId) {
        Map<String, String> params = office(resolved.regencyCode());
        params.put(SmsTemplates.RESOLUTION, resolved.resolution().name());
        queue(resolved.beneficiaryId(), SmsTemplate.GRIEVANCE_SETTLED, eventId, params);
    }

    private static Map<String, String> office(String regencyCode) {
        Map<String, String> params = new LinkedHashMap<>();
        if (regencyCode != null) {
            params.put(SmsTemplates.REGENCY, regencyCode);
        }
        return params;
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** Rp960.000: Indonesian thousands separator, whole rupiah. */
    static String rupiah(long amount) {
        return "Rp"
                + NumberFormat.getIntegerInstance(Locale.forLanguageTag("id-ID"))
                        .format(amount);
    }
}
