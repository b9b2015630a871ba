package id.go.kemensos.returnee.console;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page: what the signed-in officer can do here, by role. */
@Controller
class DashboardPage {

    @GetMapping("/")
    String dashboard() {
        return "dashboard";
    }
}
