package fr.guichet.administration;

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

/** A rule saying no, in the API: 409 with the same sentence the page shows. */
@RestControllerAdvice(assignableTypes = OrganizationApi.class)
class OrganizationApiErrors {

    private final ErrorResponses errors;
    private final MessageSource messages;
    private final LocaleResolver locales;

    OrganizationApiErrors(ErrorResponses errors, MessageSource messages, LocaleResolver locales) {
        this.errors = errors;
        this.messages = messages;
        this.locales = locales;
    }

    @ExceptionHandler(AdministrationRefusal.class)
    ResponseEntity<ProblemDetail> refused(HttpServletRequest request, AdministrationRefusal refusal) {
        var answer = errors.problem(request, HttpStatus.CONFLICT, null);
        answer.getBody().setDetail(messages.getMessage(refusal.messageKey(), refusal.arguments(), locales.resolveLocale(request)));
        return answer;
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(HttpServletRequest request) {
        return errors.problem(request, HttpStatus.FORBIDDEN, null);
    }
}
