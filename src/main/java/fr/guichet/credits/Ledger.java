package fr.guichet.credits;

import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.OrganizationView;
import fr.guichet.organization.Organizations;
import fr.guichet.shared.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one write path of the credits ledger, and what is read from it. A movement is only ever
 * added: a mistake is undone by a counter-movement that names it. Which movements make a balance
 * depends on the tree: one balance for the whole establishment (the default), or one per
 * organisation.
 */
@Service
public class Ledger {

    /** What the ledger says back to a poster: the movement, and whether this call recorded it. */
    public record Posted(Movement movement, boolean created) {}

    /** A kind of consumption, named in the reader's language. */
    public record Kind(String code, String label) {}

    private final JdbcClient jdbc;
    private final Organizations organizations;
    private final Clock clock;

    Ledger(JdbcClient jdbc, Organizations organizations, Clock clock) {
        this.jdbc = jdbc;
        this.organizations = organizations;
        this.clock = clock;
    }

    /** Today in the agency’s time zone: the calendar of statements and balances. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * Records a movement once per poster's reference: the same one posted again (a retry) is
     * answered with what was recorded; another one under a used reference is refused.
     */
    @Transactional
    public Posted post(OrganizationId organizationId, NewMovement movement, String origin) {
        return post(organizationId, movement, origin, true);
    }

    /**
     * The same, for a poster who may have left the day to Guichet ({@code dateGiven} false: today):
     * his retry on another day is still the same movement.
     */
    @Transactional
    public Posted post(OrganizationId organizationId, NewMovement movement, String origin, boolean dateGiven) {
        var organization = organizations.find(organizationId).orElseThrow(NotFoundException::new);
        var problems = movement.problems(kindCodes(), today());
        if (!problems.isEmpty()) {
            throw CreditsRefusal.of(problems);
        }
        var earlier = find(origin, movement.ref());
        if (earlier.isPresent()) {
            return answer(earlier.get(), organization, movement, dateGiven);
        }
        var kind = movement.kindCode();
        Long corrects = null;
        if (movement.correctsRef() != null) {
            var corrected = find(origin, movement.correctsRef())
                    .filter(m -> m.organizationId() == organization.id().value())
                    .orElseThrow(() -> CreditsRefusal.of(List.of("credits.error.corrects")));
            mayCorrect(corrected, movement);
            kind = corrected.kindCode();
            corrects = corrected.id();
        }
        var recorded = insertRow(
                organization.id().value(), organization.establishmentId().value(), movement, kind, origin, corrects);
        if (!recorded) {
            // another call took the reference, or corrected the same movement, at the same moment
            return find(origin, movement.ref())
                    .map(other -> answer(other, organization, movement, dateGiven))
                    .orElseThrow(() -> CreditsRefusal.of(List.of("credits.error.already-corrected")));
        }
        return new Posted(find(origin, movement.ref()).orElseThrow(), true);
    }

    private Posted answer(Movement recorded, OrganizationView organization, NewMovement posted, boolean dateGiven) {
        var same = recorded.organizationId() == organization.id().value()
                && recorded.direction() == posted.direction()
                && recorded.amount() == posted.amount()
                && (!dateGiven || recorded.occurredOn().equals(posted.occurredOn()))
                && (posted.correctsRef() == null
                        ? recorded.correctsId() == null && Objects.equals(recorded.kindCode(), posted.kindCode())
                        : recorded.correctsId() != null
                                && find(recorded.correctsId()).originRef().equals(posted.correctsRef()));
        if (!same) {
            throw CreditsRefusal.of(List.of("credits.error.ref-used"));
        }
        return new Posted(recorded, false);
    }

    /** A counter-movement goes the other way, not beyond the amount, and undoes a movement once. */
    private void mayCorrect(Movement corrected, NewMovement counter) {
        if (corrected.correctsId() != null
                || counter.direction() != corrected.direction().opposite()
                || counter.amount() > corrected.amount()) {
            throw CreditsRefusal.of(List.of("credits.error.correction"));
        }
        if (isCorrected(corrected.id())) {
            throw CreditsRefusal.of(List.of("credits.error.already-corrected"));
        }
    }

