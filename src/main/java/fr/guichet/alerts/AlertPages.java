package fr.guichet.alerts;

import fr.guichet.account.CurrentPerson;
import fr.guichet.notification.Digests;
import java.util.EnumMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "Mes alertes électroniques": the signed-in person's choices, kind by kind. */
@Controller
class AlertPages {

    private final AlertPreferences preferences;
    private final Digests digests;

    AlertPages(AlertPreferences preferences, Digests digests) {
        this.preferences = preferences;
        this.digests = digests;
    }

    @GetMapping("/compte/alertes")
    String page(Model model) {
        return page(model, preferences.of(CurrentPerson.id()), null);
    }

    /** Every kind is in the form; a kind missing from what was sent keeps its choice. */
    @PostMapping("/compte/alertes")
    String choose(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        var choices = new EnumMap<AlertKind, Delivery>(AlertKind.class);
        for (var kind : AlertKind.values()) {
            var sent = form.get(kind.name());
            if (sent == null) {
                continue;
            }
            var delivery = delivery(sent);
            if (delivery == null || !kind.allows(delivery)) {
                var shown = preferences.of(CurrentPerson.id());
                return page(
                        model,
                        shown,
                        delivery == null ? "alerts.refused.UNKNOWN_CHOICE" : "alerts.refused.CANNOT_BE_OFF");
            }
            choices.put(kind, delivery);
        }
        preferences.choose(CurrentPerson.id(), choices);
        redirect.addFlashAttribute("saved", "alerts.saved");
        return "redirect:/compte/alertes";
    }

    private String page(Model model, Map<AlertKind, Delivery> choices, @Nullable String error) {
        model.addAttribute("groups", AlertKind.Group.values());
        model.addAttribute("choices", choices);
        model.addAttribute("waiting", digests.waiting(CurrentPerson.id().value()));
        model.addAttribute("error", error);
        model.addAttribute("section", "alerts");
        return "alerts/preferences";
    }

    private static @Nullable Delivery delivery(String sent) {
        try {
            return Delivery.valueOf(sent);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }
}
