package fr.guichet.shared;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/** The header's language switch: the same page, with its query (a link's token, say) kept. */
@ControllerAdvice
class LanguageLinks {

    @ModelAttribute
    void languageLinks(Model model, HttpServletRequest request) {
        var links = new LinkedHashMap<String, String>();
        for (var locale : LocaleConfiguration.SUPPORTED) {
            links.put(locale.getLanguage(), link(request, locale.getLanguage()));
        }
        model.addAttribute("languageLinks", Map.copyOf(links));
    }

    private static String link(HttpServletRequest request, String language) {
        var query = request.getQueryString();
        var builder = UriComponentsBuilder.fromUriString(request.getRequestURI() + (query == null ? "" : "?" + query));
        return builder.replaceQueryParam("lang", language).build().toUriString();
    }
}
