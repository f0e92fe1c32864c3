package fr.guichet.helpdesk.reference;

import static fr.guichet.helpdesk.reference.ReferencePages.ROOT;

import fr.guichet.account.SignedInPerson;
import fr.guichet.helpdesk.reference.ReferenceForms.NameForm;
import fr.guichet.helpdesk.reference.ReferenceForms.PersonForm;
import fr.guichet.helpdesk.reference.Rosters.Kind;
import fr.guichet.shared.NotFoundException;
import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The agency's teams and the contractor companies: one page each for the list, one per roster for its people. */
@Controller
class RosterPages {

    private static final String TEAMS = ROOT + "/equipes";
    private static final String CONTRACTORS = ROOT + "/prestataires";

    private final Rosters rosters;
    private final ReferenceAccess access;

    RosterPages(Rosters rosters, ReferenceAccess access) {
        this.rosters = rosters;
        this.access = access;
    }

    /** Who is in which team or company decides who sees which tickets: the platform admins', not any agent's, to widen. */
    @ModelAttribute
    void platformAdminsOnly(@AuthenticationPrincipal SignedInPerson person) {
        access.requirePlatformAdmin(person);
    }

    @GetMapping(TEAMS)
    String teams(Model model) {
        model.addAttribute("form", new NameForm(null));
        return list(model, Kind.TEAM);
    }

    @PostMapping(TEAMS)
    String createTeam(
            @AuthenticationPrincipal SignedInPerson person,
            @Valid @ModelAttribute("form") NameForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        return create(person, Kind.TEAM, form, result, model, redirect);
    }

    @GetMapping(TEAMS + "/{id}")
    String team(@PathVariable("id") long id, Model model) {
        return show(Kind.TEAM, id, model);
    }

    @PostMapping(TEAMS + "/{id}")
    String renameTeam(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @Valid @ModelAttribute("form") NameForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        return rename(person, Kind.TEAM, id, form, result, model, redirect);
    }

    @PostMapping(TEAMS + "/{id}/membres")
    String addTeamMember(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @Valid @ModelAttribute("personForm") PersonForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        return add(person, Kind.TEAM, id, form, result, model, redirect);
    }

    @PostMapping(TEAMS + "/{id}/membres/{accountId}/retrait")
    String removeTeamMember(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @PathVariable("accountId") long account,
            RedirectAttributes redirect) {
        return remove(person, Kind.TEAM, id, account, redirect);
    }

    @GetMapping(CONTRACTORS)
    String contractors(Model model) {
        model.addAttribute("form", new NameForm(null));
        return list(model, Kind.CONTRACTOR);
    }

    @PostMapping(CONTRACTORS)
    String createContractor(
            @AuthenticationPrincipal SignedInPerson person,
            @Valid @ModelAttribute("form") NameForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        return create(person, Kind.CONTRACTOR, form, result, model, redirect);
    }

    @GetMapping(CONTRACTORS + "/{id}")
    String contractor(@PathVariable("id") long id, Model model) {
        return show(Kind.CONTRACTOR, id, model);
    }

    @PostMapping(CONTRACTORS + "/{id}")
    String renameContractor(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @Valid @ModelAttribute("form") NameForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        return rename(person, Kind.CONTRACTOR, id, form, result, model, redirect);
    }

    @PostMapping(CONTRACTORS + "/{id}/agents")
    String addContractorAgent(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @Valid @ModelAttribute("personForm") PersonForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        return add(person, Kind.CONTRACTOR, id, form, result, model, redirect);
    }

    @PostMapping(CONTRACTORS + "/{id}/agents/{accountId}/retrait")
    String removeContractorAgent(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @PathVariable("accountId") long account,
            RedirectAttributes redirect) {
        return remove(person, Kind.CONTRACTOR, id, account, redirect);
    }

    private String create(
            SignedInPerson person,
            Kind kind,
            NameForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                var id = rosters.create(person.accountId(), kind, form.name());
                redirect.addFlashAttribute("saved", kind.messages + ".created");
                return "redirect:" + base(kind) + "/" + id;
            } catch (ReferenceRefused refusal) {
                refusal.showOn(result);
            }
        }
        return list(model, kind);
    }

    private String rename(
            SignedInPerson person,
            Kind kind,
            long id,
            NameForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        var roster = rosters.find(kind, id).orElseThrow(NotFoundException::new);
        if (!result.hasErrors()) {
            try {
                rosters.rename(person.accountId(), kind, id, form.name());
                redirect.addFlashAttribute("saved", kind.messages + ".renamed");
                return "redirect:" + base(kind) + "/" + id;
            } catch (ReferenceRefused refusal) {
                refusal.showOn(result);
            }
        }
        return page(model, kind, roster);
    }

    private String add(
            SignedInPerson person,
            Kind kind,
            long id,
            PersonForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        var roster = rosters.find(kind, id).orElseThrow(NotFoundException::new);
        if (!result.hasErrors()) {
            try {
                rosters.add(person.accountId(), kind, id, form.email());
                redirect.addFlashAttribute("saved", kind.messages + ".member-added");
                return "redirect:" + base(kind) + "/" + id;
            } catch (ReferenceRefused refusal) {
                refusal.showOn(result);
            }
        }
        model.addAttribute("form", new NameForm(roster.name()));
        return page(model, kind, roster);
    }

    private String remove(SignedInPerson person, Kind kind, long id, long account, RedirectAttributes redirect) {
        rosters.remove(person.accountId(), kind, id, account);
        redirect.addFlashAttribute("saved", kind.messages + ".member-removed");
        return "redirect:" + base(kind) + "/" + id;
    }

    private String show(Kind kind, long id, Model model) {
        var roster = rosters.find(kind, id).orElseThrow(NotFoundException::new);
        model.addAttribute("form", new NameForm(roster.name()));
        return page(model, kind, roster);
    }

    private String list(Model model, Kind kind) {
        model.addAttribute("rosters", rosters.all(kind));
        model.addAttribute("m", kind.messages);
        model.addAttribute("base", base(kind));
        return "helpdesk/reference/rosters";
    }

    private String page(Model model, Kind kind, Rosters.Roster roster) {
        model.addAttribute("roster", roster);
        model.addAttribute("members", rosters.members(kind, roster.id()));
        model.addAttribute("m", kind.messages);
        model.addAttribute("base", base(kind));
        model.addAttribute("membersPath", kind == Kind.TEAM ? "membres" : "agents");
        if (!model.containsAttribute("personForm")) {
            model.addAttribute("personForm", new PersonForm(null));
        }
        return "helpdesk/reference/roster";
    }

    private static String base(Kind kind) {
        return kind == Kind.TEAM ? TEAMS : CONTRACTORS;
    }
}
