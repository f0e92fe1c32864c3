package fr.guichet.support;

import jakarta.servlet.http.Cookie;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/**
 * A person with a browser's cookie jar, over MockMvc: sessions are Spring Session's (found by
 * cookie), so a test keeps them the way a browser does.
 */
public class Visitor {

    private final MockMvc mvc;
    private final Map<String, Cookie> cookies = new LinkedHashMap<>();

    public Visitor(MockMvc mvc) {
        this.mvc = mvc;
    }

    public ResultActions perform(AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        if (!cookies.isEmpty()) {
            request.cookie(cookies.values().toArray(Cookie[]::new));
        }
        var actions = mvc.perform(request);
        for (var cookie : actions.andReturn().getResponse().getCookies()) {
            if (cookie.getMaxAge() == 0) {
                cookies.remove(cookie.getName());
            } else {
                cookies.put(cookie.getName(), cookie);
            }
        }
        return actions;
    }

    public String cookie(String name) {
        var cookie = cookies.get(name);
        return cookie == null ? null : cookie.getValue();
    }
}
