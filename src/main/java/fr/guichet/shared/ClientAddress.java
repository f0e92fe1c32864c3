package fr.guichet.shared;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The address a request came from, as the servlet container sees it: the forwarded one only when
 * the request came from a trusted proxy ({@code GUICHET_TRUSTED_PROXIES}, Tomcat's RemoteIpValve).
 */
public final class ClientAddress {

    private ClientAddress() {}

    public static String of(HttpServletRequest request) {
        return request.getRemoteAddr();
    }

    /** The address of the request being served on this thread, or "-" outside a request. */
    public static String current() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return of(attributes.getRequest());
        }
        return "-";
    }
}
