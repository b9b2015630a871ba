package id.go.kemensos.returnee.notification;

import id.go.kemensos.returnee.testsupport.ServiceArchitectureTest;
import java.util.Map;

/** notification-service's guard rails; each table it creates, with the one class that writes it. */
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super(
                "id.go.kemensos.returnee.notification",
                Map.of(
                        "contact", "ContactDirectory",
                        "sms_message", "SmsMessages"));
    }
}
