package fr.guichet.documents;

import fr.guichet.shared.ErrorResponses;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.LocaleResolver;

/** An upload refused in the API: 422 with the sentence the page shows; a reader trying to write: 403. */
@RestControllerAdvice(assignableTypes = DocumentApi.class)
class DocumentErrors {

    private final ErrorResponses errors;
    private final MessageSource messages;
    private final LocaleResolver locales;

    DocumentErrors(ErrorResponses errors, MessageSource messages, LocaleResolver locales) {
        this.errors = errors;
        this.messages = messages;
        this.locales = locales;
    }

    @ExceptionHandler(FileRefused.class)
    ResponseEntity<ProblemDetail> file(HttpServletRequest request, FileRefused refused) {
        return unprocessable(request, refused.messageKey(), refused.arguments());
    }

    @ExceptionHandler(DocumentRefused.class)
    ResponseEntity<ProblemDetail> document(HttpServletRequest request, DocumentRefused refused) {
        return unprocessable(request, refused.messageKey(), refused.arguments());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(HttpServletRequest request) {
        return errors.problem(request, HttpStatus.FORBIDDEN, null);
    }

    private ResponseEntity<ProblemDetail> unprocessable(HttpServletRequest request, String key, Object[] arguments) {
        var answer = errors.problem(request, HttpStatus.UNPROCESSABLE_CONTENT, null);
        answer.getBody().setDetail(messages.getMessage(key, arguments, locales.resolveLocale(request)));
        return answer;
    }
}
