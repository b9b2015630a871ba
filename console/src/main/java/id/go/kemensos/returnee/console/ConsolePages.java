package id.go.kemensos.returnee.console;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.ModelAndView;

/** What every page has: the signed-in officer, and a service's refusal shown as a page instead of a stack trace. */
@ControllerAdvice
class ConsolePages {

    private final Provinces provinces;

    ConsolePages(Provinces provinces) {
        this.provinces = provinces;
    }

    /** For the province selectors (a fragment's arguments may not call beans: Thymeleaf's restricted mode). */
    @ModelAttribute("allProvinceCodes")
    java.util.List<String> allProvinceCodes() {
        return provinces.codes();
    }

    @ModelAttribute("officer")
    SignedInOfficer officer(@AuthenticationPrincipal OidcUser user) {
        return user == null ? null : SignedInOfficer.of(user);
    }

    /** The page's own path, for the language links (which keep the officer where they are). */
    @ModelAttribute("currentPath")
    String currentPath(jakarta.servlet.http.HttpServletRequest request) {
        return request.getRequestURI();
    }

    @ExceptionHandler(OfficerRelay.Refused.class)
    ModelAndView refused(OfficerRelay.Refused refused, @AuthenticationPrincipal OidcUser user) {
        HttpStatus status = HttpStatus.resolve(refused.status());
        ModelAndView page = new ModelAndView(
                "refused", status == null || status.is5xxServerError() ? HttpStatus.BAD_GATEWAY : status);
        page.addObject("officer", user == null ? null : SignedInOfficer.of(user));
        page.addObject("currentPath", "/");
        page.addObject("status", refused.status());
        page.addObject("detail", refused.detail());
        return page;
    }
}
