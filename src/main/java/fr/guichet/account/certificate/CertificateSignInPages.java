package fr.guichet.account.certificate;

import fr.guichet.account.SessionSignIn;
import fr.guichet.account.SignInMethod;
import fr.guichet.shared.ClientAddress;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Objects;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * "Se connecter avec un certificat": signs in at once when the certificate presented opens an
 * account; otherwise a page says why, with the status that fits (401 without a certificate, 403 with
 * one that opens nothing, 400 with one that does not read), and the password form one link away.
 */
@Controller
class CertificateSignInPages {

    private final PresentedCertificates presented;
    private final CertificateSignIns signIns;
    private final SessionSignIn sessions;

    CertificateSignInPages(PresentedCertificates presented, CertificateSignIns signIns, SessionSignIn sessions) {
        this.presented = presented;
        this.signIns = signIns;
        this.sessions = sessions;
    }

    @GetMapping("/connexion/certificat")
    String signIn(HttpServletRequest request, HttpServletResponse response, Model model) {
        var source = ClientAddress.of(request);
        var result = signIns.check(presented.of(request), source);
        if (result.outcome() == CertificateSignIns.Outcome.ACCEPTED) {
            var account = Objects.requireNonNull(result.account());
            try {
                return "redirect:" + sessions.signIn(account, SignInMethod.CERTIFICATE, request, response);
            } catch (IllegalStateException disabledMeanwhile) {
                result = signIns.inactive(account, source);
            }
        }
        response.setStatus(
                switch (result.outcome()) {
                    case NONE -> HttpServletResponse.SC_UNAUTHORIZED;
                    case UNREADABLE -> HttpServletResponse.SC_BAD_REQUEST;
                    default -> HttpServletResponse.SC_FORBIDDEN;
                });
        model.addAttribute(
                "outcome", result.outcome().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        return "account/certificate-sign-in";
    }
}
