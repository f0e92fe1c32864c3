package fr.guichet.access;

import fr.guichet.account.AccountId;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A person's starred services, listed first and on the home page. */
@Component
class Favourites {

    private final JdbcClient jdbc;
    private final Clock clock;

    Favourites(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    Set<ServiceId> of(AccountId person) {
        return jdbc
                .sql("select service_id from favourite_service where account_id = ?")
                .param(person.value())
                .query(Long.class)
                .list()
                .stream()
                .map(ServiceId::new)
                .collect(Collectors.toSet());
    }

    /** Who starred the service. */
    @Transactional(readOnly = true)
    Set<AccountId> starredBy(ServiceId service) {
        return jdbc
                .sql("select account_id from favourite_service where service_id = ?")
                .param(service.value())
                .query(Long.class)
                .list()
                .stream()
                .map(AccountId::new)
                .collect(Collectors.toSet());
    }

    @Transactional(readOnly = true)
    Set<AccountId> starredAmong(Collection<ServiceId> services, Collection<AccountId> people) {
        if (services.isEmpty() || people.isEmpty()) {
            return Set.of();
        }
        return jdbc
                .sql(
                        "select distinct account_id from favourite_service where service_id in (:services) and account_id in (:people)")
                .param("services", services.stream().map(ServiceId::value).toList())
                .param("people", people.stream().map(AccountId::value).toList())
                .query(Long.class)
                .list()
                .stream()
                .map(AccountId::new)
                .collect(Collectors.toSet());
    }

    /** Idempotent both ways: a double click or a replayed form does no harm. */
    @Transactional
    void mark(AccountId person, ServiceId service, boolean favourite) {
        if (favourite) {
            if (!of(person).contains(service)) {
                jdbc.sql("insert into favourite_service (account_id, service_id, created_at) values (?, ?, ?)")
                        .params(person.value(), service.value(), Timestamp.from(clock.instant()))
                        .update();
            }
        } else {
            jdbc.sql("delete from favourite_service where account_id = ? and service_id = ?")
                    .params(person.value(), service.value())
                    .update();
        }
    }
}
