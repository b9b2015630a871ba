package id.go.kemensos.returnee.registration.returnee;

import id.go.kemensos.returnee.contracts.MaskedValues;
import id.go.kemensos.returnee.contracts.registration.BankAccount;
import id.go.kemensos.returnee.messaging.Outbox;
import id.go.kemensos.returnee.registration.validation.Checked;
import id.go.kemensos.returnee.registration.validation.PhoneValidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/** Registers returnees, one beneficiary per NIK: the returnee row and its ReturneeRegistered event commit together. */
@Service
public class ReturneeRegistry {

    private static final Logger log = LoggerFactory.getLogger(ReturneeRegistry.class);

    private final ReturneeRepository returnees;
    private final Outbox outbox;
    private final Clock clock;
    private final PhoneValidator phones = new PhoneValidator();

    ReturneeRegistry(ReturneeRepository returnees, Outbox outbox, Clock clock) {
        this.returnees = returnees;
        this.outbox = outbox;
        this.clock = clock;
    }

    public record Registration(Returnee returnee, boolean created) {
    }

    /** Registers a new returnee, or returns the one already registered under this NIK without raising any event. */
    @Transactional
    public Registration register(RegisterReturneeRequest request, UUID uploadId) {
        Checked<String> checkedPhone = phones.validate(request.phone());
        String phone = checkedPhone.value().orElseThrow(() -> new InvalidRegistrationException("phone",
                checkedPhone.problems().get(0).messageId() + " / " + checkedPhone.problems().get(0).messageEn()));
        Returnee returnee = new Returnee(UUID.randomUUID(), request.nik(), request.fullName().strip(), request.sex(),
                request.birthDate(), request.provinceCode(), request.regencyCode(), request.category(), request.referralSource(),
                request.destinationCountry(), request.returnDate(), phone,
                new BankAccount(request.bankCode(), request.accountNumber(), request.accountHolderName().strip()),
                request.dtksListed(), request.attendedSocialGuidance(), uploadId, clock.instant());
        try {
            returnees.insert(returnee);
        } catch (DuplicateKeyException alreadyRegistered) {
            // The unique NIK index decides races between concurrent registrations; the loser sees the winner's row.
            return new Registration(returnees.findByNik(request.nik()).orElseThrow(), false);
        }
        outbox.append(returnee.registered());
        log.info("Registered beneficiary {} (NIK {})", returnee.beneficiaryId(), MaskedValues.nik(returnee.nik()));
        return new Registration(returnee, true);
    }

    @Transactional(readOnly = true)
    public Optional<Returnee> find(UUID beneficiaryId) {
        return returnees.findById(beneficiaryId);
    }
}
