package id.go.kemensos.returnee.casework;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description served at /v3/api-docs and /swagger-ui/index.html. */
@Configuration
class ApiDocumentation {

    @Bean
    OpenAPI caseApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Case API")
                        .version("v1")
                        .description("A case per eligible returnee: the services their decisions entitle them to, "
                                + "offered and answered (declining is normal), referred to service partners and "
                                + "followed to delivery; the partner directory; counts for auditors. Services under "
                                + "Law 21/2007 are seen only by protection officers and the assigned case worker."));
    }
}
