package id.go.kemensos.returnee.disbursement;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class DisbursementApplication {

    public static void main(String[] args) {
        SpringApplication.run(DisbursementApplication.class, args);
    }
}
