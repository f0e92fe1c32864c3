package fr.guichet.events;

import fr.guichet.access.ServiceCatalogue;
import fr.guichet.account.Accounts;
import fr.guichet.account.InterestDomain;
import fr.guichet.account.SignedInPerson;
import fr.guichet.helpdesk.CorrespondentSites;
import fr.guichet.organization.Organizations;
import fr.guichet.shared.ErrorResponses;
import fr.guichet.shared.NotFoundException;
import fr.guichet.shared.SpreadsheetCsv;
import jakarta.servlet.http.HttpServletRequest;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.InvalidPropertyException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The organisers' side ("Gérer les événements"): publishing and changing an event, its registrations
 * session by session, registering someone, the participants' list and its export, and the roll.
 */
@Controller
class AgencyEventPages {

    private static final int ESTABLISHMENTS_OFFERED = 500;

    private final Events events;
    private final Registrations registrations;
    private final Participants participants;
    private final EventAccess access;
    private final Accounts accounts;
    private final Organizations organizations;
    private final CorrespondentSites products;
    private final ServiceCatalogue services;
    private final MessageSource messages;
    private final ErrorResponses responses;
    private final ZoneId zone;

    AgencyEventPages(
            Events events,
            Registrations registrations,
            Participants participants,
            EventAccess access,
            Accounts accounts,
            Organizations organizations,
            CorrespondentSites products,
            ServiceCatalogue services,
            MessageSource messages,
            ErrorResponses responses,
            @Value("${guichet.time-zone:Europe/Paris}") ZoneId zone) {
        this.events = events;
        this.registrations = registrations;
        this.participants = participants;
        this.access = access;
        this.accounts = accounts;
        this.organizations = organizations;
        this.products = products;
        this.services = services;
        this.messages = messages;
        this.responses = responses;
        this.zone = zone;
    }

    /**
     * A form no page sends ({@code sessions[100000].day}: beyond the rows the binder grows a list to)
     * is a bad request, not a failure of ours.
     */
    @ExceptionHandler(InvalidPropertyException.class)
    ModelAndView malformed(HttpServletRequest request) {
        return responses.page(request, HttpStatus.BAD_REQUEST, null);
    }

    @GetMapping("/agence/evenements")
    String list(@AuthenticationPrincipal SignedInPerson person, Model model) {
        access.requireAgent(person.accountId());
        model.addAttribute("events", events.all(200));
        model.addAttribute("now", events.now());
        return "events/agency-list";
    }

    @GetMapping("/agence/evenements/nouveau")
    String create(@AuthenticationPrincipal SignedInPerson person, Model model) {
        access.requireAgent(person.accountId());
        model.addAttribute("form", EventForm.blank(3));
        return form(model, null, null);
    }

    @PostMapping("/agence/evenements/nouveau")
    String publish(
            @AuthenticationPrincipal SignedInPerson person,
            @ModelAttribute("form") EventForm form,
            Locale locale,
            Model model,
            RedirectAttributes redirect) {
        access.requireAgent(person.accountId());
        try {
            var id = events.publish(person.accountId(), form.draft(zone), form.isAnnounce());
            redirect.addFlashAttribute("saved", "events.published");
            return "redirect:/agence/evenements/" + id;
        } catch (EventRefusal refusal) {
            form.padSessions(3);
            return form(model, null, messages.getMessage(refusal.messageKey(), refusal.arguments(), locale));
        }
    }

    @GetMapping("/agence/evenements/{id}/modification")
    String edit(@AuthenticationPrincipal SignedInPerson person, @PathVariable("id") long id, Model model) {
        access.requireAgent(person.accountId());
        var event = events.find(id).orElseThrow(NotFoundException::new);
        model.addAttribute("form", EventForm.of(event, zone, 2));
        return form(model, event, null);
    }

    @PostMapping("/agence/evenements/{id}/modification")
    String change(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @ModelAttribute("form") EventForm form,
            Locale locale,
            Model model,
            RedirectAttributes redirect) {
        access.requireAgent(person.accountId());
        var event = events.find(id).orElseThrow(NotFoundException::new);
        try {
            events.change(person.accountId(), id, form.draft(zone));
            redirect.addFlashAttribute("saved", "events.changed");
            return "redirect:/agence/evenements/" + id;
        } catch (EventRefusal refusal) {
            return form(model, event, messages.getMessage(refusal.messageKey(), refusal.arguments(), locale));
        }
    }

