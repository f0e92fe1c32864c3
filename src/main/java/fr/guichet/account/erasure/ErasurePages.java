package fr.guichet.account.erasure;

import fr.guichet.account.Accounts;
import fr.guichet.account.CurrentPerson;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Effacer mes données" in "Mon compte", where a person sees only his own request; and the platform
 * administrators' page of pending requests, which they execute or refuse.
 */
@Controller
class ErasurePages {

    private final ErasureRequests requests;
    private final Accounts accounts;

    ErasurePages(ErasureRequests requests, Accounts accounts) {
        this.requests = requests;
        this.accounts = accounts;
    }

    @GetMapping("/compte/effacement")
    String form(Model model) {
        var me = CurrentPerson.id();
        model.addAttribute("section", "erasure");
        model.addAttribute("latest", requests.latestOf(me).orElse(null));
        model.addAttribute("platformAdmin", accounts.isPlatformAdmin(me));
        return "account/erasure";
    }

    @PostMapping("/compte/effacement")
    String ask(RedirectAttributes redirect) {
        try {
            requests.request(CurrentPerson.id());
            redirect.addFlashAttribute("saved", "erasure.sent");
        } catch (ErasureRefusal refusal) {
            redirect.addFlashAttribute("refusal", refusal.messageKey());
        }
        return "redirect:/compte/effacement";
    }

    @GetMapping("/administration/effacements")
    String pending(Model model) {
        model.addAttribute("rows", requests.pending());
        model.addAttribute("reasonMax", ErasureRequests.REASON_MAX);
        return "account/erasure-requests";
    }

    @PostMapping("/administration/effacements/{id}/executer")
    String execute(@PathVariable long id, RedirectAttributes redirect) {
        try {
            requests.execute(id, CurrentPerson.id());
            redirect.addFlashAttribute("saved", "erasure.executed");
        } catch (ErasureRefusal refusal) {
            redirect.addFlashAttribute("refusal", refusal.messageKey());
        }
        return "redirect:/administration/effacements";
    }

    @PostMapping("/administration/effacements/{id}/refuser")
    String refuse(
            @PathVariable long id,
            @RequestParam(name = "reason", required = false) String reason,
            RedirectAttributes redirect) {
        try {
            requests.refuse(id, CurrentPerson.id(), reason);
            redirect.addFlashAttribute("saved", "erasure.refused");
        } catch (ErasureRefusal refusal) {
            redirect.addFlashAttribute("refusal", refusal.messageKey());
        }
        return "redirect:/administration/effacements";
    }
}
