package fr.guichet.credits;

import fr.guichet.account.Accounts;
import fr.guichet.account.PersonView;
import fr.guichet.account.SignedInPerson;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.OrganizationView;
import fr.guichet.shared.ClientAddress;
import fr.guichet.shared.SpreadsheetCsv;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Gestion des points": an organisation's statement over a chosen period, its CSV and print view,
 * the statement by e-mail, and the agents' hand: crediting the organisation, correcting a movement.
 */
@Controller
class CreditsPages {

    private static final DateTimeFormatter FRENCH_DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final CreditsAccess access;
    private final Ledger ledger;
    private final StatementMails mails;
    private final CreditActs acts;
    private final MessageSource messages;
    private final Accounts accounts;

    CreditsPages(
            CreditsAccess access,
            Ledger ledger,
            StatementMails mails,
            CreditActs acts,
            MessageSource messages,
            Accounts accounts) {
        this.accounts = accounts;
        this.access = access;
        this.ledger = ledger;
        this.mails = mails;
        this.acts = acts;
        this.messages = messages;
    }

    @GetMapping("/organisations/{id}/points")
    String statement(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @RequestParam(name = "periode", required = false) @Nullable String choice,
            Model model,
            Locale locale) {
        return page(person, id, choice, model, locale, false);
    }

    @GetMapping("/organisations/{id}/points/impression")
    String print(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @RequestParam(name = "periode", required = false) @Nullable String choice,
            Model model,
            Locale locale) {
        return page(person, id, choice, model, locale, true);
    }

    private String page(
            SignedInPerson person, long id, @Nullable String choice, Model model, Locale locale, boolean print) {
        var organization = access.readable(person.accountId(), new OrganizationId(id));
        var chosen = StatementPeriod.Choice.parse(choice);
        var statement = ledger.statement(organization, chosen.endingBefore(ledger.today()), locale);
        model.addAttribute("organization", organization);
        model.addAttribute("statement", statement);
        model.addAttribute("choice", chosen);
        model.addAttribute("choices", StatementPeriod.Choice.values());
        model.addAttribute("print", print);
        model.addAttribute(
                "frequency",
                mails.frequency(organization.id(), person.accountId()).orElse(null));
        model.addAttribute("frequencies", Frequency.values());
        model.addAttribute(
                "email",
                accounts.find(person.accountId()).map(PersonView::email).orElse(""));
        model.addAttribute("agent", access.agent(person.accountId()));
        model.addAttribute("seesHome", access.seesHome(person.accountId(), organization.id()));
        model.addAttribute("mayChooseTree", access.mayChooseTree(person.accountId(), organization));
        model.addAttribute("separate", ledger.separateBalances(organization.establishmentId()));
        model.addAttribute(
                "kindLabels",
                ledger.kinds(locale).stream().collect(Collectors.toMap(Ledger.Kind::code, Ledger.Kind::label)));
        model.addAttribute("today", ledger.today());
        return "credits/statement";
    }

