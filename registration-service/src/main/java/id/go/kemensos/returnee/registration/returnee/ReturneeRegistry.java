package id.go.kemensos.returnee.registration.returnee;

import id.go.kemensos.returnee.privacy.BlindIndex;
import id.go.kemensos.returnee.contracts.MaskedValues;
import id.go.kemensos.returnee.contracts.registration.BankAccount;
import id.go.kemensos.returnee.contracts.registration.ReturneeRegistered;
import id.go.kemensos.returnee.contracts.registration.ReturneeUpdated;
import id.go.kemensos.returnee.messaging.Outbox;
import id.go.kemensos.returnee.messaging.TimeOrderedIds;
import id.go.kemensos.returnee.registration.progress.ReturneeStatus;
import id.go.kemensos.returnee.registration.validation.Checked;
import id.go.kemensos.returnee.registration.validation.PhoneValidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Registers returnees, one beneficiary per NIK: the returnee row and its ReturneeRegistered event commit together. */
@Service
public class ReturneeRegistry {

    private static final Logger log = LoggerFactory.getLogger(ReturneeRegistry.class);

    private final ReturneeRepository returnees;
    private final Outbox outbox;
    private final Clock clock;
    private final BlindIndex nikIndex;
    private final PhoneValidator phones = new PhoneValidator();

    ReturneeRegistry(ReturneeRepository returnees, Outbox outbox, Clock clock, BlindIndex nikIndex) {
        this.nikIndex = nikIndex;
        this.returnees = returnees;
        this.outbox = outbox;
        this.clock = clock;
    }

    public record Registration(Returnee returnee, boolean created) {
    }

    /** Registers a new returnee, or returns the one already registered under this NIK without raising any event. */
    @Transactional
    public Registration register(RegisterReturneeRequest request, UUID uploadId) {
        Returnee candidate = toReturnee(request, uploadId);
        Optional<Returnee> known = insertUnlessKnown(candidate);
        if (known.isPresent()) {
            return new Registration(known.get(), false);
        }
        outbox.append(candidate.registered());
        log.info("Registered beneficiary {} (NIK {})", candidate.beneficiaryId(), candidate.nikMasked());
        return new Registration(candidate, true);
    }

    /**
     * Registers the new returnees of an upload batch inside the caller's transaction, with one outbox batch for their events.
     * For each request, the result holds the returnee registered now, or the one already known under its NIK.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Registration> registerAll(List<RegisterReturneeRequest> requests, UUID uploadId) {
        List<Returnee> candidates = requests.stream().map(request -> toReturnee(request, uploadId)).toList();
        Map<String, Returnee> known = returnees.findByNikIndexes(candidates.stream().map(Returnee::nikIndex).toList());
        List<Returnee> fresh = candidates.stream().filter(candidate -> !known.containsKey(candidate.nikIndex())).toList();
        if (!insertedTogether(fresh)) {
            return registerOneByOne(candidates);
        }
        outbox.appendAll(fresh.stream().map(Returnee::registered).toList());
        return candidates.stream().map(candidate -> known.containsKey(candidate.nikIndex())
                ? new Registration(known.get(candidate.nikIndex()), false) : new Registration(candidate, true)).toList();
    }

    /**
     * The fast path: one batched insert. A NIK registered by someone else since the lookup (or twice in the batch) fails
     * the whole statement; the savepoint undoes any part of it that went through, and the caller takes the slow path.
     */
    private boolean insertedTogether(List<Returnee> fresh) {
        TransactionStatus transaction = TransactionAspectSupport.currentTransactionStatus();
        Object savepoint = transaction.createSavepoint();
        try {
            returnees.insertAll(fresh);
            transaction.releaseSavepoint(savepoint);
            return true;
        } catch (DuplicateKeyException raced) {
            transaction.rollbackToSavepoint(savepoint);
            log.info("A NIK of an upload batch was registered concurrently; registering that batch row by row");
            return false;
        }
    }

    private List<Registration> registerOneByOne(List<Returnee> candidates) {
        List<Registration> results = new ArrayList<>(candidates.size());
        List<ReturneeRegistered> events = new ArrayList<>();
        for (Returnee candidate : candidates) {
            Optional<Returnee> known = insertUnlessKnown(candidate);
            results.add(new Registration(known.orElse(candidate), known.isEmpty()));
            if (known.isEmpty()) {
                events.add(candidate.registered());
            }
        }
        outbox.appendAll(events);
        return results;
    }

    private Returnee toReturnee(RegisterReturneeRequest request, UUID uploadId) {
        String phone = validPhone(request.phone());
        return new Returnee(TimeOrderedIds.next(), nikIndex.of(request.nik()), MaskedValues.nik(request.nik()), request.fullName().strip(), request.sex(),
                request.birthDate(), request.provinceCode(), request.regencyCode(), request.category(), request.referralSource(),
                request.destinationCountry(), request.returnDate(), phone,
                new BankAccount(request.bankCode(), request.accountNumber(), request.accountHolderName().strip()),
                request.dtksListed(), request.attendedSocialGuidance(), uploadId, clock.instant(), ReturneeStatus.REGISTERED);
    }

    private String validPhone(String raw) {
        Checked<String> checked = phones.validate(raw);
        return checked.value().orElseThrow(() -> new InvalidRegistrationException("phone",
                checked.problems().get(0).messageId() + " / " + checked.problems().get(0).messageEn()));
    }

    /** The unique NIK index decides races between concurrent registrations; the loser gets the winner's row. */
    private Optional<Returnee> insertUnlessKnown(Returnee candidate) {
        try {
            returnees.insert(candidate);
            return Optional.empty();
        } catch (DuplicateKeyException alreadyRegistered) {
            return returnees.findByNikIndex(candidate.nikIndex());
        }
    }

    /**
     * Applies a new phone and/or payout account to a registered returnee and raises ReturneeUpdated with the full current
     * values; changes nothing and raises nothing when the values are the same. Null arguments keep what is registered.
     */
    @Transactional
    public Optional<Returnee> amend(UUID beneficiaryId, String phone, BankAccount account, UUID uploadId) {
        Returnee known = returnees.findById(beneficiaryId)
                .orElseThrow(() -> new InvalidRegistrationException("beneficiaryId", "Penerima tidak ditemukan / unknown beneficiary"));
        String newPhone = phone == null ? known.phoneE164() : validPhone(phone);
        BankAccount newAccount = account == null ? known.bankAccount() : account;
        List<String> changed = new ArrayList<>();
        if (!newPhone.equals(known.phoneE164())) {
            changed.add("phone");
        }
        if (!newAccount.equals(known.bankAccount())) {
            changed.add("bankAccount");
        }
        if (changed.isEmpty()) {
            return Optional.empty();
        }
        returnees.updateContactAndAccount(beneficiaryId, newPhone, newAccount);
        outbox.append(new ReturneeUpdated(beneficiaryId, newPhone, newAccount, changed, uploadId, clock.instant()));
        log.info("Amended {} of beneficiary {}", changed, beneficiaryId);
        return returnees.findById(beneficiaryId);
    }

    @Transactional(readOnly = true)
    public List<Returnee> search(ReturneeFilter filter, int page, int size) {
        return returnees.search(filter, page, size);
    }

    @Transactional(readOnly = true)
    public long count(ReturneeFilter filter) {
        return returnees.count(filter);
    }

    /** One returnee, if within the province given (empty: any province): another province's person is not found at all. */
    @Transactional(readOnly = true)
    public Optional<Returnee> find(UUID beneficiaryId, Optional<String> provinceScope) {
        return returnees.findById(beneficiaryId, provinceScope.orElse(null));
    }
}