    /**
     * An agent undoes a movement of the balance this organisation's statement shows (a
     * sub-organisation's, on a tree's one balance), by its whole amount, today; once.
     */
    @Transactional
    Movement correct(OrganizationView organization, long movementId, String reason, String origin) {
        var scope = scope(holderOf(organization));
        var corrected = jdbc.sql("select * from credit_movement where id = :id and " + scope.condition())
                .param("id", movementId)
                .param("holder", scope.id())
                .query(Ledger::movement)
                .optional()
                .orElseThrow(() -> CreditsRefusal.of(List.of("credits.error.corrects")));
        var counter = new NewMovement(
                UUID.randomUUID().toString(),
                corrected.direction().opposite(),
                corrected.amount(),
                corrected.kindCode(),
                today(),
                reason,
                corrected.originRef());
        var problems = counter.problems(kindCodes(), today());
        if (!problems.isEmpty()) {
            throw CreditsRefusal.of(problems);
        }
        mayCorrect(corrected, counter);
        var establishment = jdbc.sql("select establishment_id from credit_movement where id = :id")
                .param("id", corrected.id())
                .query(Long.class)
                .single();
        if (!insertRow(
                corrected.organizationId(), establishment, counter, corrected.kindCode(), origin, corrected.id())) {
            throw CreditsRefusal.of(List.of("credits.error.already-corrected"));
        }
        return find(origin, counter.ref()).orElseThrow();
    }

