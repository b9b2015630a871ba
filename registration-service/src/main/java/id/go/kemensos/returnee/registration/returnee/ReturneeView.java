package id.go.kemensos.returnee.registration.returnee;

import id.go.kemensos.returnee.contracts.MaskedValues;
import id.go.kemensos.returnee.registration.progress.ReturneeStatus;

import java.time.Instant;
import java.util.UUID;

/** What the API shows of a returnee: identifiers masked, no category (specific personal data). */
record ReturneeView(UUID beneficiaryId, String nikMasked, String fullName, String provinceCode, String regencyCode,
                    String phoneE164, String bankCode, String accountNumberMasked, Instant registeredAt, ReturneeStatus status) {

    static ReturneeView of(Returnee r) {
        return new ReturneeView(r.beneficiaryId(), MaskedValues.nik(r.nik()), r.fullName(), r.provinceCode(), r.regencyCode(),
                r.phoneE164(), r.bankAccount().bankCode(), r.bankAccount().maskedAccountNumber(), r.registeredAt(), r.status());
    }
}
