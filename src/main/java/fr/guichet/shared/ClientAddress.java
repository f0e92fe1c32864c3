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

    /**
     * Whether the request's own peer (the TCP connection's, not a forwarded address) is one of the
     * trusted proxies: only then is what a proxy adds to the request (a client certificate it checked)
     * believed. Tomcat's RemoteIpValve, which makes the same decision for X-Forwarded-For with the same
     * setting, marks such requests; a request from anyone else never carries the mark.
     */
    public static boolean fromTrustedProxy(HttpServletRequest request) {
        return Boolean.TRUE.equals(request.getAttribute(FORWARDED_BY_TRUSTED_PROXY));
    }

    /** Tomcat's {@code Globals.REQUEST_FORWARDED_ATTRIBUTE}, named here to keep Tomcat's classes out of the code. */
    private static final String FORWARDED_BY_TRUSTED_PROXY = "org.apache.tomcat.request.forwarded";

    /** The address of the request being served on this thread, or "-" outside a request. */
    public static String current() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return of(attributes.getRequest());
        }
        return "-";
    }
}
