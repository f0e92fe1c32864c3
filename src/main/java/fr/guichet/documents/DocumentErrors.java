package fr.guichet.documents;

import fr.guichet.shared.ErrorResponses;
import fr.guichet.shared.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** An upload refused in the API: 422 with the sentence the page shows; a reader trying to write: 403. */
@RestControllerAdvice(assignableTypes = DocumentApi.class)
class DocumentErrors {

    private final ErrorResponses errors;

    DocumentErrors(ErrorResponses errors) {
        this.errors = errors;
    }

    @ExceptionHandler({FileRefused.class, DocumentRefused.class})
    ResponseEntity<ProblemDetail> refused(HttpServletRequest request, Refusal refused) {
        return errors.refusal(request, HttpStatus.UNPROCESSABLE_CONTENT, refused);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(HttpServletRequest request) {
        return errors.problem(request, HttpStatus.FORBIDDEN, null);
    }
}
