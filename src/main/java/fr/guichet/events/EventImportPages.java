package fr.guichet.events;

import fr.guichet.account.SignedInPerson;
import fr.guichet.shared.NotFoundException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Registering a list for a session from a CSV file, with a progress bar while it runs and a report
 * per line, as the import of users does.
 */
@Controller
class EventImportPages {

    private final Events events;
    private final EventImports imports;
    private final EventAccess access;
    private final MessageSource messages;

    EventImportPages(Events events, EventImports imports, EventAccess access, MessageSource messages) {
        this.events = events;
        this.imports = imports;
        this.access = access;
        this.messages = messages;
    }

    @GetMapping("/agence/evenements/{id}/import")
    String form(@AuthenticationPrincipal SignedInPerson person, @PathVariable("id") long id, Model model) {
        access.requireAgent(person.accountId());
        return form(model, events.find(id).orElseThrow(NotFoundException::new), null, null);
    }

    @PostMapping("/agence/evenements/{id}/import")
    String start(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @RequestParam(name = "session", required = false) @Nullable String session,
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            Locale locale,
            Model model)
            throws IOException {
        access.requireAgent(person.accountId());
        var event = events.find(id).orElseThrow(NotFoundException::new);
        var sessionId = EventPages.parse(session);
        if (sessionId == null || !open(event, sessionId)) {
            return form(model, event, sessionId, text("events.refused.session-choice", null, locale));
        }
        if (file == null || file.isEmpty()) {
            return form(model, event, sessionId, text("events.import.no-file", null, locale));
        }
        try (var reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
            var lines = EventImportFile.read(reader);
            var started = imports.start(person.accountId(), id, sessionId, lines, locale);
            return "redirect:/agence/evenements/" + id + "/import/" + started;
        } catch (EventRefusal refusal) {
            return form(model, event, sessionId, text(refusal.messageKey(), refusal.arguments(), locale));
        }
    }

    @GetMapping("/agence/evenements/{id}/import/{importId}")
    String progress(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @PathVariable("importId") long importId,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Model model) {
        access.requireAgent(person.accountId());
        var event = events.find(id).orElseThrow(NotFoundException::new);
        var run = imports.progress(id, importId);
        model.addAttribute("event", event);
        model.addAttribute("eventSession", event.session(run.sessionId()));
        model.addAttribute("run", run);
        // htmx polls the progress fragment until the run is over
        return htmx != null ? "events/import-progress :: progress" : "events/import-progress";
    }

    /** The sessions a list may be registered for: held, and not begun (an agent's limit, as for one person). */
    private boolean open(EventView event, long sessionId) {
        var session = event.session(sessionId);
        return !event.cancelled() && session != null && !session.cancelled() && !session.started(events.now());
    }

    private String form(Model model, EventView event, @Nullable Long session, @Nullable String error) {
        var now = events.now();
        model.addAttribute("event", event);
        model.addAttribute(
                "sessions",
                event.cancelled()
                        ? java.util.List.of()
                        : event.heldSessions().stream()
                                .filter(s -> !s.started(now))
                                .toList());
        model.addAttribute("chosen", session);
        model.addAttribute("columns", EventImportFile.COLUMNS);
        model.addAttribute("maxLines", EventImportFile.MAX_LINES);
        model.addAttribute("error", error);
        return "events/import";
    }

    private String text(String key, Object @Nullable [] arguments, Locale locale) {
        return messages.getMessage(key, arguments, locale);
    }
}
