package fr.guichet.administration;

import fr.guichet.account.AccountId;
import fr.guichet.account.AuthenticationMethod;
import fr.guichet.account.CertificateRefusal;
import fr.guichet.account.ClientCertificates;
import fr.guichet.account.SignedInPerson;
import fr.guichet.organization.OrganizationId;
import fr.guichet.shared.ClientAddress;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A user's "Type d'authentification" (seed 004): by password, or by the client certificate his
 * admin uploads. A person who is not a member here is refused like a removal would be.
 */
@Controller
class UserAuthenticationPages {

    private static final String PATH = "/organisations/{id}/utilisateurs/{accountId}/authentification";

    private final Administration administration;

    UserAuthenticationPages(Administration administration) {
        this.administration = administration;
    }

    @GetMapping(PATH)
    String show(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @PathVariable("accountId") long accountId,
            Model model,
            RedirectAttributes redirect) {
        try {
            return page(person, id, accountId, null, null, model);
        } catch (AdministrationRefusal refusal) {
            redirect.addFlashAttribute("refusal", refusal.messageKey());
            return "redirect:/organisations/" + id + "/utilisateurs";
        }
    }

    @PostMapping(PATH)
    String change(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @PathVariable("accountId") long accountId,
            @RequestParam(name = "method", required = false) @Nullable AuthenticationMethod method,
            @RequestParam(name = "certificate", required = false) @Nullable MultipartFile file,
            Model model,
            HttpServletRequest request,
            RedirectAttributes redirect)
            throws IOException {
        var organization = new OrganizationId(id);
        var account = new AccountId(accountId);
        try {
            var uploaded = file != null && !file.isEmpty();
            if (method == null) {
                // the page always has one checked: a form without it changes nothing
                administration.authentication(person.accountId(), organization, account);
                redirect.addFlashAttribute("saved", "users.authentication.unchanged");
            } else if (method == AuthenticationMethod.PASSWORD) {
                var changed = administration.authenticateByPassword(
                        person.accountId(), organization, account, ClientAddress.of(request));
                redirect.addFlashAttribute(
                        "saved", changed ? "users.authentication.password-saved" : "users.authentication.unchanged");
            } else if (uploaded) {
                // a file larger than any certificate is not read into memory to be refused
                var bytes = file.getSize() > ClientCertificates.MAX_SIZE ? new byte[0] : file.getBytes();
                administration.authenticateByCertificate(
                        person.accountId(), organization, account, bytes, ClientAddress.of(request));
                redirect.addFlashAttribute("saved", "users.authentication.certificate-saved");
            } else if (administration
                            .authentication(person.accountId(), organization, account)
                            .authentication()
                            .method()
                    == AuthenticationMethod.CERTIFICATE) {
                redirect.addFlashAttribute("saved", "users.authentication.unchanged");
            } else {
                return page(person, id, accountId, method, "certificate.refused.missing", model);
            }
        } catch (CertificateRefusal refusal) {
            return page(person, id, accountId, method, refusal.messageKey(), model);
        } catch (AdministrationRefusal refusal) {
            redirect.addFlashAttribute("refusal", refusal.messageKey());
            return "redirect:/organisations/" + id + "/utilisateurs";
        }
        return "redirect:/organisations/" + id + "/utilisateurs/" + accountId + "/authentification";
    }

    private String page(
            SignedInPerson person,
            long id,
            long accountId,
            @Nullable AuthenticationMethod chosen,
            @Nullable String error,
            Model model) {
        var organization = new OrganizationId(id);
        var shown = administration.authentication(person.accountId(), organization, new AccountId(accountId));
        model.addAttribute(
                "organization",
                administration
                        .require(person.accountId(), organization, Administration.Capability.MANAGE_USERS)
                        .organization());
        model.addAttribute("person", shown.person());
        model.addAttribute("certificate", shown.authentication().certificate());
        model.addAttribute(
                "method", chosen != null ? chosen : shown.authentication().method());
        model.addAttribute("methods", AuthenticationMethod.values());
        model.addAttribute("error", error);
        return "administration/user-authentication";
    }
}
