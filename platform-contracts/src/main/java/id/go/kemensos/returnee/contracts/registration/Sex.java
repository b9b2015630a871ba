package id.go.kemensos.returnee.contracts.registration;

/** Sex as written on the KTP: L (laki-laki) or P (perempuan). */
public enum Sex {
    MALE,
    FEMALE
}
