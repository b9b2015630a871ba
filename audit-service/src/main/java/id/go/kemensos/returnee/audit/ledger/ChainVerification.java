package id.go.kemensos.returnee.audit.ledger;

import java.util.List;

/**
 * The result of recomputing the ledger's chain and comparing it with the seals on Kafka. {@code firstBroken} is the
 * first row found edited, missing, out of order or unlike its seal; later findings often follow from it (a row moved
 * out of place breaks the link of the row after it too). {@code sealsUnavailable} says why the seals could not be read,
 * if they could not.
 */
public record ChainVerification(
        boolean intact,
        long rowsChecked,
        long headSeq,
        String headHash,
        long sealsChecked,
        String sealsUnavailable,
        Finding firstBroken,
        List<Finding> findings) {

    public enum Kind {
        /** The row's contents no longer give its stored hash. */
        EDITED,
        /** A sequence number is missing: the row was deleted. */
        DELETED,
        /**
         * The row does not link to the row before it: inserted, moved, or the row before it was rewritten with a new
         * hash.
         */
        OUT_OF_ORDER,
        /** The ledger ends before the chain's recorded head: rows at its end were deleted. */
        TRUNCATED,
        /**
         * The row's hash is not the one sealed on Kafka for it: the chain up to this row was rewritten, hashes and all.
         */
        SEAL_MISMATCH
    }

    public record Finding(long seq, Kind kind, String eventId, String detail) {}
}
