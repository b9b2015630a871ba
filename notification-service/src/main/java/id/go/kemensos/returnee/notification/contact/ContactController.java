package id.go.kemensos.returnee.notification.contact;

import id.go.kemensos.returnee.security.Officer;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ContactController {

    private final ContactDirectory contacts;

    ContactController(ContactDirectory contacts) {
        this.contacts = contacts;
    }

    /** A returnee's wishes, as given to an officer: SMS language and whether to receive SMS at all. */
    record Preferences(@Pattern(regexp = "id|en") String language, Boolean optedOut) {}

    @Operation(summary = "Record a returnee's SMS language (id or en) and opt-out; messages not yet sent follow them")
    @PutMapping("/api/contacts/{beneficiaryId}/preferences")
    ResponseEntity<Map<String, Object>> preferences(
            @PathVariable UUID beneficiaryId, @Valid @RequestBody Preferences preferences, Officer officer) {
        return contacts.setPreferences(
                        beneficiaryId,
                        preferences.language(),
                        preferences.optedOut(),
                        officer.reference(),
                        officer.province())
                .map(ResponseEntity::ok)
                .orElse(ResponseEntity.notFound().build());
    }
}
