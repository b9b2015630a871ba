package id.go.kemensos.returnee.disbursement.bank;

import id.go.kemensos.returnee.disbursement.DisbursementProperties;
import id.go.kemensos.returnee.gateway.ResilientGateway;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** The "bank" Resilience4j instances (application.yml) around the bank gateway's base URL. */
@Component
class BankGateway implements AutoCloseable {

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private final ResilientGateway gateway;

    BankGateway(DisbursementProperties properties, JsonMapper json, RetryRegistry retries, CircuitBreakerRegistry circuitBreakers,
                RateLimiterRegistry rateLimiters, TimeLimiterRegistry timeLimiters) {
        this.gateway = new ResilientGateway("bank", properties.bankGatewayUrl(), json,
                new ResilientGateway.Registries(retries, circuitBreakers, rateLimiters, timeLimiters), scheduler);
    }

    ResilientGateway resilientGateway() {
        return gateway;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
