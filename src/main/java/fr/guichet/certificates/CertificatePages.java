package fr.guichet.certificates;

import fr.guichet.account.SignedInPerson;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.OrganizationView;
import fr.guichet.shared.ClientAddress;
import fr.guichet.shared.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Gérer les certificats de chiffrement" of an organisation: the certificates its bids are encrypted
 * with (its own and inherited), adding one, removing one, and the requests for its certificate supports.
 */
@Controller
class CertificatePages {

    private final Certificates certificates;
    private final CertificateAccess access;
    private final ExpiryWarnings warnings;
    private final MessageSource messages;

    CertificatePages(
            Certificates certificates, CertificateAccess access, ExpiryWarnings warnings, MessageSource messages) {
        this.certificates = certificates;
        this.access = access;
        this.warnings = warnings;
        this.messages = messages;
    }

    /** A line of the list: the certificate, where it comes from, whether this viewer may remove it, how near its end is. */
    record Line(
            HeldCertificate certificate,
            boolean inherited,
            boolean removable,
            LocalDate from,
            LocalDate to,
            boolean expired,
            long daysLeft,
            boolean warned) {}

    /** A request as listed, with the day it was made (the agency's zone) and whether this viewer may cancel it. */
    record RequestLine(CertificateRequest request, LocalDate day, boolean cancellable) {}

    @GetMapping("/organisations/{id}/certificats")
    String list(@AuthenticationPrincipal SignedInPerson person, @PathVariable("id") long id, Model model) {
        var organization = access.manageable(person.accountId(), new OrganizationId(id));
        return page(person, organization, model, null);
    }

    private String page(
            SignedInPerson person, OrganizationView organization, Model model, @Nullable String uploadError) {
        var agent = access.agent(person.accountId());
        var now = certificates.now();
        var id = organization.id().value();
        model.addAttribute("organization", organization);
        model.addAttribute("agent", agent);
        model.addAttribute(
                "lines",
                certificates.effective(organization).stream()
                        .map(c -> new Line(
                                c,
                                c.inheritedBy(id),
                                !c.inheritedBy(id) && Certificates.removable(c, agent),
                                certificates.day(c.notBefore()),
                                certificates.day(c.notAfter()),
                                c.expired(now),
                                Duration.between(now, c.notAfter()).toDays(),
                                warnings.near(c, now)))
                        .toList());
        model.addAttribute("inherits", certificates.inherits(organization));
        model.addAttribute("awaited", certificates.awaitedRequest(id).orElse(null));
        model.addAttribute(
                "requests",
                certificates.requests(id).stream()
                        .map(r -> new RequestLine(
                                r,
                                certificates.day(r.requestedAt()),
                                RequestLifecycle.after(
                                                r.status(),
                                                RequestLifecycle.Step.CANCEL,
                                                agent
                                                        ? RequestLifecycle.Actor.AGENT
                                                        : RequestLifecycle.Actor.ADMINISTRATOR)
                                        .isPresent()))
                        .toList());
        model.addAttribute("uploadError", uploadError);
        model.addAttribute("maxKilobytes", CertificateFile.MAX_SIZE / 1024);
        return "certificates/list";
    }

    @PostMapping("/organisations/{id}/certificats")
    String upload(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            Model model,
            Locale locale,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        var organization = access.manageable(person.accountId(), new OrganizationId(id));
        try {
            var parsed = CertificateFile.read(bytes(file), certificates.now());
            certificates.upload(person.accountId(), organization, parsed, ClientAddress.of(request));
        } catch (CertificateUploadRefusal | CertificateRefusal refusal) {
            return page(person, organization, model, say((Refusal) refusal, locale));
        }
        redirect.addFlashAttribute("saved", "certificates.added");
        return "redirect:/organisations/" + id + "/certificats";
    }

