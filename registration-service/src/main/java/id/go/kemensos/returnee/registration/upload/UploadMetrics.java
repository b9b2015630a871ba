package id.go.kemensos.returnee.registration.upload;

import id.go.kemensos.returnee.messaging.TaggedCounts;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Upload progress for the engineer on call: {@code platform_uploads{status}} and, over the uploads being read,
 * {@code platform_upload_rows{outcome}} (expected, read, accepted, rejected, held).
 */
@Configuration(proxyBeanMethods = false)
class UploadMetrics {

    @Bean
    TaggedCounts uploadsByStatus(UploadRepository uploads) {
        return new TaggedCounts(
                "platform.uploads",
                "Uploaded lists by status",
                "status",
                List.of("RECEIVED", "PROCESSING", "COMPLETED", "FAILED"),
                uploads::countByStatus);
    }

    @Bean
    TaggedCounts uploadRowsInProgress(UploadRepository uploads) {
        return new TaggedCounts(
                "platform.upload.rows",
                "Rows of the uploads being read: expected, read so far, accepted, rejected and held",
                "outcome",
                List.of("expected", "read", "accepted", "rejected", "held"),
                uploads::rowsInProgress);
    }
}
