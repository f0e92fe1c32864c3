package fr.guichet.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a session this long after it began, however active it stayed (the idle timeout is the
 * servlet session's) and whether or not the person chose to stay signed in: "remember me" only
 * stretches the idle timeout and the cookie's life up to this same limit (ASVS 3.3.2 at level 2:
 * sign in again at least every 12 hours). Every chain that reads the session applies it: the pages'
 * and the authorization server's, which must not hand a code to a session past its end.
 */
public class AbsoluteSessionTimeout extends OncePerRequestFilter {

    private final Duration limit;
    private final Clock clock;

    public AbsoluteSessionTimeout(Duration limit, Clock clock) {
        this.limit = limit;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var session = request.getSession(false);
        if (session != null && clock.millis() - session.getCreationTime() > limit.toMillis()) {
            session.invalidate();
        }
        chain.doFilter(request, response);
    }
}
