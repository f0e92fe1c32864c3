package fr.guichet.statistics;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one write path of the daily counts. An upsert both databases run: add to the row, else
 * create it, and when another transaction created it meanwhile, add to that one.
 */
@Component
class Counts {

    /** Where a count goes: the live counting adds at once, the recount gathers a batch's first. */
    interface Adder {
        void add(long organization, LocalDate day, String metric, String dimension, long delta);
    }

    /** A batch's counts gathered by row, then written in a few batched statements. */
    static final class Gathered implements Adder {

        private record Key(long organization, LocalDate day, String metric, String dimension) {}

        private final Map<Key, Long> deltas = new LinkedHashMap<>();

        @Override
        public void add(long organization, LocalDate day, String metric, String dimension, long delta) {
            deltas.merge(new Key(organization, day, metric, dimension), delta, Long::sum);
        }
    }

    private static final String ADD = "update stat_count set amount = amount + ?"
            + " where organization_id = ? and on_date = ? and metric = ? and dimension = ?";
    private static final String CREATE = "insert into stat_count (organization_id, on_date, metric, dimension, amount)"
            + " values (?, ?, ?, ?, ?) on conflict do nothing";

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    Counts(JdbcClient jdbc, JdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    /** The same upsert as {@link #add}, a batch at a time: add to the rows there, create the others. */
    void write(Gathered gathered) {
        var keys = new ArrayList<>(gathered.deltas.keySet());
        var missing = rowsNotThere(keys, batches.batchUpdate(ADD, addArguments(keys, gathered)));
        if (missing.isEmpty()) {
            return;
        }
        var created = batches.batchUpdate(
                CREATE,
                missing.stream()
                        .map(k -> new Object[] {
                            k.organization(), Date.valueOf(k.day()), k.metric(), k.dimension(), gathered.deltas.get(k)
                        })
                        .toList());
        var raced = rowsNotThere(missing, created);
        if (!raced.isEmpty()) {
            batches.batchUpdate(ADD, addArguments(raced, gathered));
        }
    }

    private static List<Object[]> addArguments(List<Gathered.Key> keys, Gathered gathered) {
        return keys.stream()
                .map(k -> new Object[] {
                    gathered.deltas.get(k), k.organization(), Date.valueOf(k.day()), k.metric(), k.dimension()
                })
                .toList();
    }

    private static List<Gathered.Key> rowsNotThere(List<Gathered.Key> keys, int[] changed) {
        var missing = new ArrayList<Gathered.Key>();
        for (var i = 0; i < keys.size(); i++) {
            if (changed[i] == 0) {
                missing.add(keys.get(i));
            }
        }
        return missing;
    }

    void add(long organization, LocalDate day, String metric, String dimension, long delta) {
        if (delta == 0) {
            return;
        }
        if (addToRow(organization, day, metric, dimension, delta) > 0) {
            return;
        }
        var created = jdbc.sql(CREATE)
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
