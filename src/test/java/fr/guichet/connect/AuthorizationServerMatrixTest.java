package fr.guichet.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import fr.guichet.account.Accounts;
import fr.guichet.account.Civility;
import fr.guichet.support.IntegrationTest;
import fr.guichet.support.MatrixCell;
import fr.guichet.support.People;
import fr.guichet.support.Visitor;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The authorization server's endpoints, which are not the portal's controllers (so not in
 * AuthorizationMatrixTest's table), for an anonymous visitor and a signed-in member without any client
 * credentials or token: who gets what, and never an internal in the answer. O = answered, L = sent to
 * sign in (pages) or 401 (a service's endpoints, which take a client's credentials or a token), B = a
 * bad request (400).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationServerMatrixTest {

    record Row(HttpMethod method, String path, boolean api, String anonymous, String member) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static final List<Row> MATRIX = List.of(
            new Row(HttpMethod.GET, "/.well-known/openid-configuration", true, "O", "O"),
            new Row(HttpMethod.GET, "/.well-known/oauth-authorization-server", true, "O", "O"),
            new Row(HttpMethod.GET, "/oauth2/jwks", true, "O", "O"),
            // an unknown client is a bad request (400), before anyone is asked to sign in; a known client's
            // visitor is sent to sign in: ConnectedServiceSignInTest
            new Row(
                    HttpMethod.GET,
                    "/oauth2/authorize?response_type=code&client_id=nobody&scope=openid",
                    false,
                    "B",
                    "B"),
            // a session is no client: the request is bad (400) for want of the client's credentials
            new Row(HttpMethod.POST, "/oauth2/token", true, "L", "B"),
            new Row(HttpMethod.POST, "/oauth2/introspect", true, "L", "B"),
            new Row(HttpMethod.POST, "/oauth2/revoke", true, "L", "B"),
            new Row(HttpMethod.GET, "/userinfo", true, "L", "L"),
            new Row(HttpMethod.POST, "/userinfo", true, "L", "L"));

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    Visitor anonymous;
    Visitor member;

    @BeforeAll
    void people() throws Exception {
        var email = People.uniqueEmail();
        accounts.createVerified(email, Civility.MADAME, "Membre", "Marie", null, false, People.GOOD_PASSWORD);
        anonymous = new Visitor(mvc);
        member = Visitor.signedIn(mvc, email);
    }

    Stream<Arguments> cells() {
        return MATRIX.stream().flatMap(row -> Stream.of(Arguments.of(row, "anonymous"), Arguments.of(row, "member")));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("cells")
    void eachGetsWhatTheMatrixSays(Row row, String who) throws Exception {
        // as each is called: pages by a browser, the rest by a service
        var request = request(row.method(), row.path()).accept(row.api() ? "application/json" : "text/html");
        if (row.method() == HttpMethod.POST) {
            request.with(csrf());
        }
        var visitor = who.equals("member") ? member : anonymous;
        var response = visitor.perform(request).andReturn().getResponse();
        var expected = who.equals("member") ? row.member() : row.anonymous();
        var cell = row + " as " + who + " (" + response.getStatus() + " " + response.getHeader("Location") + ")";
        if (expected.equals("B")) {
            assertThat(response.getStatus()).as(cell).isEqualTo(400);
            assertThat(response.getContentAsString()).as(cell).doesNotContain("Exception", "at fr.guichet");
        } else {
            MatrixCell.assertOutcome(response, expected, row.api(), cell);
        }
    }
}
