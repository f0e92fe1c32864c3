package fr.guichet.knowledge;

import fr.guichet.account.Accounts;
import fr.guichet.account.SignedInPerson;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** An agent corrects what redaction missed in a published sheet, or withdraws it. */
@Controller
class SheetEditPages {

    private static final String SHEET = "/agence/connaissance/{number}";

    private final SheetEditing editing;
    private final Accounts accounts;

    SheetEditPages(SheetEditing editing, Accounts accounts) {
        this.editing = editing;
        this.accounts = accounts;
    }

    @ModelAttribute
    void staffOnly(@AuthenticationPrincipal SignedInPerson person) {
        accounts.requireStaff(person);
    }

    @GetMapping(SHEET)
    String form(@PathVariable long number, Model model) {
        var found = editing.published(number);
        if (found.isEmpty()) {
            model.addAttribute("number", number);
            return "knowledge/not-published";
        }
        var sheet = found.get();
        model.addAttribute("sheet", sheet);
        model.addAttribute("title", sheet.title());
        model.addAttribute("description", sheet.description());
        model.addAttribute("answer", sheet.answer());
        return "knowledge/edit";
    }

    @PostMapping(SHEET)
    String rewrite(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable long number,
            @RequestParam(name = "title", required = false) String title,
            @RequestParam(name = "description", required = false) String description,
            @RequestParam(name = "answer", required = false) String answer,
            Model model,
            RedirectAttributes redirect) {
        try {
            editing.rewrite(person.accountId(), number, title, description, answer);
            redirect.addFlashAttribute("saved", "knowledge.edit.saved");
            return "redirect:/agence/connaissance/" + number;
        } catch (SheetRefused refused) {
            model.addAttribute("sheet", editing.find(number));
            model.addAttribute("title", title);
            model.addAttribute("description", description);
            model.addAttribute("answer", answer);
            model.addAttribute("refusal", refused.messageKey());
            return "knowledge/edit";
        }
    }

    @PostMapping(SHEET + "/retrait")
    String withdraw(
            @AuthenticationPrincipal SignedInPerson person, @PathVariable long number, RedirectAttributes redirect) {
        editing.withdraw(person.accountId(), number);
        redirect.addFlashAttribute("saved", "knowledge.edit.withdrawn");
        return "redirect:/connaissance";
    }
}
