package fr.guichet.statistics;

import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one write path of the daily counts. An upsert both databases run: add to the row, else
 * create it, and when another transaction created it meanwhile, add to that one.
 */
@Component
class Counts {

    private final JdbcClient jdbc;

    Counts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(long organization, LocalDate day, String metric, String dimension, long delta) {
        if (delta == 0) {
            return;
        }
        if (addToRow(organization, day, metric, dimension, delta) > 0) {
            return;
        }
        var created = jdbc.sql("""
                        insert into stat_count (organization_id, on_date, metric, dimension, amount)
                        values (?, ?, ?, ?, ?) on conflict do nothing""")
                .params(organization, day, metric, dimension, delta)
                .update();
        if (created == 0) {
            addToRow(organization, day, metric, dimension, delta);
        }
    }

    void add(long organization, LocalDate day, String metric, long delta) {
        add(organization, day, metric, Metrics.NO_DIMENSION, delta);
    }

    /** The person was active that day there; a second sign-in the same day changes nothing. */
    void active(long organization, LocalDate day, long person) {
        jdbc.sql("""
                        insert into stat_active (organization_id, on_date, account_id)
                        values (?, ?, ?) on conflict do nothing""").params(organization, day, person).update();
    }

    private int addToRow(long organization, LocalDate day, String metric, String dimension, long delta) {
        return jdbc.sql("""
                        update stat_count set amount = amount + ?
                        where organization_id = ? and on_date = ? and metric = ? and dimension = ?""").params(delta, organization, day, metric, dimension).update();
    }
}
