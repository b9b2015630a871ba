package id.go.kemensos.returnee.registration.upload;

import id.go.kemensos.returnee.registration.sheet.SheetLimits;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Upload limits, set under {@code registration.upload.limits} (application.yml has the defaults): the file's size (also
 * the multipart limit) and what the sheet may hold ({@link SheetLimits}).
 */
@ConfigurationProperties("registration.upload.limits")
public record UploadLimits(
        DataSize maxFileSize,
        int maxColumns,
        int maxCellLength,
        long maxRows,
        int maxSharedStrings,
        long maxSharedStringChars) {

    public SheetLimits sheet() {
        return new SheetLimits(maxColumns, maxCellLength, maxRows, maxSharedStrings, maxSharedStringChars);
    }
}
