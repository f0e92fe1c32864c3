package fr.guichet.administration;

import fr.guichet.shared.ErrorResponses;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A rule saying no, in the API: 409 with the same sentence the page shows. */
@RestControllerAdvice(assignableTypes = OrganizationApi.class)
class OrganizationApiErrors {

    private final ErrorResponses errors;

    OrganizationApiErrors(ErrorResponses errors) {
        this.errors = errors;
    }

    @ExceptionHandler(AdministrationRefusal.class)
    ResponseEntity<ProblemDetail> refused(HttpServletRequest request, AdministrationRefusal refusal) {
        return errors.refusal(request, HttpStatus.CONFLICT, refusal);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(HttpServletRequest request) {
        return errors.problem(request, HttpStatus.FORBIDDEN, null);
    }
}
