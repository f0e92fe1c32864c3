package fr.guichet.news;

import fr.guichet.account.SignedInPerson;
import fr.guichet.shared.FileResponses;
import fr.guichet.shared.NotFoundException;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** "Actualités": the announcements aimed at the signed-in person, newest first, and each one whole. */
@Controller
class NewsPages {

    static final int PAGE_SIZE = 20;

    private final Announcements announcements;

    NewsPages(Announcements announcements) {
        this.announcements = announcements;
    }

    @GetMapping("/actualites")
    String list(
            @AuthenticationPrincipal SignedInPerson person,
            @RequestParam(name = "page", defaultValue = "0") int page,
            Model model) {
        var shown = Math.max(0, Math.min(page, 10_000));
        model.addAttribute("news", announcements.forPerson(person.accountId(), shown, PAGE_SIZE));
        model.addAttribute("page", shown);
        return "news/list";
    }

    /** Opening it is reading it; one that is not his (or no longer shown) is not found. */
    @GetMapping("/actualites/{id}")
    String one(@AuthenticationPrincipal SignedInPerson person, @PathVariable("id") long id, Model model) {
        var announcement = announcements.find(person.accountId(), id).orElseThrow(NotFoundException::new);
        announcements.markRead(person.accountId(), id);
        model.addAttribute("announcement", announcement);
        return "news/item";
    }

    @GetMapping("/actualites/{id}/piece-jointe")
    ResponseEntity<Resource> attachment(@AuthenticationPrincipal SignedInPerson person, @PathVariable("id") long id) {
        var file = announcements.attachment(person.accountId(), id).orElseThrow(NotFoundException::new);
        return FileResponses.attachment(
                file.name(),
                file.contentType(),
                file.size(),
                null,
                file.content().get());
    }
}
