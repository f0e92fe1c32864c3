package fr.guichet.shared;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Errors that happen outside controllers (filters, unknown paths, the container) land here and
 * get the same page or problem detail as the others, never Boot's default body.
 */
@Controller
class ErrorPages implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

    private final ErrorResponses responses;

    ErrorPages(ErrorResponses responses) {
        this.responses = responses;
    }

    @RequestMapping("/error")
    Object error(HttpServletRequest request) {
        var code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        var status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        if (status == null || status.value() < 400) {
            status = HttpStatus.NOT_FOUND;
        }
        String errorId = null;
        if (status.is5xxServerError()) {
            errorId = ErrorResponses.newErrorId();
            log.error("Error {} on {}", errorId, ErrorResponses.originalUri(request), (Throwable)
                    request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
        }
        return ErrorResponses.isApi(request)
                ? responses.problem(request, status, errorId)
                : responses.page(request, status, errorId);
    }
}
