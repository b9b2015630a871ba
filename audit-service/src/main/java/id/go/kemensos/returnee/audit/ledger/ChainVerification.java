package id.go.kemensos.returnee.audit.ledger;

import java.util.List;

/**
 * The result of recomputing the ledger's chain. {@code firstBroken} is the first row found edited, missing or out of order;
 * later findings often follow from it (a row moved out of place breaks the link of the row after it too).
 */
public record ChainVerification(boolean intact, long rowsChecked, long headSeq, String headHash, Finding firstBroken, List<Finding> findings) {

    public enum Kind {
        /** The row's contents no longer give its stored hash. */
        EDITED,
        /** A sequence number is missing: the row was deleted. */
        DELETED,
        /** The row does not link to the row before it: inserted, moved, or the row before it was rewritten with a new hash. */
        OUT_OF_ORDER,
        /** The ledger ends before the chain's recorded head: rows at its end were deleted. */
        TRUNCATED
    }

    public record Finding(long seq, Kind kind, String eventId, String detail) {
    }
}
