package id.go.kemensos.returnee.registration.returnee;

import id.go.kemensos.returnee.contracts.MaskedValues;
import id.go.kemensos.returnee.contracts.registration.BankAccount;
import id.go.kemensos.returnee.contracts.registration.PersonalDetails;
import id.go.kemensos.returnee.contracts.registration.ReturneeRegistered;
import id.go.kemensos.returnee.contracts.registration.ReturneeUpdated;
import id.go.kemensos.returnee.contracts.registration.TraffickingStatus;
import id.go.kemensos.returnee.messaging.Outbox;
import id.go.kemensos.returnee.messaging.TimeOrderedIds;
import id.go.kemensos.returnee.privacy.BlindIndex;
import id.go.kemensos.returnee.privacy.PersonalDataCipher;
import id.go.kemensos.returnee.registration.validation.Checked;
import id.go.kemensos.returnee.registration.validation.PhoneValidator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.apache.commons.lang3.StringUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/** Registers returnees, one beneficiary per NIK: the returnee row and its ReturneeRegistered event commit together. */
@Service
public class ReturneeRegistry {

    private static final Logger log = LoggerFactory.getLogger(ReturneeRegistry.class);

    private final ReturneeRepository returnees;
    private final Outbox outbox;
    private final Clock clock;
    private final BlindIndex nikIndex;
    private final PersonalDataCipher cipher;
    private final PhoneValidator phones = new PhoneValidator();

    ReturneeRegistry(
            ReturneeRepository returnees, Outbox outbox, Clock clock, BlindIndex nikIndex, PersonalDataCipher cipher) {
        this.cipher = cipher;
        this.nikIndex = nikIndex;
        this.returnees = returnees;
        this.outbox = outbox;
        this.clock = clock;
    }

    public record Registration(Returnee returnee, boolean created) {}

    /** What a registration of a NIK came to, once a known NIK is settled by {@link #settle}. */
    public enum Settled {
        /** A new person. */
        CREATED,
        /** Known, with the same identity and contact: nothing changed. */
        UNCHANGED,
        /** Known, with the same identity: a new phone, account or decile was applied (ReturneeUpdated). */
        AMENDED,
        /** Known in another province, whose people this province neither sees nor amends. */
        OTHER_PROVINCE,
        /** Known with another name, sex or birth date: for an officer, never overwritten. */
        OTHER_IDENTITY
    }

    /**
     * The one register-or-amend rule, for uploads and for reviews of held rows alike: a registration that met a known
     * NIK amends the phone, account or DTSEN decile when the identity is the same, and touches nothing when the person is another
     * province's or the identity differs (name compared in upper case, spaces collapsed; sex; birth date).
     */
    @Transactional
    public Settled settle(Registration registration, RegisterReturneeRequest request, UUID uploadId) {
        if (registration.created()) {
            return Settled.CREATED;
        }
        Returnee known = registration.returnee();
        if (!known.provinceCode().equals(request.provinceCode())) {
            return Settled.OTHER_PROVINCE;
        }
        if (!sameIdentity(known, request)) {
            return Settled.OTHER_IDENTITY;
        }
        return amend(
                                known.beneficiaryId(),
                                request.phone(),
                                accountOf(request), // none given: the account registered stays
                                request.dtsenDecile(),
                                request.familyCardNumber(),
                                uploadId)
                        .isPresent()
                ? Settled.AMENDED
                : Settled.UNCHANGED;
    }

    private static boolean sameIdentity(Returnee known, RegisterReturneeRequest request) {
        return identityName(known.fullName()).equals(identityName(request.fullName()))
                && known.sex() == request.sex()
                && known.birthDate().equals(request.birthDate());
    }

    private static String identityName(String name) {
        return name.strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
    }

    /** Registers a new returnee, or returns the one already registered under this NIK without raising any event. */
    @Transactional
    public Registration register(RegisterReturneeRequest request, UUID uploadId) {
        Returnee candidate = toReturnee(request, uploadId);
        Optional<String> sealed = insertUnlessKnown(candidate);
        if (sealed.isEmpty()) {
            return new Registration(knownUnder(candidate), false);
        }
        outbox.append(registeredEvent(candidate, sealed.get()));
        log.info("Registered beneficiary {} (NIK {})", candidate.beneficiaryId(), candidate.nikMasked());
        return new Registration(candidate, true);
    }

