package id.go.kemensos.returnee.console;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where the services' APIs are ({@code console.services.*}). */
@ConfigurationProperties("console.services")
record ServiceEndpoints(URI registration, URI eligibility, URI disbursement, URI notification, URI audit, URI cases) {}
