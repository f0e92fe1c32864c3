package fr.guichet.audit;

import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.account.PersonView;
import fr.guichet.account.SignedInPerson;
import fr.guichet.administration.Delegation;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.OrganizationView;
import fr.guichet.organization.Organizations;
import fr.guichet.shared.FileResponses;
import fr.guichet.shared.NotFoundException;
import fr.guichet.shared.SpreadsheetCsv;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The trail, searched and read page after page, and exported as CSV with the same filters: an
 * organisation's and its subtree's for those who administer it (anyone else: it does not exist), the
 * whole trail for the agency's staff (anyone else is refused).
 */
@Controller
class AuditPages {

    static final int PAGE = 50;
    private static final int EXPORT_BATCH = 500;
    private static final int PEOPLE_NAMED = 500;
    private static final int ESTABLISHMENTS_NAMED = 20;
    private static final String AGENCY = "/agence/journal";

    private final AuditSearch search;
    private final Delegation delegation;
    private final Organizations organizations;
    private final Accounts accounts;
    private final MessageSource messages;
    private final Clock clock;

    AuditPages(
            AuditSearch search,
            Delegation delegation,
            Organizations organizations,
            Accounts accounts,
            MessageSource messages,
            Clock clock) {
        this.search = search;
        this.delegation = delegation;
        this.organizations = organizations;
        this.accounts = accounts;
        this.messages = messages;
        this.clock = clock;
    }

    record Line(
            long id,
            ZonedDateTime at,
            String who,
            @Nullable String email,
            String action,
            @Nullable String target,
            String organization,
            @Nullable String details,
            @Nullable String from) {}

    record Choice(String value, String label) {}

    /** Where the trail is read: the organisations it covers (none: all), their names, the page's address. */
    private record Where(AuditSearch.Scope scope, Map<Long, OrganizationView> subtree, String base, String fileName) {}

    @GetMapping("/organisations/{id}/journal")
    String journal(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            AuditFilters filters,
            Model model,
            Locale locale) {
        var where = administered(person, id);
        model.addAttribute("organization", where.subtree().get(id));
        model.addAttribute(
                "organizations",
                where.subtree().values().stream()
                        .sorted(Comparator.comparing(OrganizationView::path))
                        .map(o -> new Choice(String.valueOf(o.id().value()), o.name()))
                        .toList());
        return page(where, filters, model, locale);
    }

    @GetMapping("/organisations/{id}/journal.csv")
    ResponseEntity<StreamingResponseBody> journalCsv(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            AuditFilters filters,
            Locale locale) {
        return csv(administered(person, id), filters, locale);
    }

    @GetMapping(AGENCY)
    String agency(@AuthenticationPrincipal SignedInPerson person, AuditFilters filters, Model model, Locale locale) {
        accounts.requireStaff(person);
        model.addAttribute("organization", null);
        return page(agencyWide(), filters, model, locale);
    }

    @GetMapping(AGENCY + ".csv")
    ResponseEntity<StreamingResponseBody> agencyCsv(
            @AuthenticationPrincipal SignedInPerson person, AuditFilters filters, Locale locale) {
        accounts.requireStaff(person);
        return csv(agencyWide(), filters, locale);
    }

    private Where administered(SignedInPerson person, long id) {
        var organization = new OrganizationId(id);
        if (!delegation.administers(person.accountId(), organization)) {
            throw new NotFoundException();
        }
        var subtree = organizations.subtree(organization).stream()
                .collect(Collectors.toMap(o -> o.id().value(), Function.identity()));
        return new Where(
                new AuditSearch.Scope(subtree.keySet()), subtree, "/organisations/" + id + "/journal", "journal-" + id);
    }

    private static Where agencyWide() {
        return new Where(AuditSearch.Scope.agency(), Map.of(), AGENCY, "journal-agence");
    }

    private String page(Where where, AuditFilters filters, Model model, Locale locale) {
        var read = filters.read();
        var problems = new LinkedHashMap<String, String>();
        read.problems().forEach(p -> problems.putIfAbsent(p.field(), text(p.key(), locale, p.argument())));
        var criteria = criteria(where, read, problems, locale);
        model.addAttribute("base", where.base());
        model.addAttribute("filters", filters);
        model.addAttribute("filtered", filters.any());
        model.addAttribute("problems", problems);
        model.addAttribute("actions", actionChoices(locale));
        model.addAttribute("pageSize", PAGE);
        if (criteria == null) {
            model.addAttribute("lines", List.of());
            return "audit/journal";
        }
        var page = search.page(where.scope(), criteria, read.before(), read.after(), PAGE);
        var lines = lines(where, page.rows());
        model.addAttribute("lines", lines);
        model.addAttribute(
                "olderHref",
                page.older()
                        ? filters.query(
                                where.base(),
                                "avant",
                                lines.get(lines.size() - 1).id())
                        : null);
        model.addAttribute(
                "newerHref",
                page.newer() ? filters.query(where.base(), "apres", lines.get(0).id()) : null);
        model.addAttribute("newestHref", page.newer() ? filters.query(where.base(), null, null) : null);
        model.addAttribute("csvHref", filters.query(where.base() + ".csv", null, null));
        return "audit/journal";
    }