    boolean isCorrected(long id) {
        return jdbc.sql("select count(*) from credit_movement where corrects_id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /**
     * False when a unique rule stopped it (the reference taken, the movement already corrected): it
     * does not abort the transaction it runs in, so the caller may read what is there instead.
     */
    private boolean insertRow(
            long organizationId,
            long establishmentId,
            NewMovement movement,
            @Nullable String kind,
            String origin,
            @Nullable Long corrects) {
        return jdbc.sql("""
                        insert into credit_movement (organization_id, establishment_id, direction, amount, kind_code,
                            occurred_on, recorded_at, origin, origin_ref, reason, corrects_id)
                        values (:organization, :establishment, :direction, :amount, :kind, :day, :now, :origin, :ref,
                            :reason, :corrects)
                        on conflict do nothing
                        """)
                        .param("organization", organizationId)
                        .param("establishment", establishmentId)
                        .param("direction", movement.direction().name())
                        .param("amount", movement.amount())
                        .param("kind", kind)
                        .param("day", movement.occurredOn())
                        .param("now", java.sql.Timestamp.from(clock.instant()))
                        .param("origin", origin)
                        .param("ref", movement.ref())
                        .param("reason", movement.reason())
                        .param("corrects", corrects)
                        .update()
                == 1;
    }

    Optional<Movement> find(String origin, String ref) {
        return jdbc.sql("select * from credit_movement where origin = :origin and origin_ref = :ref")
                .param("origin", origin)
                .param("ref", ref)
                .query(Ledger::movement)
                .optional();
    }

    Movement find(long id) {
        return jdbc.sql("select * from credit_movement where id = :id")
                .param("id", id)
                .query(Ledger::movement)
                .single();
    }

    Set<String> kindCodes() {
        return Set.copyOf(
                jdbc.sql("select code from credit_kind").query(String.class).list());
    }

    public List<Kind> kinds(Locale locale) {
        var column = "en".equals(locale.getLanguage()) ? "label_en" : "label_fr";
        return jdbc.sql("select code, " + column + " from credit_kind order by position, code")
                .query((rs, n) -> new Kind(rs.getString(1), rs.getString(2)))
                .list();
    }

    // ---- what balances are made of ----

    /** Whether the organisation's sub-organisations each keep a balance of their own. */
    @Transactional(readOnly = true)
    public boolean separateBalances(OrganizationId establishment) {
        return jdbc.sql("select separate from credit_tree_setting where establishment_id = :id")
                .param("id", establishment.value())
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    @Transactional
    void setSeparateBalances(OrganizationId establishment, boolean separate) {
        // two first choices at once: one inserts, both update
        jdbc.sql(
                        "insert into credit_tree_setting (establishment_id, separate) values (:id, :separate) on conflict do nothing")
                .param("separate", separate)
                .param("id", establishment.value())
                .update();
        jdbc.sql("update credit_tree_setting set separate = :separate where establishment_id = :id")
                .param("separate", separate)
                .param("id", establishment.value())
                .update();
    }

    /** The organisation whose balance this one draws on: itself, or its establishment for a shared tree. */
    public OrganizationView holderOf(OrganizationView organization) {
        if (organization.establishment() || separateBalances(organization.establishmentId())) {
            return organization;
        }
        return organizations.find(organization.establishmentId()).orElse(organization);
    }

    /** The SQL condition and its value that pick the movements of a holder's balance. */
    private record Scope(String condition, long id) {}

    private Scope scope(OrganizationView holder) {
        return holder.establishment() && !separateBalances(holder.id())
                ? new Scope("establishment_id = :holder", holder.id().value())
                : new Scope("organization_id = :holder", holder.id().value());
    }

    /** The balance of what the organisation draws on, at the end of that day. */
    @Transactional(readOnly = true)
    public long balanceAt(OrganizationView organization, LocalDate day) {
        var scope = scope(holderOf(organization));
        return jdbc.sql("select coalesce(sum(case when direction = 'CREDIT' then amount else -amount end), 0) "
                        + "from credit_movement where " + scope.condition() + " and occurred_on <= :day")
                .param("holder", scope.id())
                .param("day", day)
                .query(Long.class)
                .single();
    }

    /** The statement of a period, laid out as supervisors read it. */
    @Transactional(readOnly = true)
    public Statement statement(OrganizationView organization, StatementPeriod period, Locale locale) {
        var holder = holderOf(organization);
        var scope = scope(holder);
        var opening = balanceAt(holder, period.from().minusDays(1));
        // a movement with a kind is a consumption (or its correction), one without an acquisition (or its)
        var sums = new LinkedHashMap<String, Long>();
        jdbc.sql("select coalesce(kind_code, ''), sum(case when direction = 'CREDIT' then amount else -amount end) "
                        + "from credit_movement where " + scope.condition()
                        + " and occurred_on between :from and :to group by coalesce(kind_code, '')")
                .param("holder", scope.id())
                .param("from", period.from())
                .param("to", period.to())
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .list()
                .forEach(e -> sums.put(e.getKey(), e.getValue()));
        var acquired = sums.getOrDefault("", 0L);
        var consumed = kinds(locale).stream()
                .map(k -> new Statement.Consumption(k.code(), k.label(), -sums.getOrDefault(k.code(), 0L)))
                .toList();
        var movements = jdbc.sql("select * from credit_movement where " + scope.condition()
                        + " and occurred_on between :from and :to order by occurred_on desc, id desc limit "
                        + (Statement.MOVEMENTS_SHOWN + 1))
                .param("holder", scope.id())
                .param("from", period.from())
                .param("to", period.to())
                .query(Ledger::movement)
                .list();
        return new Statement(holder, period, opening, acquired, consumed, movements, corrected(movements));
    }

    /** Every movement of the holder's balance in the period, oldest first: what the CSV holds. */
    @Transactional(readOnly = true)
    public List<Movement> movements(OrganizationView holder, StatementPeriod period) {
        var scope = scope(holder);
        return jdbc.sql("select * from credit_movement where " + scope.condition()
                        + " and occurred_on between :from and :to order by occurred_on, id")
                .param("holder", scope.id())
                .param("from", period.from())
                .param("to", period.to())
                .query(Ledger::movement)
                .list();
    }

    /** Which of these movements a counter-movement already undid. */
    Set<Long> corrected(List<Movement> movements) {
        if (movements.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("select corrects_id from credit_movement where corrects_id in (:ids)")
                .param("ids", movements.stream().map(Movement::id).toList())
                .query(Long.class)
                .list());
    }

    /** Every establishment's balance today, for the agency. */
    @Transactional(readOnly = true)
    Map<Long, Long> establishmentBalances() {
        return jdbc
                .sql("select establishment_id, sum(case when direction = 'CREDIT' then amount else -amount end) "
                        + "from credit_movement group by establishment_id")
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getLong(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static Movement movement(ResultSet rs, int row) throws SQLException {
        return new Movement(
                rs.getLong("id"),
                rs.getLong("organization_id"),
                Direction.valueOf(rs.getString("direction")),
                rs.getLong("amount"),
                rs.getString("kind_code"),
                rs.getObject("occurred_on", LocalDate.class),
                rs.getTimestamp("recorded_at").toInstant(),
                rs.getString("origin"),
                rs.getString("origin_ref"),
                rs.getString("reason"),
                nullableLong(rs, "corrects_id"));
    }

    private static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
        var value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
