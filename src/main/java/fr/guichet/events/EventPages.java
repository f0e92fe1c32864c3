package fr.guichet.events;

import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.account.SignedInPerson;
import fr.guichet.organization.OrganizationId;
import fr.guichet.shared.FileResponses;
import fr.guichet.shared.Markdown;
import fr.guichet.shared.NotFoundException;
import java.io.ByteArrayInputStream;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A member's side of events: those aimed at him ("Événements"), one event's page where he registers,
 * and "Mes inscriptions" with each registration's convocation and each event's attendance certificate.
 */
@Controller
class EventPages {

    private final Events events;
    private final Registrations registrations;
    private final AttendanceCertificates certificates;
    private final Participants participants;
    private final Papers papers;
    private final EventAccess access;
    private final Accounts accounts;
    private final MessageSource messages;

    EventPages(
            Events events,
            Registrations registrations,
            AttendanceCertificates certificates,
            Participants participants,
            Papers papers,
            EventAccess access,
            Accounts accounts,
            MessageSource messages) {
        this.events = events;
        this.registrations = registrations;
        this.certificates = certificates;
        this.participants = participants;
        this.papers = papers;
        this.access = access;
        this.accounts = accounts;
        this.messages = messages;
    }

    @GetMapping("/evenements")
    String list(@AuthenticationPrincipal SignedInPerson person, Model model) {
        var now = events.now();
        var shown = events.current().stream()
                .filter(e -> access.sees(person.accountId(), e))
                .toList();
        model.addAttribute("events", shown);
        model.addAttribute("now", now);
        model.addAttribute("agent", access.agent(person.accountId()));
        return "events/list";
    }

    @GetMapping("/evenements/{id}")
    String one(@AuthenticationPrincipal SignedInPerson person, @PathVariable("id") long id, Model model) {
        return page(person.accountId(), id, model, null, null);
    }

    private String page(
            AccountId person, long id, Model model, @Nullable String error, @Nullable RegistrationForm form) {
        var event = events.find(id).orElseThrow(NotFoundException::new);
        var mine = registrations.ofPerson(person).stream()
                .filter(r -> r.eventId() == id)
                .toList();
        // whoever was registered keeps the page, even once the event is cancelled or no longer aimed at him
        access.visible(person, event, !mine.isEmpty());
        var now = events.now();
        var registeredSessions = mine.stream()
                .filter(r -> r.status().live())
                .map(RegistrationView::sessionId)
                .toList();
        var open = event.open(now);
        var choosable = event.heldSessions().stream()
                .filter(s -> !s.started(now) && !registeredSessions.contains(s.id()))
                .toList();
        model.addAttribute("event", event);
        model.addAttribute("html", Markdown.toSafeHtml(event.description()));
        model.addAttribute(
                "mine",
                mine.stream().map(r -> new Mine(r, registrations.rank(r))).toList());
        model.addAttribute("open", open);
        model.addAttribute("notYet", now.isBefore(event.opensAt()));
        model.addAttribute("choosable", open ? choosable : List.of());
        model.addAttribute("establishments", access.establishmentsOf(person));
        model.addAttribute("form", form == null ? new RegistrationForm(null, null, null) : form);
        model.addAttribute("error", error);
        model.addAttribute("now", now);
        model.addAttribute("agent", access.agent(person));
        model.addAttribute(
                "participantSessions",
                event.showsParticipants()
                        ? mine.stream()
                                .filter(r -> r.status() == RegistrationStatus.CONFIRMED)
                                .map(RegistrationView::sessionId)
                                .toList()
                        : List.of());
        return "events/event";
    }

    /** A registration of his, and where it stands in the waiting list. */
    record Mine(RegistrationView registration, int rank) {}

    /** What the registration form sends: strings, so that a bad value is an error said, not a blank. */
    record RegistrationForm(
            @Nullable String session,
            @Nullable String note,
            @Nullable String establishment) {}

    @PostMapping("/evenements/{id}/inscription")
    String register(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            RegistrationForm form,
            Model model,
            Locale locale,
            RedirectAttributes redirect) {
        var event = events.find(id).orElseThrow(NotFoundException::new);
        access.visible(person.accountId(), event, false);
        var session = parse(form.session());
        if (session == null || event.session(session) == null) {
            return page(
                    person.accountId(),
                    id,
                    model,
                    messages.getMessage("events.refused.session-choice", null, locale),
                    form);
        }
        var establishments = access.establishmentsOf(person.accountId());
        OrganizationId establishment;
        if (establishments.isEmpty()) {
            establishment = null;
        } else if (establishments.size() == 1) {
            establishment = establishments.get(0).id();
        } else {
            var chosen = parse(form.establishment());
            establishment = establishments.stream()
                    .filter(e -> chosen != null && e.id().value() == chosen)
                    .map(e -> e.id())
                    .findFirst()
                    .orElse(null);
            if (establishment == null) {
                return page(
                        person.accountId(),
                        id,
                        model,
                        messages.getMessage("events.refused.establishment-choice", null, locale),
                        form);
            }
        }
        try {
            var outcome = registrations.register(
                    person.accountId(), person.accountId(), session, form.note(), establishment, false);
            redirect.addFlashAttribute(
                    "saved", "events.registered." + outcome.status().name());
            redirect.addFlashAttribute("rank", outcome.rank());
        } catch (EventRefusal refusal) {
            return page(
                    person.accountId(),
                    id,
                    model,
                    messages.getMessage(refusal.messageKey(), refusal.arguments(), locale),
                    form);
        }
        return "redirect:/evenements/" + id;
    }

