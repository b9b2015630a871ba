package id.go.kemensos.returnee.registration.returnee;

import com.fasterxml.jackson.annotation.JsonInclude;
import id.go.kemensos.returnee.contracts.MaskedValues;
import id.go.kemensos.returnee.contracts.registration.ReturneeCategory;
import id.go.kemensos.returnee.contracts.registration.TraffickingStatus;
import id.go.kemensos.returnee.security.Officer;
import java.time.Instant;
import java.util.UUID;

/**
 * What the API shows of a returnee: identifiers masked; the category and referral source, which can show that someone
 * is a trafficking victim (Law 21/2007 Art. 44), only to a protection officer ({@code protection} is absent for
 * everyone else). An erased person shows no personal field, only when and by whom they were erased ({@code erased}).
 * {@code tellInPerson}: registered without a phone, so what the SMS would say must be told by an officer.
 * {@code cashAtPostOffice}: registered without a bank account, so the grant is collected in cash at a post office.
 * {@code familyCardMasked}: the family card the person is on, masked as a NIK is; absent when none was given.
 */
record ReturneeView(
        UUID beneficiaryId,
        String nikMasked,
        String fullName,
        String provinceCode,
        String regencyCode,
        String phoneE164,
        String bankCode,
        String accountNumberMasked,
        Instant registeredAt,
        ReturneeStatus status,
        boolean tellInPerson,
        boolean cashAtPostOffice,
        @JsonInclude(JsonInclude.Include.NON_NULL) String familyCardMasked,
        @JsonInclude(JsonInclude.Include.NON_NULL) ProtectionFacts protection,
        @JsonInclude(JsonInclude.Include.NON_NULL) Returnee.Erasure erased) {

    /** The category says why the person came home; the status whether they are a trafficking victim. */
    record ProtectionFacts(ReturneeCategory category, TraffickingStatus traffickingStatus, String referralSource) {}

    static ReturneeView of(Returnee r, Officer officer) {
        if (r.erased()) {
            return new ReturneeView(
                    r.beneficiaryId(),
                    null,
                    null,
                    r.provinceCode(),
                    r.regencyCode(),
                    null,
                    null,
                    null,
                    r.registeredAt(),
                    r.status(),
                    false,
                    false,
                    null,
                    null,
                    r.erasure());
        }
        return new ReturneeView(
                r.beneficiaryId(),
                r.nikMasked(),
                r.fullName(),
                r.provinceCode(),
                r.regencyCode(),
                r.phoneE164(),
                r.bankAccount() == null ? null : r.bankAccount().bankCode(),
                r.bankAccount() == null ? null : r.bankAccount().maskedAccountNumber(),
                r.registeredAt(),
                r.status(),
                r.phoneE164() == null,
                r.bankAccount() == null,
                r.details().familyCardNumber() == null
                        ? null
                        : MaskedValues.nik(r.details().familyCardNumber()),
                officer.knowsProtectionStatus()
                        ? new ProtectionFacts(r.category(), r.traffickingStatus(), r.referralSource())
                        : null,
                null);
    }
}
