package fr.guichet.support;

import jakarta.servlet.http.Cookie;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

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

    /** A visitor signed in with the tests' password (People.GOOD_PASSWORD). */
    public static Visitor signedIn(MockMvc mvc, String email) throws Exception {
        var visitor = new Visitor(mvc);
        visitor.perform(MockMvcRequestBuilders.post("/connexion")
                .with(SecurityMockMvcRequestPostProcessors.csrf())
                .param("email", email)
                .param("password", People.GOOD_PASSWORD));
        return visitor;
    }

    /** A new personal API token of this (signed-in) visitor, as "Mon compte" shows it once. */
    public String apiToken() throws Exception {
        var page = perform(
                        MockMvcRequestBuilders.post("/compte/jetons")
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf())
                                .param("name", "test"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return Jsoup.parse(page).selectFirst("[data-testid=new-token]").text();
    }

    public String cookie(String name) {
        var cookie = cookies.get(name);
        return cookie == null ? null : cookie.getValue();
    }
}