    static @Nullable Long parse(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @GetMapping("/evenements/{id}/sessions/{session}/participants")
    String participants(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @PathVariable("session") long sessionId,
            Model model) {
        var event = events.find(id).orElseThrow(NotFoundException::new);
        var session = event.session(sessionId);
        if (session == null || !participants.mayList(person.accountId(), event, sessionId)) {
            throw new NotFoundException();
        }
        model.addAttribute("event", event);
        model.addAttribute("eventSession", session);
        model.addAttribute("people", participants.of(sessionId));
        model.addAttribute("agent", access.agent(person.accountId()));
        return "events/participants";
    }

    @GetMapping("/mes-inscriptions")
    String mine(@AuthenticationPrincipal SignedInPerson person, Model model) {
        var now = events.now();
        var all = registrations.ofPerson(person.accountId());
        var eventIds = all.stream().map(RegistrationView::eventId).distinct().toList();
        var byId = events.findAll(eventIds);
        var rows = all.stream()
                .filter(r -> byId.containsKey(r.eventId()))
                .map(r -> new MyRow(
                        r, byId.get(r.eventId()), byId.get(r.eventId()).session(r.sessionId()), registrations.rank(r)))
                .toList();
        model.addAttribute(
                "upcoming",
                rows.stream()
                        .filter(r -> r.registration().status() == RegistrationStatus.CONFIRMED
                                && r.session().end().isAfter(now))
                        .sorted(Comparator.comparing(r -> r.session().start()))
                        .toList());
        model.addAttribute(
                "waiting",
                rows.stream()
                        .filter(r -> (r.registration().status() == RegistrationStatus.WAITING
                                        || r.registration().status() == RegistrationStatus.PENDING)
                                && r.session().end().isAfter(now))
                        .sorted(Comparator.comparing(r -> r.session().start()))
                        .toList());
        model.addAttribute(
                "past",
                rows.stream()
                        .filter(r -> r.registration().status() == RegistrationStatus.CONFIRMED
                                && !r.session().end().isAfter(now))
                        .toList());
        model.addAttribute(
                "ended",
                rows.stream()
                        .filter(r -> !r.registration().status().live()
                                || (r.registration().status() != RegistrationStatus.CONFIRMED
                                        && !r.session().end().isAfter(now)))
                        .toList());
        model.addAttribute(
                "certified",
                eventIds.stream()
                        .map(e -> certificates.of(e, person.accountId().value()))
                        .flatMap(java.util.Optional::stream)
                        .toList());
        model.addAttribute("now", now);
        return "events/mine";
    }

    /** One line of "Mes inscriptions". */
    record MyRow(RegistrationView registration, EventView event, EventView.SessionView session, int rank) {

        public boolean cancellable(java.time.Instant now) {
            return registration.status().live()
                    && !event.cancelled()
                    && !now.isAfter(event.deadline())
                    && session.start().isAfter(now);
        }
    }

    @PostMapping("/mes-inscriptions/{registration}/annulation")
    String cancel(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("registration") long id,
            Locale locale,
            RedirectAttributes redirect) {
        var registration = own(person.accountId(), id);
        try {
            registrations.cancel(person.accountId(), registration.id(), false);
            redirect.addFlashAttribute("saved", "events.cancelled");
        } catch (EventRefusal refusal) {
            redirect.addFlashAttribute(
                    "refused", messages.getMessage(refusal.messageKey(), refusal.arguments(), locale));
        }
        return "redirect:/mes-inscriptions";
    }

    @GetMapping("/mes-inscriptions/{registration}/convocation.pdf")
    ResponseEntity<Resource> convocation(
            @AuthenticationPrincipal SignedInPerson person, @PathVariable("registration") long id, Locale locale) {
        var registration = own(person.accountId(), id);
        if (registration.status() != RegistrationStatus.CONFIRMED) {
            throw new NotFoundException();
        }
        var pdf = papers.convocation(registration, locale);
        return FileResponses.attachment(
                "en".equals(locale.getLanguage()) ? "invitation.pdf" : "convocation.pdf",
                "application/pdf",
                pdf.length,
                null,
                new ByteArrayInputStream(pdf));
    }

    @GetMapping("/mes-inscriptions/{registration}/invitation.ics")
    ResponseEntity<Resource> invitation(
            @AuthenticationPrincipal SignedInPerson person, @PathVariable("registration") long id) {
        var registration = own(person.accountId(), id);
        if (registration.status() != RegistrationStatus.CONFIRMED) {
            throw new NotFoundException();
        }
        var ics = papers.invitation(
                registration, accounts.find(person.accountId()).orElseThrow());
        return FileResponses.attachment(
                "invitation.ics", "text/calendar; charset=UTF-8", ics.length, null, new ByteArrayInputStream(ics));
    }

    @GetMapping("/mes-inscriptions/evenements/{event}/attestation.pdf")
    ResponseEntity<Resource> certificate(
            @AuthenticationPrincipal SignedInPerson person, @PathVariable("event") long eventId, Locale locale) {
        var issued = certificates.of(eventId, person.accountId().value()).orElseThrow(NotFoundException::new);
        var pdf = papers.certificate(
                issued, certificates.attended(eventId, person.accountId().value()), locale);
        return FileResponses.attachment(
                "en".equals(locale.getLanguage()) ? "certificate-of-attendance.pdf" : "attestation-assiduite.pdf",
                "application/pdf",
                pdf.length,
                null,
                new ByteArrayInputStream(pdf));
    }

    private RegistrationView own(AccountId person, long id) {
        return registrations
                .find(id)
                .filter(r -> r.accountId() == person.value())
                .orElseThrow(NotFoundException::new);
    }
}
