package fr.guichet.events;

import fr.guichet.account.Accounts;
import fr.guichet.account.SignedInPerson;
import fr.guichet.administration.Delegation;
import fr.guichet.administration.SupervisionRight;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.OrganizationView;
import fr.guichet.organization.Organizations;
import fr.guichet.shared.NotFoundException;
import fr.guichet.shared.SpreadsheetCsv;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The statistics of events: the agency's across establishments, and an establishment's own for those
 * who may read its statistics (its supervisors with that right, the agency), beside its other figures.
 */
@Controller
class EventStatisticsPages {

    private final EventStatistics statistics;
    private final EventAccess access;
    private final Organizations organizations;
    private final Delegation delegation;
    private final Accounts accounts;
    private final MessageSource messages;

    EventStatisticsPages(
            EventStatistics statistics,
            EventAccess access,
            Organizations organizations,
            Delegation delegation,
            Accounts accounts,
            MessageSource messages) {
        this.statistics = statistics;
        this.access = access;
        this.organizations = organizations;
        this.delegation = delegation;
        this.accounts = accounts;
        this.messages = messages;
    }

    @GetMapping("/agence/evenements/statistiques")
    String agency(@AuthenticationPrincipal SignedInPerson person, Model model) {
        access.requireAgent(person.accountId());
        model.addAttribute("organization", null);
        model.addAttribute("events", statistics.perEvent(null));
        model.addAttribute("establishments", statistics.perEstablishment(null));
        return "events/statistics";
    }

    @GetMapping("/agence/evenements/statistiques.csv")
    ResponseEntity<byte[]> agencyCsv(@AuthenticationPrincipal SignedInPerson person, Locale locale) {
        access.requireAgent(person.accountId());
        return csv(null, "statistiques-evenements.csv", locale);
    }

    @GetMapping("/organisations/{id}/statistiques-evenements")
    String establishment(@AuthenticationPrincipal SignedInPerson person, @PathVariable("id") long id, Model model) {
        var organization = readable(person, id);
        model.addAttribute("organization", organization);
        model.addAttribute("events", concerning(statistics.perEvent(id)));
        model.addAttribute("establishments", java.util.List.of());
        return "events/statistics";
    }

    @GetMapping("/organisations/{id}/statistiques-evenements.csv")
    ResponseEntity<byte[]> establishmentCsv(
            @AuthenticationPrincipal SignedInPerson person, @PathVariable("id") long id, Locale locale) {
        readable(person, id);
        return csv(id, "statistiques-evenements-" + id + ".csv", locale);
    }

    /**
     * An establishment's figures name only the events its members registered for: the others (aimed at
     * other establishments, perhaps) are none of its business, on the page as in the export.
     */
    private static java.util.List<EventStatistics.EventFigures> concerning(
            java.util.List<EventStatistics.EventFigures> figures) {
        return figures.stream()
                .filter(e -> e.confirmed() + e.waiting() + e.pending() + e.cancelledRegistrations() + e.refused() > 0)
                .toList();
    }

    /** Establishments only: registrations are counted by the establishment they were made for. */
    private OrganizationView readable(SignedInPerson person, long id) {
        var organization = organizations
                .find(new OrganizationId(id))
                .filter(OrganizationView::establishment)
                .orElseThrow(NotFoundException::new);
        if (!mayRead(person.accountId(), organization.id())) {
            throw new NotFoundException();
        }
        return organization;
    }

    boolean mayRead(fr.guichet.account.AccountId person, OrganizationId organization) {
        return accounts.isStaff(person)
                || delegation.supervises(person, organization, SupervisionRight.VIEW_STATISTICS);
    }

    private ResponseEntity<byte[]> csv(@Nullable Long establishment, String name, Locale locale) {
        var csv = new SpreadsheetCsv();
        csv.row(
                label("events.statistics.event", locale),
                label("events.field.kind", locale),
                label("events.statistics.capacity", locale),
                label("events.statistics.confirmed", locale),
                label("events.statistics.waiting", locale),
                label("events.statistics.pending", locale),
                label("events.statistics.cancelled", locale),
                label("events.statistics.refused", locale),
                label("events.attendance.PRESENT", locale),
                label("events.attendance.ABSENT", locale),
                label("events.attendance.EXCUSED", locale));
        var figures = statistics.perEvent(establishment);
        for (var e : establishment == null ? figures : concerning(figures)) {
            csv.row(
                    e.title(),
                    label("events.kind." + e.kind().name(), locale),
                    SpreadsheetCsv.number(e.capacity()),
                    SpreadsheetCsv.number(e.confirmed()),
                    SpreadsheetCsv.number(e.waiting()),
                    SpreadsheetCsv.number(e.pending()),
                    SpreadsheetCsv.number(e.cancelledRegistrations()),
                    SpreadsheetCsv.number(e.refused()),
                    SpreadsheetCsv.number(e.present()),
                    SpreadsheetCsv.number(e.absent()),
                    SpreadsheetCsv.number(e.excused()));
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name).build().toString())
                .body(csv.bytes());
    }

    private String label(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