    private String form(Model model, @Nullable EventView event, @Nullable String error) {
        model.addAttribute("event", event);
        model.addAttribute("error", error);
        model.addAttribute("kinds", EventKind.values());
        model.addAttribute("establishments", organizations.searchEstablishments("", ESTABLISHMENTS_OFFERED));
        model.addAttribute("products", products.activeProducts());
        model.addAttribute("domains", InterestDomain.values());
        model.addAttribute("services", services.all());
        return "events/form";
    }

    @PostMapping("/agence/evenements/{id}/annulation")
    String cancel(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @RequestParam(name = "confirm", required = false) @Nullable String confirm,
            Locale locale,
            RedirectAttributes redirect) {
        access.requireAgent(person.accountId());
        events.find(id).orElseThrow(NotFoundException::new);
        if (!"yes".equals(confirm)) {
            redirect.addFlashAttribute("refused", messages.getMessage("events.cancel.confirm-needed", null, locale));
            return "redirect:/agence/evenements/" + id;
        }
        events.cancel(person.accountId(), id);
        redirect.addFlashAttribute("saved", "events.event-cancelled");
        return "redirect:/agence/evenements/" + id;
    }

    @GetMapping("/agence/evenements/{id}")
    String one(@AuthenticationPrincipal SignedInPerson person, @PathVariable("id") long id, Model model) {
        access.requireAgent(person.accountId());
        var event = events.find(id).orElseThrow(NotFoundException::new);
        var all = registrations.ofEvent(id);
        var names = new HashMap<Long, String>();
        accounts.find(all.stream()
                        .map(r -> new fr.guichet.account.AccountId(r.accountId()))
                        .toList())
                .forEach(p -> names.put(p.id().value(), p.displayName() + " <" + p.email() + ">"));
        model.addAttribute("event", event);
        model.addAttribute("registrations", all);
        model.addAttribute("names", names);
        model.addAttribute("now", events.now());
        return "events/agency-event";
    }

    /** An agent registers someone by his address: no deadline but the session's start, nobody's agreement. */
    @PostMapping("/agence/evenements/{id}/inscriptions")
    String registerSomeone(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @RequestParam(name = "email", required = false) @Nullable String email,
            @RequestParam(name = "session", required = false) @Nullable String session,
            Locale locale,
            RedirectAttributes redirect) {
        access.requireAgent(person.accountId());
        var event = events.find(id).orElseThrow(NotFoundException::new);
        var sessionId = EventPages.parse(session);
        if (sessionId == null || event.session(sessionId) == null) {
            redirect.addFlashAttribute("refused", messages.getMessage("events.refused.session-choice", null, locale));
            return "redirect:/agence/evenements/" + id;
        }
        var found = email == null
                ? java.util.Optional.<fr.guichet.account.PersonView>empty()
                : accounts.findByEmail(email.strip());
        if (found.isEmpty()) {
            redirect.addFlashAttribute("refused", messages.getMessage("events.refused.unknown-person", null, locale));
            return "redirect:/agence/evenements/" + id;
        }
        try {
            var establishments = access.establishmentsOf(found.get().id());
            var outcome = registrations.register(
                    person.accountId(),
                    found.get().id(),
                    sessionId,
                    null,
                    establishments.isEmpty() ? null : establishments.get(0).id(),
                    true);
            redirect.addFlashAttribute(
                    "saved", "events.registered-someone." + outcome.status().name());
        } catch (EventRefusal refusal) {
            redirect.addFlashAttribute(
                    "refused", messages.getMessage(refusal.messageKey(), refusal.arguments(), locale));
        }
        return "redirect:/agence/evenements/" + id;
    }

    @PostMapping("/agence/evenements/{id}/inscriptions/{registration}/annulation")
    String cancelRegistration(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @PathVariable("registration") long registration,
            Locale locale,
            RedirectAttributes redirect) {
        access.requireAgent(person.accountId());
        registrations.find(registration).filter(r -> r.eventId() == id).orElseThrow(NotFoundException::new);
        try {
            registrations.cancel(person.accountId(), registration, true);
            redirect.addFlashAttribute("saved", "events.cancelled-someone");
        } catch (EventRefusal refusal) {
            redirect.addFlashAttribute(
                    "refused", messages.getMessage(refusal.messageKey(), refusal.arguments(), locale));
        }
        return "redirect:/agence/evenements/" + id;
    }

