package fr.guichet.certificates;

import fr.guichet.account.SignedInPerson;
import fr.guichet.shared.ClientAddress;
import fr.guichet.shared.NotFoundException;
import fr.guichet.shared.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
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
 * The agency's queue of certificate requests ("Gérer les demandes de certificats de chiffrement"):
 * the open ones oldest first, each taken, its certificate installed, its supports shipped, or cancelled.
 */
@Controller
class AgencyCertificatePages {

    /** What the queue shows by default: what still needs the agency. */
    static final Set<RequestStatus> WAITING =
            EnumSet.of(RequestStatus.REQUESTED, RequestStatus.IN_PROGRESS, RequestStatus.INSTALLED);

    private final Certificates certificates;
    private final CertificateAccess access;
    private final MessageSource messages;

    AgencyCertificatePages(Certificates certificates, CertificateAccess access, MessageSource messages) {
        this.certificates = certificates;
        this.access = access;
        this.messages = messages;
    }

    @GetMapping("/agence/certificats")
    String queue(
            @AuthenticationPrincipal SignedInPerson person,
            @RequestParam(name = "statut", required = false) @Nullable String status,
            Model model) {
        access.requireAgent(person.accountId());
        var shown = shown(status);
        model.addAttribute("statuses", List.of(RequestStatus.values()));
        model.addAttribute("status", shown.size() == 1 ? shown.iterator().next().name() : "");
        model.addAttribute("requests", certificates.queue(shown));
        return "certificates/agency";
    }

    private static Set<RequestStatus> shown(@Nullable String status) {
        return Arrays.stream(RequestStatus.values())
                .filter(s -> s.name().equals(status))
                .findFirst()
                .map(s -> (Set<RequestStatus>) EnumSet.of(s))
                .orElse(WAITING);
    }

    @GetMapping("/agence/certificats/demandes/{request}")
    String request(@AuthenticationPrincipal SignedInPerson person, @PathVariable("request") long id, Model model) {
        access.requireAgent(person.accountId());
        return page(id, model, null);
    }

    private String page(long id, Model model, @Nullable String error) {
        var request = certificates.request(id).orElseThrow(NotFoundException::new);
        model.addAttribute("request", request);
        model.addAttribute(
                "steps",
                RequestLifecycle.steps(request.status(), RequestLifecycle.Actor.AGENT).stream()
                        .map(Enum::name)
                        .toList());
        model.addAttribute(
                "held",
                certificates.own(request.organizationId()).stream()
                        .filter(c -> c.requestId() != null && c.requestId() == id)
                        .toList());
        model.addAttribute("error", error);
        model.addAttribute("maxKilobytes", CertificateFile.MAX_SIZE / 1024);
        return "certificates/agency-request";
    }

    @PostMapping("/agence/certificats/demandes/{request}")
    String move(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("request") long id,
            @RequestParam(name = "step", required = false) @Nullable String step,
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            Model model,
            Locale locale,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        access.requireAgent(person.accountId());
        var found = certificates.request(id).orElseThrow(NotFoundException::new);
        var chosen = Arrays.stream(RequestLifecycle.Step.values())
                .filter(s -> s.name().equals(step))
                .findFirst();
        if (chosen.isEmpty()) {
            return page(id, model, messages.getMessage("certificates.request.not-now", null, locale));
        }
        try {
            ParsedCertificate certificate = null;
            if (chosen.get() == RequestLifecycle.Step.INSTALL) {
                if (file == null || file.isEmpty()) {
                    throw new CertificateRefusal("certificates.request.certificate-needed");
                }
                certificate = CertificateFile.read(CertificatePages.bytes(file), certificates.now());
            }
            certificates.move(
                    person.accountId(),
                    RequestLifecycle.Actor.AGENT,
                    found.id(),
                    chosen.get(),
                    certificate,
                    ClientAddress.of(request));
        } catch (CertificateUploadRefusal | CertificateRefusal refusal) {
            var said = (Refusal) refusal;
            return page(id, model, messages.getMessage(said.messageKey(), said.arguments(), locale));
        }
        redirect.addFlashAttribute("saved", "certificates.request.moved");
        return "redirect:/agence/certificats/demandes/" + id;
    }
}