    /**
     * Registers the new returnees of an upload batch inside the caller's transaction, with one outbox batch for their
     * events. For each request, the result holds the returnee registered now, or the one already known under its NIK.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Registration> registerAll(List<RegisterReturneeRequest> requests, UUID uploadId) {
        List<Returnee> candidates =
                requests.stream().map(request -> toReturnee(request, uploadId)).toList();
        Map<String, Returnee> known = returnees.findByNikIndexes(
                candidates.stream().map(Returnee::nikIndex).toList());
        List<Returnee> fresh = candidates.stream()
                .filter(candidate -> !known.containsKey(candidate.nikIndex()))
                .toList();
        Optional<Map<UUID, String>> sealed = insertedTogether(fresh);
        if (sealed.isEmpty()) {
            return registerOneByOne(candidates);
        }
        outbox.appendAll(fresh.stream()
                .map(r -> registeredEvent(r, sealed.get().get(r.beneficiaryId())))
                .toList());
        return candidates.stream()
                .map(candidate -> known.containsKey(candidate.nikIndex())
                        ? new Registration(known.get(candidate.nikIndex()), false)
                        : new Registration(candidate, true))
                .toList();
    }

    /**
     * The fast path: one batched insert. A NIK registered by someone else since the lookup (or twice in the batch)
     * fails the whole statement; the savepoint undoes any part of it that went through, and the caller takes the slow
     * path.
     */
    private Optional<Map<UUID, String>> insertedTogether(List<Returnee> fresh) {
        TransactionStatus transaction = TransactionAspectSupport.currentTransactionStatus();
        Object savepoint = transaction.createSavepoint();
        try {
            Map<UUID, String> sealed = returnees.insertAll(fresh);
            transaction.releaseSavepoint(savepoint);
            return Optional.of(sealed);
        } catch (DuplicateKeyException raced) {
            transaction.rollbackToSavepoint(savepoint);
            log.info("A NIK of an upload batch was registered concurrently; registering that batch row by row");
            return Optional.empty();
        }
    }

    private List<Registration> registerOneByOne(List<Returnee> candidates) {
        List<Registration> results = new ArrayList<>(candidates.size());
        List<ReturneeRegistered> events = new ArrayList<>();
        for (Returnee candidate : candidates) {
            Optional<String> sealed = insertUnlessKnown(candidate);
            results.add(
                    sealed.isPresent()
                            ? new Registration(candidate, true)
                            : new Registration(knownUnder(candidate), false));
            sealed.ifPresent(details -> events.add(registeredEvent(candidate, details)));
        }
        outbox.appendAll(events);
        return results;
    }

    /** A new registration's event, with the pseudonym of the person's household when a family card was given. */
    private ReturneeRegistered registeredEvent(Returnee registered, String sealedDetails) {
        String familyCard = registered.details().familyCardNumber();
        ReturneeRegistered event = registered.registered(sealedDetails);
        return familyCard == null ? event : event.inHousehold(nikIndex.household(familyCard));
    }

    /** The account given, or null for a person without one (paid in cash at a post office). */
    private static BankAccount accountOf(RegisterReturneeRequest request) {
        return request.hasAccount()
                ? new BankAccount(
                        request.bankCode(),
                        request.accountNumber(),
                        request.accountHolderName().strip())
                : null;
    }

    private Returnee toReturnee(RegisterReturneeRequest request, UUID uploadId) {
        // No phone is allowed (the person is told in person); a phone given must be valid.
        String phone = request.phone() == null || request.phone().isBlank() ? null : validPhone(request.phone());
        PersonalDetails details = new PersonalDetails(
                MaskedValues.nik(request.nik()),
                request.fullName().strip(),
                request.birthDate(),
                phone,
                accountOf(request),
                request.category(),
                request.referralSource(),
                request.traffickingStatusOrImplied(),
                StringUtils.stripToNull(request.familyCardNumber()));
        return new Returnee(
                TimeOrderedIds.next(),
                nikIndex.of(request.nik()),
                details,
                request.sex(),
                request.provinceCode(),
                request.regencyCode(),
                request.destinationCountry(),
                request.returnDate(),
                request.dtksListed(),
                request.dtsenDecile(),
                request.attendedSocialGuidance(),
                uploadId,
                clock.instant(),
                ReturneeStatus.REGISTERED,
                null);
    }

    private String validPhone(String raw) {
        Checked<String> checked = phones.validate(raw);
        return checked.value()
                .orElseThrow(() -> new InvalidRegistrationException(
                        "phone",
                        checked.problems().get(0).messageId() + " / "
                                + checked.problems().get(0).messageEn()));
    }

    /**
     * The unique NIK index decides races between concurrent registrations: the winner gets its sealed details (for its
     * event), the loser nothing, and takes the winner's row ({@link #knownUnder}).
     */
    private Optional<String> insertUnlessKnown(Returnee candidate) {
        try {
            return Optional.of(returnees.insert(candidate));
        } catch (DuplicateKeyException alreadyRegistered) {
            return Optional.empty();
        }
    }

    private Returnee knownUnder(Returnee candidate) {
        return returnees
                .findByNikIndex(candidate.nikIndex())
                .orElseThrow(() -> new IllegalStateException(
                        "A NIK index was taken, then not found: " + candidate.beneficiaryId()));
    }

