package id.go.kemensos.returnee.testsupport;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/** A multipart/form-data body as a browser sends it: text fields, then one file. */
final class MultipartForm {

    private final String boundary = "----form-" + UUID.randomUUID();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    MultipartForm(Map<String, String> fields, String fileField, String fileName, String contentType, byte[] file) {
        fields.forEach((name, value) -> write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                + "\"\r\n\r\n" + value + "\r\n"));
        write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\"" + fileName
                + "\"\r\n" + "Content-Type: " + contentType + "\r\n\r\n");
        body.writeBytes(file);
        write("\r\n--" + boundary + "--\r\n");
    }

    HttpRequest.Builder post(HttpRequest.Builder request) {
        return request.header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    }

    private void write(String text) {
        body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
