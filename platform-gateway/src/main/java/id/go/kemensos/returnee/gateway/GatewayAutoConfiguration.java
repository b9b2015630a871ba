package id.go.kemensos.returnee.gateway;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.json.JsonMapper;

@AutoConfiguration
public class GatewayAutoConfiguration {

    @Bean
    ResilientGateways resilientGateways(
            JsonMapper json,
            RetryRegistry retries,
            CircuitBreakerRegistry circuitBreakers,
            RateLimiterRegistry rateLimiters,
            TimeLimiterRegistry timeLimiters) {
        return new ResilientGateways(
                json, new ResilientGateway.Registries(retries, circuitBreakers, rateLimiters, timeLimiters));
    }
}
