package fr.guichet.account.settings;

import fr.guichet.account.AccountRepository;
import fr.guichet.account.Accounts;
import fr.guichet.account.ActingOrganization;
import fr.guichet.account.Associations;
import fr.guichet.account.CurrentPerson;
import fr.guichet.organization.Organizations;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Comparator;
import java.util.List;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the page header shows: the signed-in person and the organisation he acts for. */
@ControllerAdvice
class LayoutModel {

    record Choice(long id, String label, boolean acting) {}

    record Header(
            String displayName,
            String actingOrganization,
            boolean platformAdmin,
            boolean staff,
            List<Choice> choices,
            String here) {}

    private final AccountRepository accounts;
    private final Accounts people;
    private final Organizations organizations;
    private final ActingOrganization acting;
    private final Associations associations;

    LayoutModel(
            AccountRepository accounts,
            Accounts people,
            Organizations organizations,
            ActingOrganization acting,
            Associations associations) {
        this.associations = associations;
        this.accounts = accounts;
        this.people = people;
        this.organizations = organizations;
        this.acting = acting;
    }

    @ModelAttribute
    void header(Model model, HttpServletRequest request) {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            return;
        }
        CurrentPerson.get()
                .flatMap(person -> accounts.findById(person.accountId().value()))
                .ifPresent(account -> {
                    var current =
                            acting.of(account.id(), request.getSession(false)).orElse(null);
                    var all = organizations.findAll(associations.actable(account.id()));
                    var choices = all.stream()
                            .map(o -> new Choice(o.id().value(), o.label(), o.id().equals(current)))
                            .sorted(Comparator.comparing(Choice::label))
                            .toList();
                    var label = choices.stream()
                            .filter(Choice::acting)
                            .map(Choice::label)
                            .findFirst()
                            .orElse(null);
                    var query = request.getQueryString();
                    var here = request.getRequestURI() + (query == null ? "" : "?" + query);
                    model.addAttribute(
                            "header",
                            new Header(
                                    account.displayName(),
                                    label,
                                    people.isPlatformAdmin(account.id()),
                                    people.isStaff(account.id()),
                                    choices,
                                    here));
                });
    }
}
