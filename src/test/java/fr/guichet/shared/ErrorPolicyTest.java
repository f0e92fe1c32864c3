package fr.guichet.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;

/** An unexpected error never shows its message, on a page or in the API; its reference is logged. */
class ErrorPolicyTest {

    final StaticMessageSource messages = new StaticMessageSource();
    final ErrorPolicy policy = new ErrorPolicy(new ErrorResponses(messages, new FixedLocaleResolver(Locale.FRENCH)));

    ErrorPolicyTest() {
        messages.addMessage("error.server.title", Locale.FRENCH, "Erreur du serveur");
        messages.addMessage("error.server.detail", Locale.FRENCH, "Une erreur inattendue s’est produite.");
    }

    @Test
    void aPageGetsStatus500AndAReferenceButNotTheException() {
        var view = (ModelAndView) policy.unexpected(new MockHttpServletRequest("GET", "/compte"),
                new IllegalStateException("SQL: select password_hash from account"));

        assertThat(view.getStatus().value()).isEqualTo(500);
        assertThat(view.getViewName()).isEqualTo("error/page");
        assertThat(view.getModel()).containsEntry("errorKey", "error.server").containsKey("errorId");
        assertThat(view.getModel().values()).noneMatch(v -> String.valueOf(v).contains("password_hash"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theApiGetsAProblemDetailWithoutTheException() {
        var answer = (ResponseEntity<ProblemDetail>) policy.unexpected(new MockHttpServletRequest("GET", "/api/v1/me"),
                new IllegalStateException("SQL: select password_hash from account"));

        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(answer.getBody().getTitle()).isEqualTo("Erreur du serveur");
        assertThat(answer.getBody().getDetail()).doesNotContain("password_hash");
        assertThat(answer.getBody().getProperties()).containsKey("errorId");
    }
}