    @GetMapping("/organisations/{id}/points.csv")
    ResponseEntity<byte[]> csv(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @RequestParam(name = "periode", required = false) @Nullable String choice,
            Locale locale) {
        var organization = access.readable(person.accountId(), new OrganizationId(id));
        var period = StatementPeriod.Choice.parse(choice).endingBefore(ledger.today());
        var statement = ledger.statement(organization, period, locale);
        var csv = new SpreadsheetCsv()
                .row(
                        text("credits.csv.organization", locale),
                        statement.holder().name())
                .row(
                        text("credits.csv.period", locale),
                        FRENCH_DAY.format(period.from()),
                        FRENCH_DAY.format(period.to()))
                .row(text("credits.csv.line", locale), text("credits.debit", locale), text("credits.credit", locale))
                .row(
                        text(
                                "credits.opening",
                                locale,
                                FRENCH_DAY.format(period.from().minusDays(1))),
                        "",
                        statement.opening())
                .row(text("credits.acquired", locale), "", statement.acquired())
                .row(text("credits.consumed", locale), statement.consumedTotal(), "");
        statement.consumed().forEach(c -> csv.row(c.label(), c.amount(), ""));
        csv.row(text("credits.closing", locale, FRENCH_DAY.format(period.to())), "", statement.closing());
        csv.row();
        csv.row(
                text("credits.movement.day", locale),
                text("credits.movement.direction", locale),
                text("credits.movement.amount", locale),
                text("credits.movement.kind", locale),
                text("credits.movement.origin", locale),
                text("credits.movement.reason", locale));
        var labels = ledger.kinds(locale).stream().collect(Collectors.toMap(Ledger.Kind::code, Ledger.Kind::label));
        ledger.movements(statement.holder(), period)
                .forEach(m -> csv.row(
                        FRENCH_DAY.format(m.occurredOn()),
                        text("credits.direction." + m.direction(), locale),
                        m.amount(),
                        m.kindCode() == null ? "" : labels.getOrDefault(m.kindCode(), m.kindCode()),
                        origin(m, locale),
                        m.reason() == null ? "" : m.reason()));
        var name = "points-" + id + "-" + period.from() + "-" + period.to() + ".csv";
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name).build().toString())
                .body(csv.bytes());
    }

    @PostMapping("/organisations/{id}/points/releve")
    String chooseFrequency(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @RequestParam(name = "frequence", required = false) @Nullable String frequency,
            RedirectAttributes redirect) {
        var organization = access.readable(person.accountId(), new OrganizationId(id));
        Frequency chosen = null;
        if (frequency != null && !frequency.isBlank() && !"OFF".equals(frequency)) {
            try {
                chosen = Frequency.valueOf(frequency);
            } catch (IllegalArgumentException e) {
                redirect.addFlashAttribute("refusal", "credits.error.frequency");
                return back(organization);
            }
        }
        mails.choose(organization.id(), person.accountId(), chosen);
        redirect.addFlashAttribute(
                "saved", chosen == null ? "credits.statement-mail.off-saved" : "credits.statement-mail.saved");
        return back(organization);
    }

    @PostMapping("/organisations/{id}/points/credit")
    String credit(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @RequestParam(name = "montant", required = false) @Nullable String amount,
            @RequestParam(name = "date", required = false) @Nullable String day,
            @RequestParam(name = "motif", required = false) @Nullable String reason,
            RedirectAttributes redirect,
            HttpServletRequest request) {
        var organization = access.forAgent(person.accountId(), new OrganizationId(id));
        var parsedAmount = parseAmount(amount);
        var parsedDay = parseDay(day);
        if (parsedAmount == null || parsedDay == null || reason == null || reason.isBlank()) {
            redirect.addFlashAttribute(
                    "refusal",
                    parsedAmount == null
                            ? "credits.error.amount"
                            : parsedDay == null ? "credits.error.day" : "credits.error.reason-required");
            return back(organization);
        }
        try {
            acts.credit(
                    person.accountId(),
                    organization,
                    new NewMovement(
                            UUID.randomUUID().toString(),
                            Direction.CREDIT,
                            parsedAmount,
                            null,
                            parsedDay,
                            reason.strip(),
                            null),
                    ClientAddress.of(request));
            redirect.addFlashAttribute("saved", "credits.credited");
        } catch (CreditsRefusal refusal) {
            redirect.addFlashAttribute("refusal", refusal.messageKeys().get(0));
        }
        return back(organization);
    }

    @PostMapping("/organisations/{id}/points/mouvements/{movement}/correction")
    String correct(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @PathVariable("movement") long movement,
            @RequestParam(name = "motif", required = false) @Nullable String reason,
            RedirectAttributes redirect,
            HttpServletRequest request) {
        var organization = access.forAgent(person.accountId(), new OrganizationId(id));
        if (reason == null || reason.isBlank()) {
            redirect.addFlashAttribute("refusal", "credits.error.reason-required");
            return back(organization);
        }
        return attempt(
                organization,
                redirect,
                "credits.corrected",
                () -> acts.correct(
                        person.accountId(), organization, movement, reason.strip(), ClientAddress.of(request)));
    }

    @PostMapping("/organisations/{id}/points/arbre")
    String chooseTree(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @RequestParam(name = "soldes", required = false) @Nullable String balances,
            RedirectAttributes redirect,
            HttpServletRequest request) {
        var organization = access.readable(person.accountId(), new OrganizationId(id));
        if (!access.mayChooseTree(person.accountId(), organization)) {
            throw new org.springframework.security.access.AccessDeniedException("not the tree's to choose");
        }
        if (!"SEPARATE".equals(balances) && !"SHARED".equals(balances)) {
            redirect.addFlashAttribute("refusal", "credits.error.tree");
            return back(organization);
        }
        acts.chooseTree(person.accountId(), organization, "SEPARATE".equals(balances), ClientAddress.of(request));
        redirect.addFlashAttribute("saved", "credits.tree.saved");
        return back(organization);
    }

    /** An agent's act: done and said so, or refused with the reason, back on the statement either way. */
    private static String attempt(
            OrganizationView organization, RedirectAttributes redirect, String savedKey, Runnable act) {
        try {
            act.run();
            redirect.addFlashAttribute("saved", savedKey);
        } catch (CreditsRefusal refusal) {
            redirect.addFlashAttribute("refusal", refusal.messageKeys().get(0));
        }
        return back(organization);
    }

    private static String back(OrganizationView organization) {
        return "redirect:/organisations/" + organization.id().value() + "/points";
    }

    private static @Nullable Long parseAmount(@Nullable String amount) {
        if (amount == null || !amount.strip().matches("[0-9]{1,10}")) {
            return null;
        }
        var value = Long.parseLong(amount.strip());
        return value > 0 && value <= NewMovement.MAX_AMOUNT ? value : null;
    }

    private @Nullable LocalDate parseDay(@Nullable String day) {
        if (day == null || day.isBlank()) {
            return ledger.today();
        }
        try {
            return LocalDate.parse(day.strip());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    /** Who posted it, as a supervisor reads it: the agency, or the connected service. */
    private String origin(Movement movement, Locale locale) {
        return movement.byAgent() ? text("credits.origin.agency", locale) : movement.poster();
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
