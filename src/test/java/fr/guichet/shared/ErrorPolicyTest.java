package fr.guichet.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;

/** An unexpected error never shows its message, on a page or in the API; its reference is logged. */
class ErrorPolicyTest {

    final StaticMessageSource messages = new StaticMessageSource();
    final ErrorPolicy policy = new ErrorPolicy(new ErrorResponses(messages, new FixedLocaleResolver(Locale.FRENCH)));

    ErrorPolicyTest() {
        messages.addMessage("error.server.title", Locale.FRENCH, "Erreur du serveur");
        messages.addMessage("error.server.detail", Locale.FRENCH, "Une erreur inattendue s’est produite.");
        messages.addMessage("error.unreadable-upload.title", Locale.FRENCH, "Envoi illisible");
        messages.addMessage("error.unreadable-upload.detail", Locale.FRENCH, "Le fichier envoyé n’a pas pu être lu.");
        messages.addMessage("error.too-large.title", Locale.FRENCH, "Envoi trop volumineux");
        messages.addMessage("error.too-large.detail", Locale.FRENCH, "Le fichier dépasse la taille permise.");
    }

    @Test
    void aPageGetsStatus500AndAReferenceButNotTheException() {
        var view = (ModelAndView) policy.unexpected(
                new MockHttpServletRequest("GET", "/compte"),
                new IllegalStateException("SQL: select password_hash from account"));

        assertThat(view.getStatus().value()).isEqualTo(500);
        assertThat(view.getViewName()).isEqualTo("error/page");
        assertThat(view.getModel()).containsEntry("errorKey", "error.server").containsKey("errorId");
        assertThat(view.getModel().values()).noneMatch(v -> String.valueOf(v).contains("password_hash"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theApiGetsAProblemDetailWithoutTheException() {
        var answer = (ResponseEntity<ProblemDetail>) policy.unexpected(
                new MockHttpServletRequest("GET", "/api/v1/me"),
                new IllegalStateException("SQL: select password_hash from account"));

        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(answer.getBody().getTitle()).isEqualTo("Erreur du serveur");
        assertThat(answer.getBody().getDetail()).doesNotContain("password_hash");
        assertThat(answer.getBody().getProperties()).containsKey("errorId");
    }

    @Test
    @SuppressWarnings("unchecked")
    void anUploadTheContainerCouldNotReadIsA400WithItsOwnMessage() {
        var unreadable = new MultipartException(
                "Failed to parse multipart servlet request",
                new IllegalStateException("Invalid file name: cap\\0ture.png"));

        var answer = (ResponseEntity<ProblemDetail>) policy.unreadableUpload(
                new MockHttpServletRequest("POST", "/api/v1/tickets/1/attachments"), unreadable);
        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getBody().getTitle()).isEqualTo("Envoi illisible");
        assertThat(answer.getBody().getDetail()).isEqualTo("Le fichier envoyé n’a pas pu être lu.");
        assertThat(answer.getBody().getProperties()).isNull();

        var page = (ModelAndView)
                policy.unreadableUpload(new MockHttpServletRequest("POST", "/demandes/1/pieces"), unreadable);
        assertThat(page.getStatus().value()).isEqualTo(400);
        assertThat(page.getModel())
                .containsEntry("errorKey", "error.unreadable-upload")
                .doesNotContainKey("exception");

        var tooLarge = (ResponseEntity<ProblemDetail>) policy.unreadableUpload(
                new MockHttpServletRequest("POST", "/api/v1/tickets/1/attachments"),
                new MaxUploadSizeExceededException(1024));
        assertThat(tooLarge.getStatusCode().value())
                .as("too large keeps its answer")
                .isEqualTo(413);
    }
}