    private ResponseEntity<StreamingResponseBody> csv(Where where, AuditFilters filters, Locale locale) {
        var read = filters.read();
        var problems = new LinkedHashMap<String, String>();
        read.problems().forEach(p -> problems.putIfAbsent(p.field(), p.key()));
        var criteria = criteria(where, read, problems, locale);
        if (criteria == null) {
            // a CSV has nowhere to say what could not be read: the page with the same filters says it
            return ResponseEntity.status(HttpStatus.SEE_OTHER)
                    .location(URI.create(filters.query(where.base(), null, null)))
                    .build();
        }
        var actions = actionLabels(locale);
        var formatter = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        StreamingResponseBody body = out -> {
            var csv = SpreadsheetCsv.streaming(out);
            csv.row(
                    text("journal.when", locale),
                    text("journal.who", locale),
                    text("journal.email", locale),
                    text("journal.what", locale),
                    text("journal.action-code", locale),
                    text("journal.target", locale),
                    text("journal.where", locale),
                    text("journal.details", locale),
                    text("journal.from", locale));
            search.each(where.scope(), criteria, EXPORT_BATCH, rows -> {
                for (var l : lines(where, rows)) {
                    csv.row(
                            formatter.format(l.at()),
                            l.who(),
                            Objects.toString(l.email(), ""),
                            actions.getOrDefault(l.action(), l.action()),
                            l.action(),
                            Objects.toString(l.target(), ""),
                            l.organization(),
                            Objects.toString(l.details(), ""),
                            Objects.toString(l.from(), ""));
                }
                csv.flush();
            });
            csv.flush();
        };
        var fileName = where.fileName() + "-" + LocalDate.now(clock) + ".csv";
        return FileResponses.csv(fileName).body(body);
    }

    /**
     * The filters as the search takes them, or null when one could not be read (its problem added):
     * nothing is shown rather than more than was asked.
     */
    private AuditSearch.@Nullable Criteria criteria(
            Where where, AuditFilters.Read read, Map<String, String> problems, Locale locale) {
        if (read.action() != null && !actionLabels(locale).containsKey(read.action())) {
            problems.putIfAbsent("action", text("journal.filter.unknown", locale, read.action()));
        }
        Collection<Long> chosen = null;
        if (read.organization() != null) {
            var inScope = where.scope().organizations() == null
                    || where.scope().organizations().contains(read.organization());
            if (!inScope
                    || organizations
                            .find(new OrganizationId(read.organization()))
                            .isEmpty()) {
                problems.putIfAbsent(
                        "organisation", text("journal.filter.unknown", locale, String.valueOf(read.organization())));
            } else {
                chosen = subtreeOf(List.of(new OrganizationId(read.organization())));
            }
        }
        if (read.establishment() != null && where.scope().organizations() == null) {
            var named =
                    subtreeOf(organizations.searchEstablishments(read.establishment(), ESTABLISHMENTS_NAMED).stream()
                            .map(OrganizationView::id)
                            .toList());
            if (chosen != null) {
                named.retainAll(chosen);
            }
            chosen = named;
        }
        if (!problems.isEmpty()) {
            return null;
        }
        var zone = clock.getZone();
        return new AuditSearch.Criteria(
                read.words(),
                read.words() == null
                        ? List.of()
                        : accounts.named(read.words(), PEOPLE_NAMED).stream()
                                .map(AccountId::value)
                                .toList(),
                read.action(),
                read.from() == null ? null : read.from().atStartOfDay(zone).toInstant(),
                read.to() == null
                        ? null
                        : read.to().plusDays(1).atStartOfDay(zone).toInstant(),
                chosen);
    }

    private HashSet<Long> subtreeOf(List<OrganizationId> roots) {
        var ids = new HashSet<Long>();
        for (var root : roots) {
            organizations.subtree(root).forEach(o -> ids.add(o.id().value()));
        }
        return ids;
    }

    /** The rows with the names of their people and organisations, read once for the whole page. */
    private List<Line> lines(Where where, List<AuditSearch.Row> rows) {
        var people = accounts
                .find(rows.stream()
                        .map(AuditSearch.Row::actor)
                        .filter(Objects::nonNull)
                        .distinct()
                        .map(AccountId::new)
                        .toList())
                .stream()
                .collect(Collectors.toMap(p -> p.id().value(), Function.identity(), (a, b) -> a));
        var names = new LinkedHashMap<Long, String>();
        where.subtree().forEach((id, o) -> names.put(id, o.name()));
        var missing = rows.stream()
                .map(AuditSearch.Row::organization)
                .filter(o -> o != null && !names.containsKey(o))
                .distinct()
                .map(OrganizationId::new)
                .toList();
        if (!missing.isEmpty()) {
            organizations.findAll(missing).forEach(o -> names.put(o.id().value(), o.name()));
        }
        var zone = clock.getZone();
        var lines = new ArrayList<Line>(rows.size());
        for (var row : rows) {
            PersonView person = row.actor() == null ? null : people.get(row.actor());
            lines.add(new Line(
                    row.id(),
                    row.occurredAt().atZone(zone),
                    row.actor() == null ? "-" : person == null ? "#" + row.actor() : person.displayName(),
                    person == null ? null : person.email(),
                    row.action(),
                    row.target(),
                    row.organization() == null ? "-" : names.getOrDefault(row.organization(), "#" + row.organization()),
                    row.details(),
                    row.sourceAddress()));
        }
        return lines;
    }

    private List<Choice> actionChoices(Locale locale) {
        return actionLabels(locale).entrySet().stream()
                .map(e -> new Choice(e.getKey(), e.getValue()))
                .sorted(Comparator.comparing(Choice::label, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    private Map<String, String> actionLabels(Locale locale) {
        var labels = new LinkedHashMap<String, String>();
        for (var action : AuditActions.shown()) {
            labels.put(action, text("journal.action." + action, locale));
        }
        return labels;
    }

    private String text(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }
}
