package fr.guichet.helpdesk;

import fr.guichet.shared.ErrorResponses;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The lifecycle or the filing rules saying no, in the API: 409 with the sentence the page shows. */
@RestControllerAdvice(assignableTypes = TicketApi.class)
class TicketApiErrors {

    private final ErrorResponses errors;

    TicketApiErrors(ErrorResponses errors) {
        this.errors = errors;
    }

    @ExceptionHandler({TransitionRefused.class, FilingRefused.class})
    ResponseEntity<ProblemDetail> refused(HttpServletRequest request, fr.guichet.shared.Refusal refused) {
        return errors.refusal(request, HttpStatus.CONFLICT, refused);
    }

    @ExceptionHandler(SearchRefused.class)
    ResponseEntity<ProblemDetail> searchRefused(HttpServletRequest request, fr.guichet.shared.Refusal refused) {
        return errors.refusal(request, HttpStatus.BAD_REQUEST, refused);
    }

    /** An attachment too large, empty, or of a type not accepted (detected from its bytes). */
    @ExceptionHandler(fr.guichet.documents.FileRefused.class)
    ResponseEntity<ProblemDetail> fileRefused(HttpServletRequest request, fr.guichet.shared.Refusal refused) {
        return errors.refusal(request, HttpStatus.UNPROCESSABLE_CONTENT, refused);
    }
}
