package fr.guichet.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UnsupportedEncodingException;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * One cell of a "who may do what" matrix test, in the letters those tables use: O = allowed, H = not
 * found, F = refused (403), L = sent to sign in (401 in the API). Whatever the outcome, the answer
 * shows no internals.
 */
public final class MatrixCell {

    private MatrixCell() {}

    public static void assertOutcome(MockHttpServletResponse response, String expected, boolean api, String cell)
            throws UnsupportedEncodingException {
        var status = response.getStatus();
        switch (expected) {
            case "O" -> {
                assertThat(status).as(cell).isNotIn(401, 403, 404, 500);
                if (status == 302) {
                    assertThat(response.getRedirectedUrl()).as(cell).doesNotEndWith("/connexion");
                }
            }
            case "H" -> assertThat(status).as(cell).isEqualTo(404);
            case "F" -> assertThat(status).as(cell).isEqualTo(403);
            case "L" -> {
                if (api) {
                    assertThat(status).as(cell).isEqualTo(401);
                } else {
                    assertThat(response.getRedirectedUrl()).as(cell).endsWith("/connexion");
                }
            }
            default -> throw new IllegalStateException(expected);
        }
        assertThat(response.getContentAsString())
                .as("no internals")
                .doesNotContain("Exception")
                .doesNotContain("at fr.guichet");
    }
}