    /**
     * Applies a new phone, payout account, DTSEN decile and/or family card to a registered returnee and raises
     * ReturneeUpdated with the full current values (eligibility decides again on a new decile or card); changes nothing
     * and raises nothing when the values are the same. Null arguments keep what is registered.
     */
    @Transactional
    public Optional<Returnee> amend(
            UUID beneficiaryId,
            String phone,
            BankAccount account,
            Integer dtsenDecile,
            String familyCard,
            UUID uploadId) {
        Returnee known = returnees
                .findById(beneficiaryId)
                .filter(r -> !r.erased())
                .orElseThrow(() -> new InvalidRegistrationException(
                        "beneficiaryId", "Penerima tidak ditemukan / unknown beneficiary"));
        String newPhone = phone == null ? known.phoneE164() : validPhone(phone);
        BankAccount newAccount = account == null ? known.bankAccount() : account;
        List<String> changed = new ArrayList<>();
        if (!Objects.equals(newPhone, known.phoneE164())) {
            changed.add("phone");
        }
        if (!Objects.equals(newAccount, known.bankAccount())) {
            changed.add("bankAccount");
        }
        Integer newDecile = dtsenDecile == null ? known.dtsenDecile() : dtsenDecile;
        if (!Objects.equals(newDecile, known.dtsenDecile())) {
            changed.add("dtsenDecile");
            returnees.updateDtsenDecile(beneficiaryId, newDecile);
        }
        String newCard =
                StringUtils.stripToNull(familyCard) == null ? known.details().familyCardNumber() : familyCard.strip();
        if (!Objects.equals(newCard, known.details().familyCardNumber())) {
            changed.add("familyCard");
        }
        if (changed.isEmpty()) {
            return Optional.empty();
        }
        returnees.updateDetails(
                beneficiaryId, known.details().withContact(newPhone, newAccount).withFamilyCard(newCard));
        ReturneeUpdated updated = ReturneeUpdated.sealed(
                beneficiaryId,
                changed,
                uploadId,
                clock.instant(),
                cipher.seal(beneficiaryId, PersonalDetails.contact(newPhone, newAccount)),
                newDecile);
        outbox.append(changed.contains("familyCard") ? updated.inHousehold(nikIndex.household(newCard)) : updated);
        log.info("Amended {} of beneficiary {}", changed, beneficiaryId);
        return returnees.findById(beneficiaryId);
    }

    /**
     * Records a protection officer's finding on whether a registered person is a trafficking victim, and raises
     * ReturneeUpdated with the status sealed (its {@code changed} says only {@value ReturneeUpdated#SEALED_DETAILS});
     * eligibility decides again. Empty when the status is the one recorded.
     */
    @Transactional
    public Optional<Returnee> recordTraffickingStatus(UUID beneficiaryId, TraffickingStatus status) {
        Returnee known = returnees
                .findById(beneficiaryId)
                .filter(r -> !r.erased())
                .orElseThrow(() -> new InvalidRegistrationException(
                        "beneficiaryId", "Penerima tidak ditemukan / unknown beneficiary"));
        if (known.traffickingStatus() == status) {
            return Optional.empty();
        }
        returnees.updateDetails(beneficiaryId, known.details().withTraffickingStatus(status));
        outbox.append(ReturneeUpdated.sealed(
                beneficiaryId,
                List.of(ReturneeUpdated.SEALED_DETAILS),
                null,
                clock.instant(),
                cipher.seal(
                        beneficiaryId,
                        PersonalDetails.contact(known.phoneE164(), known.bankAccount())
                                .withTraffickingStatus(status)),
                known.dtsenDecile()));
        log.info("Amended the sealed details of beneficiary {}", beneficiaryId); // never says which
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

    /**
     * One returnee, if within the province given (empty: any province): another province's person is not found at all.
     */
    @Transactional(readOnly = true)
    public Optional<Returnee> find(UUID beneficiaryId, Optional<String> provinceScope) {
        return returnees.findById(beneficiaryId, provinceScope.orElse(null));
    }

    /**
     * The returnee registered under this NIK (found by its keyed blind index, never by the NIK itself), if within the
     * province given; an erased person's index is gone, so they are not found.
     */
    @Transactional(readOnly = true)
    public Optional<Returnee> findByNik(String nik, Optional<String> provinceScope) {
        return returnees
                .findByNikIndex(nikIndex.of(nik))
                .filter(r -> provinceScope.map(r.provinceCode()::equals).orElse(true));
    }

    /**
     * Returnees matching the filters whose name has every word of {@code name} (whole words, any order), newest first.
     */
    @Transactional(readOnly = true)
    public List<Returnee> searchByName(ReturneeFilter filter, List<String> words, int limit) {
        return returnees.searchByName(filter, words, limit);
    }
}
