package id.go.kemensos.returnee.notification.contact;

import id.go.kemensos.returnee.contracts.disbursement.CashClaimIssued;
import id.go.kemensos.returnee.contracts.registration.PersonalDetails;
import id.go.kemensos.returnee.privacy.PersonalDataCipher;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * A contact's name and phone as notification keeps them: sealed with the person's data key in
 * {@code contact.personal_data}.
 */
@Component
public class SealedContacts {

    /** Why a message to an erased person is withheld. */
    public static final String ERASED = "personal data erased";

    private static final String CONTACT = "contact";

    /** Whom a message goes to. */
    public record Contact(String fullName, String phoneE164) {}

    private final PersonalDataCipher cipher;

    SealedContacts(PersonalDataCipher cipher) {
        this.cipher = cipher;
    }

    String seal(UUID beneficiaryId, Contact contact) {
        return cipher.sealRecord(
                beneficiaryId,
                CONTACT,
                new PersonalDetails(null, contact.fullName(), null, contact.phoneE164(), null, null, null, null, null));
    }

    /** The name and phone; empty once the person was erased. */
    public Optional<Contact> open(UUID beneficiaryId, String sealed) {
        return cipher.openRecord(beneficiaryId, CONTACT, sealed, PersonalDetails.class)
                .map(p -> new Contact(p.fullName(), p.phoneE164()));
    }

    /** A cash claim's code as disbursement sealed it for the person; empty once they were erased. */
    public Optional<String> openClaimCode(UUID beneficiaryId, String sealed) {
        return cipher.open(beneficiaryId, CashClaimIssued.CLAIM_CODE_FIELD, sealed);
    }

    /** Reads these people's keys in one go, before a batch of their messages is sent. */
    public void loadKeys(Collection<UUID> people) {
        cipher.loadKeys(people);
    }
}
