package fr.guichet.documents;

import fr.guichet.account.AccountId;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who does not want to hear of a space's new files. Stored as opt-outs: a new reader is subscribed
 * without anything being written for him.
 */
@Component
class Subscriptions {

    private final JdbcClient jdbc;

    Subscriptions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean isUnsubscribed(String ownerKind, long ownerId, AccountId person) {
        return jdbc.sql("""
                select count(*) from document_unsubscription
                where owner_kind = :kind and owner_id = :owner and account_id = :account""")
                        .param("kind", ownerKind)
                        .param("owner", ownerId)
                        .param("account", person.value())
                        .query(Long.class)
                        .single()
                > 0;
    }

    Set<Long> unsubscribedFrom(String ownerKind, long ownerId) {
        return new HashSet<>(jdbc.sql(
                        "select account_id from document_unsubscription where owner_kind = :kind and owner_id = :owner")
                .param("kind", ownerKind)
                .param("owner", ownerId)
                .query(Long.class)
                .list());
    }

    void subscribe(String ownerKind, long ownerId, AccountId person) {
        jdbc.sql(
                        "delete from document_unsubscription where owner_kind = :kind and owner_id = :owner and account_id = :account")
                .param("kind", ownerKind)
                .param("owner", ownerId)
                .param("account", person.value())
                .update();
    }

    /** Twice (two clicks, two tabs) is once. */
    void unsubscribe(String ownerKind, long ownerId, AccountId person, Instant at) {
        jdbc.sql("""
                insert into document_unsubscription (owner_kind, owner_id, account_id, unsubscribed_at)
                values (:kind, :owner, :account, :at) on conflict do nothing""")
                .param("kind", ownerKind)
                .param("owner", ownerId)
                .param("account", person.value())
                .param("at", at.atOffset(ZoneOffset.UTC))
                .update();
    }
}
