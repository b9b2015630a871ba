package id.go.kemensos.returnee.console;

import java.util.List;
import java.util.UUID;

/** A page of rows held for an officer's review ({@code GET /api/uploads/reviews}). */
public record HeldRows(List<Row> items, int page, int size, long total) {

    public record Row(
            UUID uploadId,
            long rowNumber,
            String provinceCode,
            String nikMasked,
            String fullName,
            List<Problem> problems) {}

    public record Problem(String column, String code, String messageId, String messageEn, String severity) {}
}
