package fr.guichet.access;

import fr.guichet.shared.ErrorResponses;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A rule saying no, in the API: 409 with the sentence the page shows. */
@RestControllerAdvice(assignableTypes = AccessApi.class)
class AccessErrors {

    private final ErrorResponses errors;

    AccessErrors(ErrorResponses errors) {
        this.errors = errors;
    }

    @ExceptionHandler(AccessRefusal.class)
    ResponseEntity<ProblemDetail> refused(HttpServletRequest request, AccessRefusal refusal) {
        return errors.refusal(request, HttpStatus.CONFLICT, refusal);
    }

    /** Two deciders at the same moment: the other one's decision stands. */
    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> simultaneous(HttpServletRequest request) {
        return errors.refusal(request, HttpStatus.CONFLICT, "access.already-decided", new Object[0]);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(HttpServletRequest request) {
        return errors.problem(request, HttpStatus.FORBIDDEN, null);
    }
}
