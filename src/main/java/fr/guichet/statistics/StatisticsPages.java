package fr.guichet.statistics;

import fr.guichet.account.Accounts;
import fr.guichet.account.SignedInPerson;
import fr.guichet.organization.OrganizationView;
import fr.guichet.organization.Organizations;
import fr.guichet.shared.FileResponses;
import fr.guichet.statistics.Report.Line;
import fr.guichet.statistics.StatisticsQueries.Scope;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Statistiques": an organisation's (and its subtree's) for its supervisors and the agency's staff,
 * the whole agency's with the establishments ranked for the staff; each over a chosen period, as
 * a page with charts and their tables, a print view and a CSV.
 */
@Controller
class StatisticsPages {

    /** The period as the chooser's query asks for it: {@code ?periode=3}, or {@code ?periode=custom&du=…&au=…}. */
    record Asked(
            @Nullable String periode,
            @Nullable String du,
            @Nullable String au) {}

    private final StatisticsAccess access;
    private final StatisticsQueries queries;
    private final Rankings rankings;
    private final StatisticsExport export;
    private final Organizations organizations;
    private final Accounts accounts;
    private final MessageSource messages;
    private final Clock clock;
    private final AgencyFigures agencyFigures;

    StatisticsPages(
            StatisticsAccess access,
            StatisticsQueries queries,
            Rankings rankings,
            StatisticsExport export,
            Organizations organizations,
            Accounts accounts,
            MessageSource messages,
            Clock clock,
            AgencyFigures agencyFigures) {
        this.agencyFigures = agencyFigures;
        this.access = access;
        this.queries = queries;
        this.rankings = rankings;
        this.export = export;
        this.organizations = organizations;
        this.accounts = accounts;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/organisations/{id}/statistiques")
    String organization(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            Asked asked,
            @RequestParam(name = "impression", required = false) @Nullable String print,
            Model model,
            Locale locale) {
        var organization = access.require(person.accountId(), id);
        model.addAttribute("organization", organization);
        return page(scope(organization), "/organisations/" + id + "/statistiques", false, asked, print, model, locale);
    }

    @GetMapping("/organisations/{id}/statistiques.csv")
    ResponseEntity<byte[]> organizationCsv(
            @AuthenticationPrincipal SignedInPerson person, @PathVariable("id") long id, Asked asked, Locale locale) {
        var organization = access.require(person.accountId(), id);
        return csv(scope(organization), "statistiques-" + id, false, readable(asked), locale);
    }

    @GetMapping("/agence/statistiques")
    String agency(
            @AuthenticationPrincipal SignedInPerson person,
            Asked asked,
            @RequestParam(name = "impression", required = false) @Nullable String print,
            Model model,
            Locale locale) {
        accounts.requireStaff(person);
        return page(agencyScope(locale), "/agence/statistiques", true, asked, print, model, locale);
    }

    @GetMapping("/agence/statistiques.csv")
    ResponseEntity<byte[]> agencyCsv(@AuthenticationPrincipal SignedInPerson person, Asked asked, Locale locale) {
        accounts.requireStaff(person);
        return csv(agencyScope(locale), "statistiques-agence", true, readable(asked), locale);
    }

    /** The period asked for; one that cannot be read is said next to the chooser, and the default shown. */
    private Period period(Asked asked, Model model) {
        var today = LocalDate.now(clock);
        model.addAttribute("from", asked.du());
        model.addAttribute("to", asked.au());
        try {
            return Period.of(asked.periode(), asked.du(), asked.au(), today);
        } catch (CountsRefused refused) {
            model.addAttribute("periodProblem", refused.messageKey());
            model.addAttribute("periodArgument", refused.arguments().length > 0 ? refused.arguments()[0] : "");
            return Period.of(null, null, null, today);
        }
    }

    /** For the CSV, which has nowhere to say it: a period that cannot be read is the default one. */
    private Period readable(Asked asked) {
        var today = LocalDate.now(clock);
        try {
            return Period.of(asked.periode(), asked.du(), asked.au(), today);
        } catch (CountsRefused refused) {
            return Period.of(null, null, null, today);
        }
    }

    /** The page of a scope; the agency's ranks its establishments. */
    private String page(
            Scope scope, String base, boolean agency, Asked asked, @Nullable String print, Model model, Locale locale) {
        var period = period(asked, model);
        var figures = figures(scope, agency, period, locale);
        var report = figures.report();
        model.addAttribute("base", base);
        model.addAttribute("report", report);
        model.addAttribute("rankings", figures.rankings());
        model.addAttribute(
                "computedAt",
                agency ? figures.computedAt().atZone(clock.getZone()).toLocalTime() : null);
        model.addAttribute("period", report.period());
        model.addAttribute("choices", Period.MONTH_CHOICES);
        model.addAttribute("charts", charts(report, locale));
        model.addAttribute("print", print != null);
        return print != null ? "statistics/print" : "statistics/page";
    }

    /** The charts of a page, in its order: each is followed by its table. */
    private List<Chart> charts(Report report, Locale locale) {
        var charts = new ArrayList<Chart>();
        var a = report.access();
        charts.add(Chart.bars(
                "chart-access",
                text("statistics.access.chart", locale),
                List.of(
                        Line.of(text("statistics.access.requested", locale), a.requested()),
                        Line.of(text("statistics.access.granted", locale), a.granted()),
                        Line.of(text("statistics.access.accepted", locale), a.accepted()),
                        Line.of(text("statistics.access.refused", locale), a.refused()))));
        var t = report.tickets();
        charts.add(Chart.bars("chart-status", text("statistics.tickets.by-status", locale), t.byStatus()));
        charts.add(Chart.bars("chart-nature", text("statistics.tickets.by-nature", locale), t.byNature()));
        charts.add(Chart.bars("chart-priority", text("statistics.tickets.by-priority", locale), t.byPriority()));
        charts.add(Chart.bars("chart-product", text("statistics.tickets.by-product", locale), t.byProduct()));
        charts.add(Chart.months(
                "chart-months-filed",
                text("statistics.months.filed-chart", locale),
                report.months().stream()
                        .map(m -> Line.of(m.label(), m.amount()))
                        .toList()));
        charts.add(Chart.months(
                "chart-months-active",
                text("statistics.months.active-chart", locale),
                report.months().stream()
                        .map(m -> Line.of(m.label(), m.fourth()))
                        .toList()));
        charts.add(Chart.bars("chart-services", text("statistics.services.heading", locale), report.serviceCounts()));
        return charts;
    }

    private Scope scope(OrganizationView organization) {
        var subtree = organizations.subtree(organization.id()).stream()
                .map(o -> o.id().value())
                .toList();
        return new Scope(organization.name(), subtree);
    }

    private Scope agencyScope(Locale locale) {
        return new Scope(text("statistics.agency.scope", locale), null);
    }

    /** The agency's figures are kept a few minutes; an organisation's are read as they are. */
    private AgencyFigures.Figures figures(Scope scope, boolean agency, Period period, Locale locale) {
        if (!agency) {
            return new AgencyFigures.Figures(queries.report(scope, period, locale), List.of(), clock.instant());
        }
        return agencyFigures.of(
                period,
                locale,
                () -> new AgencyFigures.Figures(
                        queries.report(scope, period, locale), rankings.of(period, locale), clock.instant()));
    }

    private ResponseEntity<byte[]> csv(Scope scope, String name, boolean agency, Period period, Locale locale) {
        var figures = figures(scope, agency, period, locale);
        var content = export.csv(figures.report(), figures.rankings(), locale);
        var fileName = name + "-" + period.from() + "-" + period.to() + ".csv";
        return FileResponses.csv(fileName).body(content);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
