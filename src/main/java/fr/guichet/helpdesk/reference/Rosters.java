package fr.guichet.helpdesk.reference;

import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.account.PersonView;
import fr.guichet.shared.NotFoundException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The named groups of people tickets are handed to: the agency's teams (staff only) and the
 * contractor companies (their agents need not be staff). Both are a name and a list of accounts.
 */
@Service
class Rosters {

    /** The two kinds of roster, with their tables. Table names are constants, never typed by anyone. */
    enum Kind {
        TEAM("team", "team_member", "team_id", "reference.team"),
        CONTRACTOR("contractor", "contractor_agent", "contractor_id", "reference.contractor");

        final String table;
        final String members;
        final String key;
        final String messages;

        Kind(String table, String members, String key, String messages) {
            this.table = table;
            this.members = members;
            this.key = key;
            this.messages = messages;
        }
    }

    record Roster(long id, String name, long members) {}

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final ReferenceLog log;

    Rosters(JdbcClient jdbc, Accounts accounts, ReferenceLog log) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.log = log;
    }

    @Transactional(readOnly = true)
    List<Roster> all(Kind kind) {
        return jdbc.sql("select r.id, r.name, (select count(*) from " + kind.members + " m where m." + kind.key
                        + " = r.id) as members" + " from " + kind.table + " r order by r.name")
                .query(Roster.class)
                .list();
    }

    @Transactional(readOnly = true)
    Optional<Roster> find(Kind kind, long id) {
        return all(kind).stream().filter(r -> r.id() == id).findFirst();
    }

    @Transactional(readOnly = true)
    List<PersonView> members(Kind kind, long id) {
        return jdbc
                .sql("select account_id from " + kind.members + " where " + kind.key + " = ?")
                .param(id)
                .query(Long.class)
                .list()
                .stream()
                .flatMap(a -> accounts.find(new AccountId(a)).stream())
                .sorted(Comparator.comparing(PersonView::lastName, String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(PersonView::firstName, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    @Transactional
    long create(AccountId actor, Kind kind, String name) {
        var clean = name.strip();
        requireFree(kind, clean, -1);
        var key = new GeneratedKeyHolder();
        try {
            jdbc.sql("insert into " + kind.table + " (name) values (?)")
                    .param(clean)
                    .update(key, "id");
        } catch (DuplicateKeyException raced) {
            throw new ReferenceRefused("name", kind.messages + ".name-taken", clean);
        }
        var id = key.getKey().longValue();
        log.changed(actor, kind + "_CREATED", kind.table + " " + id + ": " + clean, null);
        return id;
    }

    @Transactional
    void rename(AccountId actor, Kind kind, long id, String name) {
        var before = find(kind, id).orElseThrow(NotFoundException::new);
        var clean = name.strip();
        requireFree(kind, clean, id);
        try {
            jdbc.sql("update " + kind.table + " set name = ? where id = ?")
                    .params(clean, id)
                    .update();
        } catch (DuplicateKeyException raced) {
            throw new ReferenceRefused("name", kind.messages + ".name-taken", clean);
        }
        log.changed(actor, kind + "_RENAMED", kind.table + " " + id + ": " + clean, before.name() + " → " + clean);
    }

    private void requireFree(Kind kind, String name, long except) {
        if (jdbc.sql("select count(*) from " + kind.table + " where lower(name) = lower(?) and id <> ?")
                        .params(name, except)
                        .query(Long.class)
                        .single()
                > 0) {
            throw new ReferenceRefused("name", kind.messages + ".name-taken", name);
        }
    }

    /** A team takes only the agency's staff; a contractor's agent is any account. */
    @Transactional
    void add(AccountId actor, Kind kind, long id, String email) {
        var roster = find(kind, id).orElseThrow(NotFoundException::new);
        var person = accounts.findByEmail(email)
                .orElseThrow(() -> new ReferenceRefused("email", "reference.person.unknown", email.strip()));
        if (kind == Kind.TEAM && !accounts.isStaff(person.id())) {
            throw new ReferenceRefused("email", "reference.team.not-staff", person.email());
        }
        if (jdbc.sql("select count(*) from " + kind.members + " where " + kind.key + " = ? and account_id = ?")
                        .params(id, person.id().value())
                        .query(Long.class)
                        .single()
                > 0) {
            throw new ReferenceRefused("email", kind.messages + ".already", person.email());
        }
        try {
            jdbc.sql("insert into " + kind.members + " (" + kind.key + ", account_id) values (?, ?)")
                    .params(id, person.id().value())
                    .update();
        } catch (DuplicateKeyException raced) {
            throw new ReferenceRefused("email", kind.messages + ".already", person.email());
        }
        log.changed(
                actor,
                kind + "_MEMBER_ADDED",
                kind.table + " " + id + ": " + roster.name(),
                "account " + person.id().value());
    }

    @Transactional
    void remove(AccountId actor, Kind kind, long id, long account) {
        var roster = find(kind, id).orElseThrow(NotFoundException::new);
        if (jdbc.sql("delete from " + kind.members + " where " + kind.key + " = ? and account_id = ?")
                        .params(id, account)
                        .update()
                == 0) {
            throw new NotFoundException();
        }
        log.changed(
                actor, kind + "_MEMBER_REMOVED", kind.table + " " + id + ": " + roster.name(), "account " + account);
    }
}
