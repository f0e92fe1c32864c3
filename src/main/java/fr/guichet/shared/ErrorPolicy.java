package fr.guichet.shared;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.InvalidPropertyException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * One error policy for every controller: not found is 404, a malformed request 400, anything
 * else 500 with an id that the log holds next to the details. Security exceptions pass through
 * to Spring Security, which answers 401/403 (or signs the person in).
 */
@ControllerAdvice
class ErrorPolicy {

    private static final Logger log = LoggerFactory.getLogger(ErrorPolicy.class);

    private final ErrorResponses responses;

    ErrorPolicy(ErrorResponses responses) {
        this.responses = responses;
    }

    @ExceptionHandler({NotFoundException.class, NoResourceFoundException.class})
    Object notFound(HttpServletRequest request) {
        return answer(request, HttpStatus.NOT_FOUND, null);
    }

    /**
     * A value that does not convert, a body that does not parse, or a field name no form has a place
     * for ({@code title[999999999]}, {@code consent.x}: the binder cannot even find where it goes).
     */
    @ExceptionHandler({
        TypeMismatchException.class,
        HttpMessageNotReadableException.class,
        InvalidPropertyException.class
    })
    Object malformed(HttpServletRequest request, Exception e) {
        log.debug("Malformed request {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
        return answer(request, HttpStatus.BAD_REQUEST, null);
    }

    /**
     * A rule of the domain saying no, in the API: the status its class declares with
     * {@link ResponseStatus} (409 when it declares none: the state of things refuses) and as detail
     * the sentence the page shows. Pages catch their refusals to show them in place: one that
     * escapes a page is a mistake, answered as such.
     */
    @ExceptionHandler(Refusal.class)
    Object refused(HttpServletRequest request, Refusal refusal) {
        if (!ErrorResponses.isApi(request)) {
            return unexpected(request, refusal);
        }
        var declared = AnnotatedElementUtils.findMergedAnnotation(refusal.getClass(), ResponseStatus.class);
        return responses.refusal(request, declared == null ? HttpStatus.CONFLICT : declared.code(), refusal);
    }

    /** An API body that breaks its constraints: each field with its message, in the reader's language. */
    @ExceptionHandler(MethodArgumentNotValidException.class)
    Object invalid(HttpServletRequest request, MethodArgumentNotValidException e) {
        if (!ErrorResponses.isApi(request)) {
            return answer(request, HttpStatus.BAD_REQUEST, null);
        }
        var answer = responses.problem(request, HttpStatus.BAD_REQUEST, null);
        answer.getBody()
                .setProperty(
                        "errors",
                        e.getBindingResult().getFieldErrors().stream()
                                .map(f ->
                                        Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage())))
                                .toList());
        return answer;
    }

    /**
     * A multipart body the container could not read: Tomcat refuses a whole upload whose file name
     * holds a NUL, before any code of ours sees it. Too large keeps its own answer (413).
     */
    @ExceptionHandler(MultipartException.class)
    Object unreadableUpload(HttpServletRequest request, MultipartException e) {
        if (e instanceof ErrorResponse) {
            return unexpected(request, e);
        }
        log.debug("Unreadable upload {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
        return answer(request, HttpStatus.BAD_REQUEST, "error.unreadable-upload", null);
    }

    /** Two people changed the same thing at once: the second is told, nothing is overwritten. */
    @ExceptionHandler(OptimisticLockingFailureException.class)
    Object conflict(HttpServletRequest request) {
        return answer(request, HttpStatus.CONFLICT, null);
    }

    @ExceptionHandler({AccessDeniedException.class, AuthenticationException.class})
    void security(RuntimeException e) {
        throw e;
    }

    @ExceptionHandler(Exception.class)
    Object unexpected(HttpServletRequest request, Exception e) {
        if (e instanceof ErrorResponse known && known.getStatusCode().is4xxClientError()) {
            log.debug("Rejected request {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
            return answer(request, HttpStatus.valueOf(known.getStatusCode().value()), null);
        }
        var errorId = ErrorResponses.newErrorId();
        log.error("Error {} on {} {}", errorId, request.getMethod(), request.getRequestURI(), e);
        return answer(request, HttpStatus.INTERNAL_SERVER_ERROR, errorId);
    }

    private Object answer(HttpServletRequest request, HttpStatus status, String errorId) {
        return answer(request, status, ErrorResponses.keyFor(status), errorId);
    }

    private Object answer(HttpServletRequest request, HttpStatus status, String key, String errorId) {
        return ErrorResponses.isApi(request)
                ? responses.problem(request, status, key, errorId)
                : responses.page(request, status, key, errorId);
    }
}
