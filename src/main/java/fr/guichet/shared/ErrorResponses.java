package fr.guichet.shared;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * The one shape of every error answer: a page for people, an RFC 9457 problem detail for the
 * API; both in the reader's language, neither with an exception message.
 */
@Component
public class ErrorResponses {

    private final MessageSource messages;
    private final LocaleResolver locales;

    ErrorResponses(MessageSource messages, LocaleResolver locales) {
        this.messages = messages;
        this.locales = locales;
    }

    public static boolean isApi(HttpServletRequest request) {
        var uri = originalUri(request);
        return uri.startsWith(request.getContextPath() + "/api/");
    }

    static String originalUri(HttpServletRequest request) {
        var forwarded = (String) request.getAttribute("jakarta.servlet.error.request_uri");
        return forwarded != null ? forwarded : request.getRequestURI();
    }

    public static String newErrorId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    public ModelAndView page(HttpServletRequest request, HttpStatus status, String errorId) {
        return page(request, status, keyFor(status), errorId);
    }

    /** With the title and detail of {@code key} ({@code key.title}, {@code key.detail}) rather than the status's. */
    public ModelAndView page(HttpServletRequest request, HttpStatus status, String key, String errorId) {
        var view = new ModelAndView("error/page");
        view.setStatus(status);
        view.addObject("status", status.value());
        view.addObject("errorKey", key);
        view.addObject("errorId", errorId);
        return view;
    }

    public ResponseEntity<ProblemDetail> problem(HttpServletRequest request, HttpStatus status, String errorId) {
        return problem(request, status, keyFor(status), errorId);
    }

    /**
     * A rule of the domain saying no, in the API: the status's title, and as detail the same
     * sentence the page shows (the message {@code reason} with its arguments), in the caller's language.
     */
    public ResponseEntity<ProblemDetail> refusal(
            HttpServletRequest request, HttpStatus status, String reason, Object[] arguments) {
        var answer = problem(request, status, null);
        answer.getBody().setDetail(messages.getMessage(reason, arguments, locales.resolveLocale(request)));
        return answer;
    }

    public ResponseEntity<ProblemDetail> refusal(HttpServletRequest request, HttpStatus status, Refusal refusal) {
        return refusal(request, status, refusal.messageKey(), refusal.arguments());
    }

    public ResponseEntity<ProblemDetail> problem(
            HttpServletRequest request, HttpStatus status, String key, String errorId) {
        // also outside the DispatcherServlet (security filters): ask the resolver the pages use
        Locale locale = locales.resolveLocale(request);
        var problem = ProblemDetail.forStatus(status);
        problem.setTitle(messages.getMessage(key + ".title", null, locale));
        problem.setDetail(messages.getMessage(key + ".detail", null, locale));
        problem.setInstance(URI.create(originalUri(request)));
        if (errorId != null) {
            problem.setProperty("errorId", errorId);
        }
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    static String keyFor(HttpStatus status) {
        return switch (status.value()) {
            case 404 -> "error.not-found";
            case 403 -> "error.forbidden";
            case 401 -> "error.unauthorized";
            case 405 -> "error.method-not-allowed";
            case 409 -> "error.conflict";
            case 413 -> "error.too-large";
            case 429 -> "error.too-many-requests";
            default -> status.is4xxClientError() ? "error.bad-request" : "error.server";
        };
    }
}
