package id.go.kemensos.returnee.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses a JSON body whose top level names who acts ({@code approvedBy}, {@code officer}, ...), whether or not the
 * endpoint reads a body at all: an approval sent with {@code {"approvedBy": "someone.else"}} must not pass as the
 * caller's own. Runs after authentication (an anonymous caller learns nothing from it); the body is read once and
 * handed on.
 */
final class IdentityInJsonBody extends OncePerRequestFilter {

    /**
     * Officers' JSON requests are small; larger bodies (none exist today) pass unchecked rather than being held in
     * memory.
     */
    private static final int MAX_CHECKED_BYTES = 1 << 20;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return type == null
                || !type.toLowerCase().contains("json")
                || request.getContentLengthLong() > MAX_CHECKED_BYTES;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] body = request.getInputStream().readNBytes(MAX_CHECKED_BYTES + 1);
        String field = body.length > MAX_CHECKED_BYTES ? null : identityField(body);
        if (field != null) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.BAD_REQUEST, IdentityInRequestRefusal.IdentityFieldInRequest.reason(field));
            problem.setProperty("identityFields", List.copyOf(IdentityInRequestRefusal.IDENTITY_FIELDS));
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getOutputStream().write(JSON.writeValueAsBytes(problem));
            return;
        }
        chain.doFilter(new ReadAgain(request, body), response);
    }

    /**
     * Reads only the top level's property names, skipping their values: the endpoint parses the body itself afterwards.
     */
    private static String identityField(byte[] body) {
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                if (IdentityInRequestRefusal.IDENTITY_FIELDS.contains(parser.currentName())) {
                    return parser.currentName();
                }
                parser.nextToken();
                parser.skipChildren();
            }
        } catch (JacksonException malformed) {
            // not JSON after all: the endpoint's converter answers it as it always has
        }
        return null;
    }

    /** The request with its body, already read here, readable again by the endpoint. */
    private static final class ReadAgain extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadAgain(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(
                    getInputStream(),
                    getCharacterEncoding() == null
                            ? StandardCharsets.UTF_8
                            : java.nio.charset.Charset.forName(getCharacterEncoding())));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
