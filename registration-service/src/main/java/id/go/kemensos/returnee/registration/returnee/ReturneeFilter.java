package id.go.kemensos.returnee.registration.returnee;

import java.util.StringJoiner;
import java.util.UUID;

/** Optional filters of the returnee list; a null field matches everything. */
public record ReturneeFilter(String provinceCode, String regencyCode, ReturneeStatus status, UUID uploadId) {

    /** The filters set, as a query string ({@code provinceCode=52&status=PAID}), for the access log. */
    String describe() {
        StringJoiner query = new StringJoiner("&");
        if (provinceCode != null) {
            query.add("provinceCode=" + provinceCode);
        }
        if (regencyCode != null) {
            query.add("regencyCode=" + regencyCode);
        }
        if (status != null) {
            query.add("status=" + status);
        }
        if (uploadId != null) {
            query.add("uploadId=" + uploadId);
        }
        return query.toString();
    }
}
