package fr.guichet.knowledge;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The public FAQ: the tree of sections and their questions, a search, and the questions next to a request category. */
@Controller
class FaqPages {

    private final Faq faq;

    FaqPages(Faq faq) {
        this.faq = faq;
    }

    @GetMapping("/faq")
    String faq(@RequestParam(name = "q", required = false) String words, Model model) {
        model.addAttribute("words", words);
        if (words != null && !words.isBlank()) {
            model.addAttribute("found", faq.search(words));
        } else {
            model.addAttribute("sections", faq.tree());
        }
        return "knowledge/faq";
    }

    /** The questions shown beside a request category's form (htmx, a fragment; empty when there are none). */
    @GetMapping("/faq/categorie-de-demande/{category}")
    String forRequestCategory(@PathVariable long category, Model model) {
        model.addAttribute("questions", faq.forRequestCategory(category));
        return "knowledge/faq-for-category :: questions";
    }
}
