package id.go.kemensos.returnee.registration.returnee;

import id.go.kemensos.returnee.registration.progress.ReturneeStatus;

import java.util.UUID;

/** Optional filters of the returnee list; a null field matches everything. */
public record ReturneeFilter(String provinceCode, String regencyCode, ReturneeStatus status, UUID uploadId) {
}
