package id.go.kemensos.returnee.gateway;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON over HTTP to one external gateway, through the Resilience4j instances named after it (configured in
 * application.yml under {@code resilience4j.*.instances.<name>}): retry (outermost, only for calls that are safe to
 * repeat), circuit breaker, rate limiter, and a time limiter around the single HTTP exchange.
 */
public class ResilientGateway {

    private final String name;
    private final URI baseUrl;
    private final HttpClient http;
    private final JsonMapper json;
    private final Retry retry;
    private final CircuitBreaker circuitBreaker;
    private final RateLimiter rateLimiter;
    private final TimeLimiter timeLimiter;
    private final ScheduledExecutorService scheduler;
    private final GatewayAuthentication authentication;

    public ResilientGateway(
            String name,
            URI baseUrl,
            JsonMapper json,
            Registries registries,
            ScheduledExecutorService scheduler,
            GatewayAuthentication authentication) {
        this.name = name;
        this.authentication = authentication;
        this.baseUrl = baseUrl;
        this.json = json;
        this.retry = registries.retries().retry(name);
        this.circuitBreaker = registries.circuitBreakers().circuitBreaker(name);
        this.rateLimiter = registries.rateLimiters().rateLimiter(name);
        this.timeLimiter = registries.timeLimiters().timeLimiter(name);
        this.scheduler = scheduler;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(2))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    public record Registries(
            RetryRegistry retries,
            CircuitBreakerRegistry circuitBreakers,
            RateLimiterRegistry rateLimiters,
            TimeLimiterRegistry timeLimiters) {}

    public String name() {
        return name;
    }

    /**
     * POSTs a JSON body. With {@code repeatable} false (a money transfer) a failure that may have reached the gateway
     * is never retried here: the caller asks for the status first.
     */
    public GatewayResponse post(String path, Object body, boolean repeatable) {
        return post(path, body, repeatable, 1);
    }

    /**
     * The same for a request that counts as {@code permits} calls against the gateway's rate limit (a batch of
     * messages where the gateway limits messages per second).
     */
    public GatewayResponse post(String path, Object body, boolean repeatable, int permits) {
        byte[] bytes = json.writeValueAsBytes(body);
        return execute(
                "POST",
                path,
                () -> authenticated(
                        HttpRequest.newBuilder(baseUrl.resolve(path))
                                .header("Content-Type", "application/json")
                                .header("Accept", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)),
                        "POST",
                        path,
                        bytes),
                repeatable,
                permits);
    }

    public GatewayResponse get(String path) {
        return execute(
                "GET",
                path,
                () -> authenticated(
                        HttpRequest.newBuilder(baseUrl.resolve(path))
                                .header("Accept", "application/json")
                                .GET(),
                        "GET",
                        path,
                        new byte[0]),
                true,
                1);
    }

    private HttpRequest authenticated(HttpRequest.Builder request, String method, String path, byte[] body) {
        authentication.authenticate(request, method, path, body);
        return request.build();
    }

    /** Each attempt builds (and so authenticates) its request afresh. */
    private GatewayResponse execute(
            String method, String path, Supplier<HttpRequest> requests, boolean repeatable, int permits) {
        Supplier<CompletionStage<GatewayResponse>> exchange = () -> {
            try {
                return http.sendAsync(requests.get(), HttpResponse.BodyHandlers.ofByteArray())
                        .thenApply(response -> toResponse(path, response));
            } catch (GatewayUnavailableException notSent) {
                return CompletableFuture.failedFuture(notSent);
            }
        };
        Supplier<CompletionStage<GatewayResponse>> decorated =
                TimeLimiter.decorateCompletionStage(timeLimiter, scheduler, exchange);
        decorated = RateLimiter.decorateCompletionStage(rateLimiter, permits, decorated);
        decorated = CircuitBreaker.decorateCompletionStage(circuitBreaker, decorated);
        if (repeatable) {
            decorated = Retry.decorateCompletionStage(retry, scheduler, decorated);
        }
        try {
            return decorated.get().toCompletableFuture().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayUnavailableException(name + " call interrupted", true, e);
        } catch (ExecutionException | CompletionException e) {
            throw classify(method, path, e.getCause() == null ? e : e.getCause());
        }
    }

    private GatewayResponse toResponse(String path, HttpResponse<byte[]> response) {
        if (response.statusCode() >= 500) {
            throw new CompletionException(new GatewayServerError(response.statusCode()));
        }
        if (response.statusCode() == 401) {
            authentication.refused(path);
        }
        JsonNode body = response.body() == null || response.body().length == 0 ? null : json.readTree(response.body());
        return new GatewayResponse(response.statusCode(), body);
    }

    private GatewayUnavailableException classify(String method, String path, Throwable failure) {
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof GatewayUnavailableException notSent) {
            return notSent;
        }
        String what = name + " " + method + " " + path;
        if (cause instanceof ConnectException) {
            return new GatewayUnavailableException(what + ": cannot connect", false, cause);
        }
        if (cause instanceof CallNotPermittedException) {
            return new GatewayUnavailableException(what + ": circuit breaker open", false, cause);
        }
        if (cause instanceof RequestNotPermitted) {
            return new GatewayUnavailableException(what + ": rate limit reached", false, cause);
        }
        if (cause instanceof TimeoutException) {
            return new GatewayUnavailableException(what + ": no answer within the time limit", true, cause);
        }
        if (cause instanceof GatewayServerError serverError) {
            return new GatewayUnavailableException(what + ": HTTP " + serverError.status, true, cause);
        }
        if (cause instanceof IOException) {
            return new GatewayUnavailableException(what + ": " + cause.getMessage(), true, cause);
        }
        return new GatewayUnavailableException(what + ": " + cause, true, cause);
    }

    /** A 5xx: the gateway may or may not have acted. Counted as a failure by the circuit breaker and retry. */
    public static final class GatewayServerError extends RuntimeException {

        private final int status;

        GatewayServerError(int status) {
            super("HTTP " + status, null, false, false);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
