package fr.guichet.access;

import fr.guichet.shared.ErrorResponses;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.LocaleResolver;

/** A rule saying no, in the API: 409 with the sentence the page shows. */
@RestControllerAdvice(assignableTypes = AccessApi.class)
class AccessErrors {

    private final ErrorResponses errors;
    private final MessageSource messages;
    private final LocaleResolver locales;

    AccessErrors(ErrorResponses errors, MessageSource messages, LocaleResolver locales) {
        this.errors = errors;
        this.messages = messages;
        this.locales = locales;
    }

    @ExceptionHandler(AccessRefusal.class)
    ResponseEntity<ProblemDetail> refused(HttpServletRequest request, AccessRefusal refusal) {
        return conflict(request, refusal.messageKey(), refusal.arguments());
    }

    /** Two deciders at the same moment: the other one's decision stands. */
    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> simultaneous(HttpServletRequest request) {
        return conflict(request, "access.already-decided", new Object[0]);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(HttpServletRequest request) {
        return errors.problem(request, HttpStatus.FORBIDDEN, null);
    }

    private ResponseEntity<ProblemDetail> conflict(HttpServletRequest request, String key, Object[] arguments) {
        var answer = errors.problem(request, HttpStatus.CONFLICT, null);
        answer.getBody().setDetail(messages.getMessage(key, arguments, locales.resolveLocale(request)));
        return answer;
    }
}