    /** The participants of a session as a spreadsheet: the same consent honoured as on the page. */
    @GetMapping("/agence/evenements/{id}/sessions/{session}/participants.csv")
    ResponseEntity<byte[]> export(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @PathVariable("session") long sessionId,
            Locale locale) {
        access.requireAgent(person.accountId());
        var event = events.find(id).orElseThrow(NotFoundException::new);
        if (event.session(sessionId) == null) {
            throw new NotFoundException();
        }
        var csv = new SpreadsheetCsv();
        csv.row(List.of(
                label("events.participants.name", locale),
                label("events.participants.job", locale),
                label("events.participants.email", locale),
                label("events.participants.establishment", locale),
                label("events.attendance", locale)));
        for (var p : participants.of(sessionId)) {
            csv.row(
                    p.name(),
                    p.jobTitle() == null ? "" : p.jobTitle(),
                    p.email() == null ? "" : p.email(),
                    p.establishment() == null ? "" : p.establishment(),
                    p.attendance() == null
                            ? ""
                            : label("events.attendance." + p.attendance().name(), locale));
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("participants-" + id + "-" + sessionId + ".csv")
                                .build()
                                .toString())
                .body(csv.bytes());
    }

    private String label(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    @GetMapping("/agence/evenements/{id}/sessions/{session}/presences")
    String roll(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @PathVariable("session") long sessionId,
            Model model) {
        access.requireAgent(person.accountId());
        return roll(id, sessionId, model, null);
    }

    private String roll(long id, long sessionId, Model model, @Nullable String error) {
        var event = events.find(id).orElseThrow(NotFoundException::new);
        var session = event.session(sessionId);
        if (session == null) {
            throw new NotFoundException();
        }
        var confirmed = registrations.ofSession(sessionId, java.util.Set.of(RegistrationStatus.CONFIRMED));
        var names = new HashMap<Long, String>();
        accounts.find(confirmed.stream()
                        .map(r -> new fr.guichet.account.AccountId(r.accountId()))
                        .toList())
                .forEach(p -> names.put(p.id().value(), p.lastName().toUpperCase(Locale.ROOT) + " " + p.firstName()));
        model.addAttribute("event", event);
        model.addAttribute("eventSession", session);
        model.addAttribute(
                "people",
                confirmed.stream()
                        .sorted(java.util.Comparator.comparing(r -> names.getOrDefault(r.accountId(), "")))
                        .toList());
        model.addAttribute("names", names);
        model.addAttribute("marks", Attendance.values());
        model.addAttribute("error", error);
        return "events/roll";
    }

    /** The roll as sent: {@code attendance[<registration>]=PRESENT|ABSENT|EXCUSED}, unmarked ones left as they are. */
    @PostMapping("/agence/evenements/{id}/sessions/{session}/presences")
    String record(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @PathVariable("session") long sessionId,
            @RequestParam Map<String, String> sent,
            Locale locale,
            Model model,
            RedirectAttributes redirect) {
        access.requireAgent(person.accountId());
        var event = events.find(id).orElseThrow(NotFoundException::new);
        if (event.session(sessionId) == null) {
            throw new NotFoundException();
        }
        var marks = new HashMap<Long, Attendance>();
        for (var entry : sent.entrySet()) {
            var key = entry.getKey();
            if (!key.startsWith("attendance[") || !key.endsWith("]")) {
                continue;
            }
            var registration = EventPages.parse(key.substring("attendance[".length(), key.length() - 1));
            Attendance mark;
            try {
                mark = Attendance.valueOf(entry.getValue());
            } catch (IllegalArgumentException e) {
                mark = null;
            }
            if (registration == null || mark == null) {
                return roll(
                        id, sessionId, model, messages.getMessage("events.refused.attendance-unknown", null, locale));
            }
            marks.put(registration, mark);
        }
        try {
            var changed = registrations.recordAttendance(person.accountId(), sessionId, marks);
            redirect.addFlashAttribute("saved", "events.attendance.saved");
            redirect.addFlashAttribute("changed", changed);
        } catch (EventRefusal refusal) {
            return roll(id, sessionId, model, messages.getMessage(refusal.messageKey(), refusal.arguments(), locale));
        }
        return "redirect:/agence/evenements/" + id + "/sessions/" + sessionId + "/presences";
    }
}
