package id.go.kemensos.returnee.registration.returnee;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

@RestController
@RequestMapping("/api/returnees")
class ReturneeController {

    private final ReturneeRegistry registry;

    ReturneeController(ReturneeRegistry registry) {
        this.registry = registry;
    }

    /** 201 with the new beneficiary id; 200 with the existing one when the NIK is already registered. */
    @PostMapping
    ResponseEntity<ReturneeView> register(@Valid @RequestBody RegisterReturneeRequest request) {
        ReturneeRegistry.Registration registration = registry.register(request, null);
        ReturneeView view = ReturneeView.of(registration.returnee());
        return registration.created()
                ? ResponseEntity.created(URI.create("/api/returnees/" + view.beneficiaryId())).body(view)
                : ResponseEntity.ok(view);
    }

    @GetMapping("/{beneficiaryId}")
    ResponseEntity<ReturneeView> get(@PathVariable UUID beneficiaryId) {
        return registry.find(beneficiaryId).map(ReturneeView::of).map(ResponseEntity::ok)
                .orElse(ResponseEntity.notFound().build());
    }

    @ExceptionHandler(InvalidRegistrationException.class)
    ProblemDetail invalid(InvalidRegistrationException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
        problem.setProperties(Map.of("field", e.field()));
        return problem;
    }
}
