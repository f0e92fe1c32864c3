package fr.guichet.helpdesk.reference;

import fr.guichet.account.events.MembershipEnded;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A correspondent is one of his establishment's people: once he belongs to none of its
 * organisations, he stops being its correspondent, in the transaction that ends his membership,
 * and with it goes his reach over the establishment's tickets and dashboard.
 */
@Component
class CorrespondentsLeaving {

    private final JdbcClient jdbc;
    private final ReferenceLog log;

    CorrespondentsLeaving(JdbcClient jdbc, ReferenceLog log) {
        this.jdbc = jdbc;
        this.log = log;
    }

    @EventListener
    void on(MembershipEnded ended) {
        if (!ended.leftEstablishment()) {
            return;
        }
        record Row(long id, long productId, String kind) {}
        var rows = jdbc.sql(
                        "select id, product_id, kind from correspondent where establishment_id = ? and account_id = ? order by id")
                .params(ended.establishment().value(), ended.account().value())
                .query(Row.class)
                .list();
        for (var row : rows) {
            jdbc.sql("delete from correspondent where id = ?").param(row.id()).update();
            log.changed(
                    ended.endedBy(),
                    "CORRESPONDENT_REMOVED",
                    "establishment " + ended.establishment().value() + " product " + row.productId(),
                    row.kind() + " account " + ended.account().value() + ": left the establishment");
        }
    }
}