    /** Reads no more than what a certificate may weigh: a larger file is refused without being read. */
    static byte[] bytes(@Nullable MultipartFile file) {
        if (file == null) {
            return new byte[0];
        }
        if (file.getSize() > CertificateFile.MAX_SIZE) {
            throw new CertificateUploadRefusal(CertificateUploadRefusal.Reason.TOO_LARGE);
        }
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new CertificateUploadRefusal(CertificateUploadRefusal.Reason.NOT_A_CERTIFICATE);
        }
    }

    @GetMapping("/organisations/{id}/certificats/{certificate}.pem")
    ResponseEntity<byte[]> download(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @PathVariable("certificate") long certificate) {
        var organization = access.manageable(person.accountId(), new OrganizationId(id));
        var found = certificates.effective(organization).stream()
                .filter(c -> c.id() == certificate)
                .findFirst()
                .orElseThrow(fr.guichet.shared.NotFoundException::new);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/x-pem-file"))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("certificat-" + found.id() + ".pem")
                                .build()
                                .toString())
                .body(found.pem().getBytes(StandardCharsets.US_ASCII));
    }

    @PostMapping("/organisations/{id}/certificats/{certificate}/retrait")
    String remove(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @PathVariable("certificate") long certificate,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        var organization = access.manageable(person.accountId(), new OrganizationId(id));
        try {
            certificates.remove(
                    person.accountId(),
                    access.agent(person.accountId()),
                    organization,
                    certificate,
                    ClientAddress.of(request));
            redirect.addFlashAttribute("saved", "certificates.removed");
        } catch (CertificateRefusal refusal) {
            redirect.addFlashAttribute("refusal", refusal.messageKey());
        }
        return "redirect:/organisations/" + id + "/certificats";
    }

    @GetMapping("/organisations/{id}/certificats/demande")
    String requestForm(@AuthenticationPrincipal SignedInPerson person, @PathVariable("id") long id, Model model) {
        var organization = access.manageable(person.accountId(), new OrganizationId(id));
        model.addAttribute("form", RequestForm.blank());
        return requestPage(organization, model);
    }

    @PostMapping("/organisations/{id}/certificats/demande")
    String request(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @Valid @ModelAttribute("form") RequestForm form,
            BindingResult result,
            Model model,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        var organization = access.manageable(person.accountId(), new OrganizationId(id));
        if (result.hasErrors()) {
            return requestPage(organization, model);
        }
        certificates.request(person.accountId(), organization, form, ClientAddress.of(request));
        redirect.addFlashAttribute("saved", "certificates.requested");
        return "redirect:/organisations/" + id + "/certificats";
    }

    private String requestPage(OrganizationView organization, Model model) {
        model.addAttribute("organization", organization);
        model.addAttribute("supports", List.of(Support.values()));
        model.addAttribute(
                "first",
                certificates.requests(organization.id().value()).stream()
                        .noneMatch(r -> r.status().live()));
        return "certificates/request";
    }

    @PostMapping("/organisations/{id}/certificats/demandes/{request}/annulation")
    String cancel(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @PathVariable("request") long requestId,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        access.manageable(person.accountId(), new OrganizationId(id));
        var found = certificates.request(requestId).filter(r -> r.organizationId() == id);
        if (found.isEmpty()) {
            redirect.addFlashAttribute("refusal", "certificates.request.unknown");
            return "redirect:/organisations/" + id + "/certificats";
        }
        try {
            certificates.move(
                    person.accountId(),
                    access.agent(person.accountId())
                            ? RequestLifecycle.Actor.AGENT
                            : RequestLifecycle.Actor.ADMINISTRATOR,
                    found.get().id(),
                    RequestLifecycle.Step.CANCEL,
                    null,
                    ClientAddress.of(request));
            redirect.addFlashAttribute("saved", "certificates.request.cancelled");
        } catch (CertificateRefusal refusal) {
            redirect.addFlashAttribute("refusal", refusal.messageKey());
        }
        return "redirect:/organisations/" + id + "/certificats";
    }

    private String say(Refusal refusal, Locale locale) {
        return messages.getMessage(refusal.messageKey(), refusal.arguments(), locale);
    }
}
