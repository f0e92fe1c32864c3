package fr.guichet.connect;

import fr.guichet.access.ServiceView;
import fr.guichet.shared.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

/**
 * The page a person without a grant sees when a connected service sends him to sign in: it names
 * the service and links to its entry of the catalogue, where he asks for it. Only {@link GrantGate}
 * leads here; typed in by hand, the address is not found.
 */
@Controller
class RefusalPages {

    static final String PATH = "/services-connectes/refus";
    static final String SERVICE = RefusalPages.class.getName() + ".service";

    @RequestMapping(
            value = PATH,
            method = {RequestMethod.GET, RequestMethod.POST})
    String refused(HttpServletRequest request, HttpServletResponse response, Model model) {
        if (!(request.getAttribute(SERVICE) instanceof ServiceView service)) {
            throw new NotFoundException();
        }
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        model.addAttribute("service", service);
        return "connect/refused";
    }
}
