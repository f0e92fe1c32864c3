package fr.guichet.administration;

import fr.guichet.account.SignedInPerson;
import fr.guichet.organization.OrganizationId;
import fr.guichet.shared.ClientAddress;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Importing users from a CSV file, with a progress bar while it runs and a report per line. */
@Controller
class UserImportPages {

    record LineView(int number, String email, String outcome, String reason) {}

    record RunView(
            int total,
            int done,
            boolean finished,
            long created,
            long joined,
            long alreadyPresent,
            long refused,
            List<LineView> lines) {

        static RunView of(UserImport run) {
            return new RunView(
                    run.total(),
                    run.done(),
                    run.finished(),
                    run.count(UserImport.Outcome.CREATED),
                    run.count(UserImport.Outcome.JOINED),
                    run.count(UserImport.Outcome.ALREADY_PRESENT),
                    run.count(UserImport.Outcome.REFUSED),
                    run.lines().stream()
                            .map(l -> new LineView(
                                    l.number(), l.email(), l.outcome().name(), l.reason()))
                            .toList());
        }
    }

    private final UserImports imports;
    private final Administration administration;

    UserImportPages(UserImports imports, Administration administration) {
        this.imports = imports;
        this.administration = administration;
    }

    @GetMapping("/organisations/{id}/utilisateurs/import")
    String form(@AuthenticationPrincipal SignedInPerson person, @PathVariable("id") long id, Model model) {
        model.addAttribute(
                "organization",
                administration
                        .require(person.accountId(), new OrganizationId(id), Administration.Capability.MANAGE_USERS)
                        .organization());
        model.addAttribute("columns", String.join(";", UserImports.COLUMNS));
        return "administration/import";
    }

    @PostMapping("/organisations/{id}/utilisateurs/import")
    String start(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @RequestParam(name = "file", required = false) MultipartFile file,
            Locale locale,
            HttpServletRequest request,
            RedirectAttributes redirect)
            throws IOException {
        var organization = new OrganizationId(id);
        administration.require(person.accountId(), organization, Administration.Capability.MANAGE_USERS);
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("refusal", "import.no-file");
            return "redirect:/organisations/" + id + "/utilisateurs/import";
        }
        try (var reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
            var started = imports.start(person.accountId(), organization, reader, locale, ClientAddress.of(request));
            return "redirect:/organisations/" + id + "/utilisateurs/import/" + started;
        } catch (AdministrationRefusal refusal) {
            redirect.addFlashAttribute("refusal", refusal.messageKey());
            redirect.addFlashAttribute(
                    "refusalArgument", refusal.arguments().length > 0 ? refusal.arguments()[0] : null);
            return "redirect:/organisations/" + id + "/utilisateurs/import";
        }
    }

    @GetMapping("/organisations/{id}/utilisateurs/import/{importId}")
    String progress(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @PathVariable("importId") long importId,
            Model model,
            @RequestHeader(name = "HX-Request", required = false) String htmx) {
        var organization = new OrganizationId(id);
        var run = imports.progress(person.accountId(), organization, importId);
        model.addAttribute(
                "organization",
                administration
                        .require(person.accountId(), organization, Administration.Capability.MANAGE_USERS)
                        .organization());
        model.addAttribute("run", RunView.of(run));
        model.addAttribute("importId", importId);
        // htmx polls the progress fragment until the run is done
        return htmx != null ? "administration/import-progress :: progress" : "administration/import-progress";
    }
}
