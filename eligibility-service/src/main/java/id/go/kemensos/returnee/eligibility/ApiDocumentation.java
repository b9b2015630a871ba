package id.go.kemensos.returnee.eligibility;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description served at /v3/api-docs and /swagger-ui/index.html. */
@Configuration
class ApiDocumentation {

    @Bean
    OpenAPI eligibilityApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Eligibility API")
                        .version("v1")
                        .description("Explainable eligibility decisions under Laws 21/2007, 18/2017 "
                                + "(ex-39/2004) and 11/2009 and the "
                                + "business-stimulant grant: rule versions, inputs, criteria and "
                                + "citations; officer review and re-evaluation."));
    }
}
