package id.go.kemensos.returnee.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdvice;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Set;

/**
 * Refuses a request that names the acting officer itself, in a JSON body's top level or in a parameter (form field or
 * query): who acted is the token's subject, and a client still sending {@code approvedBy} should learn that it is no longer
 * read rather than believe it was recorded.
 */
@RestControllerAdvice
final class IdentityInRequestRefusal implements RequestBodyAdvice, HandlerInterceptor {

    static final Set<String> IDENTITY_FIELDS = Set.of("preparedBy", "approvedBy", "rejectedBy", "decidedBy", "officer", "reviewedBy",
            "setBy", "requestedBy", "importedBy", "recordedBy", "overriddenBy");

    private final JsonMapper json = JsonMapper.builder().build();

    static final class IdentityFieldInRequest extends RuntimeException {
        IdentityFieldInRequest(String field) {
            super(field + " is taken from your login (the access token), not from the request; remove it and send the request again. / "
                    + field + " diambil dari login Anda, bukan dari permintaan; hapus dan kirim ulang.");
        }
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        for (String name : request.getParameterMap().keySet()) {
            if (IDENTITY_FIELDS.contains(name)) {
                throw new IdentityFieldInRequest(name);
            }
        }
        return true;
    }

    @Override
    public boolean supports(MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public HttpInputMessage beforeBodyRead(HttpInputMessage input, MethodParameter parameter, Type targetType,
                                           Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
        MediaType type = input.getHeaders().getContentType();
        if (type == null || !type.getSubtype().contains("json")) {
            return input;
        }
        byte[] body = input.getBody().readAllBytes();
        try {
            JsonNode tree = json.readTree(body);
            if (tree != null && tree.isObject()) {
                for (String name : tree.propertyNames()) {
                    if (IDENTITY_FIELDS.contains(name)) {
                        throw new IdentityFieldInRequest(name);
                    }
                }
            }
        } catch (JacksonException malformed) {
            // not JSON after all: the converter reports it as it always has
        }
        HttpHeaders headers = input.getHeaders();
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(body);
            }

            @Override
            public HttpHeaders getHeaders() {
                return headers;
            }
        };
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage input, MethodParameter parameter, Type targetType,
                                Class<? extends HttpMessageConverter<?>> converterType) {
        return body;
    }

    @Override
    public Object handleEmptyBody(Object body, HttpInputMessage input, MethodParameter parameter, Type targetType,
                                  Class<? extends HttpMessageConverter<?>> converterType) {
        return body;
    }

    @ExceptionHandler(Officer.OutsideProvince.class)
    ProblemDetail outsideProvince(Officer.OutsideProvince e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(IdentityFieldInRequest.class)
    ProblemDetail refused(IdentityFieldInRequest e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setProperty("identityFields", List.copyOf(IDENTITY_FIELDS));
        return problem;
    }
}
