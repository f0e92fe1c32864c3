package fr.guichet.credits;

import fr.guichet.account.SignedInPerson;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.OrganizationView;
import fr.guichet.organization.Organizations;
import fr.guichet.shared.NotFoundException;
import fr.guichet.shared.ServiceCaller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Credits in the API: connected services (client credentials, scope {@code credits}) post what
 * organisations acquired and consumed, once per movement id of theirs; a supervisor, an agent or
 * such a service reads a statement.
 */
@RestController
@RequestMapping("/api/v1/organizations/{id}/credits")
@Tag(name = "Credits")
class CreditsApi {

    private final Ledger ledger;
    private final CreditsAccess access;
    private final Organizations organizations;

    CreditsApi(Ledger ledger, CreditsAccess access, Organizations organizations) {
        this.ledger = ledger;
        this.access = access;
        this.organizations = organizations;
    }

    /**
     * A movement as a service posts it: its own id (a retry with the same id is harmless), CREDIT or
     * DEBIT, a positive whole amount, the kind of what was consumed (DEBIT), the day (today by
     * default), and for a correction the id of the movement it undoes.
     */
    record PostedMovement(
            @Nullable String id,
            @Nullable Direction direction,
            @Nullable BigDecimal amount,
            @Nullable String kind,
            @Nullable LocalDate date,
            @Nullable String reason,
            @Nullable String corrects) {}

    record MovementAnswer(
            long id,
            String ref,
            Direction direction,
            long amount,
            @Nullable String kind,
            LocalDate date,
            @Nullable String reason,
            @Nullable Long corrects) {

        static MovementAnswer of(Movement m) {
            return new MovementAnswer(
                    m.id(),
                    m.originRef(),
                    m.direction(),
                    m.amount(),
                    m.kindCode(),
                    m.occurredOn(),
                    m.reason(),
                    m.correctsId());
        }
    }

    @PostMapping
    @Operation(
            summary = "Post a credit movement (connected services with the credits scope): 201 when recorded, 200 "
                    + "when this id was already recorded with the same content, 409 when it was with another, "
                    + "400 with the reason when a field is refused")
    ResponseEntity<MovementAnswer> post(
            @AuthenticationPrincipal Object caller,
            @PathVariable("id") long id,
            @RequestBody(required = false) @Nullable PostedMovement body) {
        var service = service(caller);
        if (body == null || body.id() == null || body.direction() == null || body.amount() == null) {
            throw CreditsRefusal.of(List.of("credits.error.incomplete"));
        }
        var posted = ledger.post(
                new OrganizationId(id),
                new NewMovement(
                        body.id(),
                        body.direction(),
                        wholeAmount(body.amount()),
                        body.kind(),
                        body.date() == null ? ledger.today() : body.date(),
                        body.reason(),
                        body.corrects()),
                Movement.SERVICE + service.clientId(),
                body.date() != null);
        return ResponseEntity.status(posted.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(MovementAnswer.of(posted.movement()));
    }

    record StatementAnswer(
            long organizationId,
            long balanceHolderId,
            LocalDate from,
            LocalDate to,
            long openingBalance,
            long acquired,
            long consumed,
            List<Statement.Consumption> consumedByKind,
            long closingBalance,
            long balanceYesterday) {}

    @GetMapping
    @Operation(
            summary = "The statement of a period (LAST_MONTH, LAST_3_MONTHS — the default —, LAST_6_MONTHS, "
                    + "LAST_12_MONTHS) and the balance at yesterday's end: the organisation's supervisors with "
                    + "\"view credits\", agents, connected services with the credits scope")
    StatementAnswer statement(
            @AuthenticationPrincipal Object caller,
            @PathVariable("id") long id,
            @RequestParam(name = "period", required = false) @Nullable String period,
            Locale locale) {
        var organization = caller instanceof SignedInPerson person
                ? access.readable(person.accountId(), new OrganizationId(id))
                : readableByService(caller, id);
        var today = ledger.today();
        var statement = ledger.statement(
                organization, StatementPeriod.Choice.parse(period).endingBefore(today), locale);
        return new StatementAnswer(
                organization.id().value(),
                statement.holder().id().value(),
                statement.period().from(),
                statement.period().to(),
                statement.opening(),
                statement.acquired(),
                statement.consumedTotal(),
                statement.consumed(),
                statement.closing(),
                ledger.balanceAt(organization, today.minusDays(1)));
    }

    private OrganizationView readableByService(@Nullable Object caller, long id) {
        service(caller);
        return organizations.find(new OrganizationId(id)).orElseThrow(NotFoundException::new);
    }

    /** Whole credits only: a JSON number with a fraction would otherwise be cut to its whole part. */
    private static long wholeAmount(BigDecimal amount) {
        try {
            return amount.longValueExact();
        } catch (ArithmeticException notWhole) {
            throw CreditsRefusal.of(List.of("credits.error.amount"));
        }
    }

    private static ServiceCaller service(@Nullable Object caller) {
        if (caller instanceof ServiceCaller service && service.may(ServiceCaller.CREDITS)) {
            return service;
        }
        throw new AccessDeniedException("only a connected service with the credits scope");
    }
}
