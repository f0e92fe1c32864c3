package fr.guichet.alerts;

import fr.guichet.shared.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The link of an e-mail that stops its kind of alert. Opening it only asks (mail scanners open
 * links); the button, or the mail program's one-click POST (RFC 8058), does it. Neither needs to
 * be signed in: the link's signature is the proof, and all it can do is stop alerts.
 */
@Controller
class UnsubscribePages {

    private final UnsubscribeLinks links;
    private final AlertPreferences preferences;

    UnsubscribePages(UnsubscribeLinks links, AlertPreferences preferences) {
        this.links = links;
        this.preferences = preferences;
    }

    @GetMapping(UnsubscribeLinks.PATH + "/{person}/{kind}/{signature}")
    String ask(@PathVariable long person, @PathVariable String kind, @PathVariable String signature, Model model) {
        var stop = links.read(person, kind, signature).orElseThrow(NotFoundException::new);
        model.addAttribute("kind", stop.kind());
        model.addAttribute("done", false);
        return "alerts/unsubscribe";
    }

    @PostMapping(UnsubscribeLinks.PATH + "/{person}/{kind}/{signature}")
    String stop(@PathVariable long person, @PathVariable String kind, @PathVariable String signature, Model model) {
        var stop = links.read(person, kind, signature).orElseThrow(NotFoundException::new);
        preferences.stop(stop.person(), stop.kind());
        model.addAttribute("kind", stop.kind());
        model.addAttribute("done", true);
        return "alerts/unsubscribe";
    }
}
