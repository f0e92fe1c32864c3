package fr.guichet.account.invitations;

import fr.guichet.shared.ClientAddress;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The invitation's link: its owner sees who invites him where, and accepts or declines. The link
 * is the proof, as a password reset's is: no sign-in is needed (he may have forgotten his password,
 * or his account may have been disabled when he left his last organisation).
 */
@Controller
class MembershipInvitationPages {

    private final MembershipInvitations invitations;

    MembershipInvitationPages(MembershipInvitations invitations) {
        this.invitations = invitations;
    }

    @GetMapping("/invitations/rejoindre")
    String offer(@RequestParam(name = "jeton", required = false) String token, Model model) {
        var offer = invitations.peek(token);
        if (offer.isEmpty()) {
            model.addAttribute("state", "invalid");
            return "account/join-invitation";
        }
        model.addAttribute("state", "offered");
        model.addAttribute("offer", offer.get());
        model.addAttribute("jeton", token);
        return "account/join-invitation";
    }

    @PostMapping("/invitations/rejoindre")
    String answer(
            @RequestParam(name = "jeton", required = false) String token,
            @RequestParam(name = "reponse", required = false) String answer,
            Model model,
            HttpServletRequest request) {
        var offer = invitations.peek(token);
        var accepting = "accepter".equals(answer);
        if (offer.isPresent() && !accepting && !"refuser".equals(answer)) {
            // neither button: the choice is still his to make
            return offer(token, model);
        }
        var done = offer.isPresent()
                && (accepting ? invitations.accept(token, ClientAddress.of(request)) : invitations.decline(token));
        if (!done) {
            model.addAttribute("state", "invalid");
            return "account/join-invitation";
        }
        model.addAttribute("state", accepting ? "accepted" : "declined");
        model.addAttribute("offer", offer.get());
        return "account/join-invitation";
    }
}
