package fr.guichet.alerts;

import fr.guichet.account.AccountId;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each person's choice per kind of alert, the one place it is written. A kind he never chose
 * reaches him at once: only his choices are stored, so a new kind needs no migration of everyone.
 */
@Service
public class AlertPreferences {

    private static final int IDS_PER_QUERY = 1000;

    private final JdbcClient jdbc;

    AlertPreferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Map<AlertKind, Delivery> of(AccountId person) {
        var choices = new EnumMap<AlertKind, Delivery>(AlertKind.class);
        for (var kind : AlertKind.values()) {
            choices.put(kind, Delivery.IMMEDIATE);
        }
        jdbc.sql("select kind, delivery from alert_preference where account_id = ?")
                .param(person.value())
                .query((rs, n) -> {
                    known(rs.getString(1), rs.getString(2)).ifPresent(c -> choices.put(c.kind(), c.delivery()));
                    return null;
                })
                .list();
        return choices;
    }

    /**
     * Replaces the person's choices with these; a kind left out keeps its choice.
     *
     * @throws AlertRefusal a kind switched off that cannot be
     */
    @Transactional
    public void choose(AccountId person, Map<AlertKind, Delivery> choices) {
        for (var choice : choices.entrySet()) {
            if (!choice.getKey().allows(choice.getValue())) {
                throw new AlertRefusal(AlertRefusal.Reason.CANNOT_BE_OFF, choice.getKey());
            }
        }
        for (var choice : choices.entrySet()) {
            set(person, choice.getKey(), choice.getValue());
        }
    }

    /** The one click of an e-mail's link: this kind no longer reaches him (or, if it awaits him, only in the digest). */
    @Transactional
    public void stop(AccountId person, AlertKind kind) {
        set(person, kind, kind.allows(Delivery.OFF) ? Delivery.OFF : Delivery.DIGEST);
    }

    private void set(AccountId person, AlertKind kind, Delivery delivery) {
        jdbc.sql("delete from alert_preference where account_id = ? and kind = ?")
                .params(person.value(), kind.name())
                .update();
        if (delivery != Delivery.IMMEDIATE) {
            jdbc.sql("insert into alert_preference (account_id, kind, delivery) values (?, ?, ?)")
                    .params(person.value(), kind.name(), delivery.name())
                    .update();
        }
    }

    /** How this kind reaches each of these people, in a query per thousand: an announcement asks for thousands. */
    @Transactional(readOnly = true)
    public Map<AccountId, Delivery> deliveries(AlertKind kind, Collection<AccountId> people) {
        var result = new HashMap<AccountId, Delivery>();
        var ids = people.stream().map(AccountId::value).distinct().toList();
        for (var from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            List<Long> slice = ids.subList(from, Math.min(from + IDS_PER_QUERY, ids.size()));
            for (var id : slice) {
                result.put(new AccountId(id), Delivery.IMMEDIATE);
            }
            jdbc.sql("select account_id, delivery from alert_preference where kind = :kind and account_id in (:ids)")
                    .param("kind", kind.name())
                    .param("ids", slice)
                    .query((rs, n) -> result.put(new AccountId(rs.getLong(1)), Delivery.valueOf(rs.getString(2))))
                    .list();
        }
        return result;
    }

    private record Choice(AlertKind kind, Delivery delivery) {}

    /** A row of a kind a later version removed is ignored, not an error. */
    private static Optional<Choice> known(String kind, String delivery) {
        try {
            return Optional.of(new Choice(AlertKind.valueOf(kind), Delivery.valueOf(delivery)));
        } catch (IllegalArgumentException removed) {
            return Optional.empty();
        }
    }
}
