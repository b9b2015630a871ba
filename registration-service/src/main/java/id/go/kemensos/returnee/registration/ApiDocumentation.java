package id.go.kemensos.returnee.registration;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description served at /v3/api-docs and /swagger-ui/index.html. */
@Configuration
class ApiDocumentation {

    @Bean
    OpenAPI registrationApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Registration API")
                        .version("v1")
                        .description("Registers returnee migrant workers and trafficking survivors for the "
                                + "business-stimulant grant. "
                                + "One beneficiary per NIK; responses show the NIK and account number masked."));
    }
}
