package id.go.kemensos.returnee.eligibility.facts;

import id.go.kemensos.returnee.contracts.disbursement.PaymentSettled;
import id.go.kemensos.returnee.contracts.registration.AgeBand;
import id.go.kemensos.returnee.contracts.registration.BankAccount;
import id.go.kemensos.returnee.contracts.registration.PersonalDetails;
import id.go.kemensos.returnee.contracts.registration.ReturneeRegistered;
import id.go.kemensos.returnee.contracts.registration.ReturneeUpdated;
import id.go.kemensos.returnee.eligibility.rules.Facts;
import id.go.kemensos.returnee.privacy.PersonalDataCipher;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Eligibility's own copy of what it needs from each registration (kept from registration events) and of the grants paid
 * (from disbursement events), so that a decision can be re-made at any time from local data.
 */
@Repository
public class RegistrationFacts {

    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

    private static final String FACTS = "registrationFacts";

    private final JdbcTemplate jdbc;
    private final PersonalDataCipher cipher;
    private final JsonMapper json;

    RegistrationFacts(JdbcTemplate jdbc, PersonalDataCipher cipher, JsonMapper json) {
        this.json = json;
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /**
     * The facts of a new registration; a replayed event overwrites them with the same values. They are kept sealed with
     * the person's data key (they hold a birth date, a category, names). Empty when the person was erased before this
     * arrived.
     */
    public Optional<Facts> record(ReturneeRegistered r) {
        Optional<PersonalDetails> opened = cipher.details(r);
        if (opened.isEmpty()) {
            return Optional.empty();
        }
        PersonalDetails p = opened.get();
        // The NIK's structure, birth date and region were validated by registration-service before it raised the event.
        Facts facts = new Facts(
                // Registration runs the NIK rules (date, sex, region) on every registration, at a desk as in a list,
                // before it registers it: a NIK it sends is a validated one.
                p.nikMasked() != null,
                r.sex() == null ? null : r.sex().name(),
                p.birthDate(),
                r.provinceCode(),
                r.regencyCode(),
                p.category() == null ? null : p.category().name(),
                p.referralSource(),
                p.traffickingStatusOrImplied() == null
                        ? null
                        : p.traffickingStatusOrImplied().name(),
                r.destinationCountry(),
                r.returnDate(),
                LocalDate.ofInstant(r.registeredAt(), JAKARTA),
                p.fullName(),
                p.bankAccount() == null ? null : p.bankAccount().bankCode(),
                p.bankAccount() == null ? null : p.bankAccount().holderName(),
                r.dtksListed(),
                r.dtsenDecile(),
                r.attendedSocialGuidance(),
                Set.of(),
                null);
        jdbc.update(
                """
                        INSERT INTO registration_fact (beneficiary_id, province_code, facts, updated_at, household_id,
                            returned_worker, family_member, sex, age_band)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON DUPLICATE KEY UPDATE province_code = VALUES(province_code), facts = VALUES(facts),
                            updated_at = VALUES(updated_at), household_id = VALUES(household_id),
                            returned_worker = VALUES(returned_worker), family_member = VALUES(family_member),
                            sex = VALUES(sex), age_band = VALUES(age_band)""",
                r.beneficiaryId().toString(),
                r.provinceCode(),
                cipher.sealRecord(r.beneficiaryId(), FACTS, facts),
                Timestamp.from(r.registeredAt()),
                r.householdId(),
                facts.returnedWorker(),
                facts.familyMember(),
                facts.sex(),
                p.birthDate() == null
                        ? null
                        : AgeBand.of(p.birthDate(), facts.registrationDate()).name());
        return Optional.of(withPaidGrants(r.beneficiaryId(), facts));
    }

    /**
     * Applies a new payout account, DTSEN decile or trafficking status; empty when the registration is unknown here (its event is still on the way) or
     * erased.
     */
    public Optional<Facts> amend(ReturneeUpdated u) {
        Optional<PersonalDetails> contact = cipher.details(u);
        if (contact.isPresent() && u.householdId() != null) {
            jdbc.update(
                    "UPDATE registration_fact SET household_id = ? WHERE beneficiary_id = ?",
                    u.householdId(),
                    u.beneficiaryId().toString());
        }
        return contact.flatMap(c -> find(u.beneficiaryId())).map(known -> {
            BankAccount account = contact.get().bankAccount();
            Facts amended = new Facts(
                    known.nikValidated(),
                    known.sex(),
                    known.birthDate(),
                    known.provinceCode(),
                    known.regencyCode(),
                    known.category(),
                    known.referralSource(),
                    contact.get().traffickingStatus() == null
                            ? known.traffickingStatus()
                            : contact.get().traffickingStatus().name(),
                    known.destinationCountry(),
                    known.returnDate(),
                    known.registrationDate(),
                    known.fullName(),
                    account == null ? known.bankCode() : account.bankCode(),
                    account == null ? known.accountHolderName() : account.holderName(),
                    known.dtksListed(),
                    u.dtsenDecile() == null ? known.dtsenDecile() : u.dtsenDecile(),
                    known.attendedSocialGuidance(),
                    Set.of(),
                    null);
            jdbc.update(
                    "UPDATE registration_fact SET facts = ?, updated_at = ? WHERE beneficiary_id = ?",
                    cipher.sealRecord(u.beneficiaryId(), FACTS, amended),
                    Timestamp.from(u.updatedAt()),
                    u.beneficiaryId().toString());
            return withPaidGrants(u.beneficiaryId(), amended);
        });
    }

    /** The person was erased by registration-service: their key, if still held unwrapped here, is dropped now. */
    public void forget(UUID beneficiaryId) {
        cipher.forgetKey(beneficiaryId);
    }

    public void recordPayment(PaymentSettled paid) {
        if (paid.cycleId() == null) {
            return; // an event from before cycles were carried; the ledger's own uniqueness still prevents a second
            // payment
        }
        jdbc.update(
                "INSERT IGNORE INTO paid_grant (beneficiary_id, program_id, cycle_id, payment_id, paid_at) VALUES "
                        + "(?, ?, ?, ?, ?)",
                paid.beneficiaryId().toString(),
                paid.programId(),
                paid.cycleId(),
                paid.paymentId().toString(),
                Timestamp.from(paid.settledAt()));
    }

    /** The facts of a registration; empty when unknown here, or when the person was erased. */
    public Optional<Facts> find(UUID beneficiaryId) {
        return jdbc
                .queryForList(
                        "SELECT facts FROM registration_fact WHERE beneficiary_id = ?",
                        String.class,
                        beneficiaryId.toString())
                .stream()
                .findFirst()
                .flatMap(stored -> PersonalDataCipher.isSealed(stored)
                        ? cipher.openRecord(beneficiaryId, FACTS, stored, Facts.class)
                        : Optional.of(
                                json.readValue(stored, Facts.class))) // kept before sealing; sealed when next written
                .map(facts -> withPaidGrants(beneficiaryId, facts));
    }

    /** How many beneficiaries {@link #beneficiaries} goes through, of one province or (null) of all. */
    public long count(String provinceCode) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM registration_fact WHERE ? IS NULL OR province_code = ?",
                Long.class,
                provinceCode,
                provinceCode);
    }

    /** A page of beneficiaries, optionally of one province, in id order (for re-evaluation in chunks). */
    public List<UUID> beneficiaries(String provinceCode, UUID after, int limit) {
        String from = after == null ? "" : after.toString();
        List<String> ids = provinceCode == null
                ? jdbc.queryForList(
                        "SELECT beneficiary_id FROM registration_fact WHERE beneficiary_id > ? ORDER BY "
                                + "beneficiary_id LIMIT ?",
                        String.class,
                        from,
                        limit)
                : jdbc.queryForList(
                        "SELECT beneficiary_id FROM registration_fact WHERE province_code = ? AND beneficiary_id > ? "
                                + "ORDER BY beneficiary_id LIMIT ?",
                        String.class,
                        provinceCode,
                        from,
                        limit);
        return ids.stream().map(UUID::fromString).toList();
    }

    public boolean paid(UUID beneficiaryId, String programId, String cycleId) {
        return jdbc.queryForObject(
                        "SELECT COUNT(*) FROM paid_grant WHERE beneficiary_id = ? AND program_id = ? AND cycle_id = ?",
                        Integer.class,
                        beneficiaryId.toString(),
                        programId,
                        cycleId)
                > 0;
    }

    private Facts withPaidGrants(UUID beneficiaryId, Facts facts) {
        Set<String> paid = new HashSet<>(jdbc.queryForList(
                "SELECT CONCAT(program_id, '/', cycle_id) FROM paid_grant WHERE beneficiary_id = ?",
                String.class,
                beneficiaryId.toString()));
        return new Facts(
                facts.nikValidated(),
                facts.sex(),
                facts.birthDate(),
                facts.provinceCode(),
                facts.regencyCode(),
                facts.category(),
                facts.referralSource(),
                facts.traffickingStatus(),
                facts.destinationCountry(),
                facts.returnDate(),
                facts.registrationDate(),
                facts.fullName(),
                facts.bankCode(),
                facts.accountHolderName(),
                facts.dtksListed(),
                facts.dtsenDecile(),
                facts.attendedSocialGuidance(),
                paid,
                facts.familyMember() ? familyHasReturnedWorker(beneficiaryId) : null);
    }

    /**
     * For a family member: whether a returned worker on their family card is registered; null when they were given no
     * card (registration requires one for a family member, so only for facts kept before households were).
     */
    private Boolean familyHasReturnedWorker(UUID beneficiaryId) {
        List<Integer> workers = jdbc.queryForList("""
                        SELECT COUNT(w.beneficiary_id) FROM registration_fact me
                        LEFT JOIN registration_fact w ON w.household_id = me.household_id AND w.returned_worker
                            AND w.beneficiary_id <> me.beneficiary_id
                        WHERE me.beneficiary_id = ? AND me.household_id IS NOT NULL""", Integer.class, beneficiaryId.toString());
        return workers.isEmpty() || workers.get(0) == null ? null : workers.get(0) > 0;
    }

    /** The family members registered on this worker's family card (none when the worker gave no card). */
    public List<UUID> familyMembersOf(UUID worker) {
        return jdbc.queryForList("""
                                SELECT f.beneficiary_id FROM registration_fact w
                                JOIN registration_fact f ON f.household_id = w.household_id AND f.family_member
                                WHERE w.beneficiary_id = ? AND w.returned_worker""", String.class, worker.toString()).stream()
                .map(UUID::fromString)
                .toList();
    }
}
