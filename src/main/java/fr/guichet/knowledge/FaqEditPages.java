package fr.guichet.knowledge;

import fr.guichet.account.Accounts;
import fr.guichet.account.SignedInPerson;
import fr.guichet.helpdesk.PublishableTickets;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Agents manage the FAQ: sections (and the request category each is shown next to), questions in Markdown. */
@Controller
class FaqEditPages {

    private static final String ROOT = "/agence/faq";

    private final Faq faq;
    private final Accounts accounts;
    private final PublishableTickets helpdesk;

    FaqEditPages(Faq faq, Accounts accounts, PublishableTickets helpdesk) {
        this.faq = faq;
        this.accounts = accounts;
        this.helpdesk = helpdesk;
    }

    @ModelAttribute
    void staffOnly(@AuthenticationPrincipal SignedInPerson person) {
        accounts.requireStaff(person);
    }

    @GetMapping(ROOT)
    String manage(Model model) {
        return page(model, null, null, null, null);
    }

    @PostMapping(ROOT + "/rubriques")
    String addSection(
            @AuthenticationPrincipal SignedInPerson person,
            @RequestParam(name = "name", required = false) String name,
            @RequestParam(name = "parent", required = false) Long parent,
            @RequestParam(name = "requestCategory", required = false) Long requestCategory,
            Model model,
            RedirectAttributes redirect) {
        try {
            faq.addSection(person.accountId(), parent, name, requestCategory);
            redirect.addFlashAttribute("saved", "knowledge.faq.category.added");
            return "redirect:" + ROOT;
        } catch (SheetRefused refused) {
            model.addAttribute("refusal", refused.messageKey());
            return page(model, null, null, null, null);
        }
    }

    @GetMapping(ROOT + "/questions/{id}")
    String edit(@PathVariable long id, Model model) {
        var question = faq.question(id);
        return page(model, id, question.categoryId(), question.question(), question.answerMarkdown());
    }

    @PostMapping({ROOT + "/questions", ROOT + "/questions/{id}"})
    String save(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable(name = "id", required = false) Long id,
            @RequestParam(name = "category", required = false) Long category,
            @RequestParam(name = "question", required = false) String question,
            @RequestParam(name = "answer", required = false) String answer,
            Model model,
            RedirectAttributes redirect) {
        try {
            if (category == null) {
                throw new SheetRefused("knowledge.faq.refused.unknown-category");
            }
            faq.save(person.accountId(), id, category, question, answer);
            redirect.addFlashAttribute("saved", "knowledge.faq.entry.saved");
            return "redirect:" + ROOT;
        } catch (SheetRefused refused) {
            model.addAttribute("refusal", refused.messageKey());
            return page(model, id, category, question, answer);
        }
    }

    @PostMapping(ROOT + "/questions/{id}/suppression")
    String delete(@AuthenticationPrincipal SignedInPerson person, @PathVariable long id, RedirectAttributes redirect) {
        faq.delete(person.accountId(), id);
        redirect.addFlashAttribute("saved", "knowledge.faq.entry.deleted");
        return "redirect:" + ROOT;
    }

    private String page(Model model, Long id, Long category, String question, String answer) {
        model.addAttribute("sections", faq.tree());
        model.addAttribute("requestCategories", helpdesk.requestCategories());
        model.addAttribute("editing", id);
        model.addAttribute("category", category);
        model.addAttribute("question", question);
        model.addAttribute("answer", answer);
        return "knowledge/faq-manage";
    }
}
