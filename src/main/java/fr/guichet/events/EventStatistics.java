package fr.guichet.events;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registrations, waiting lists and attendance counted per event and per establishment, in one query
 * each: the agency's view across establishments, or one establishment's own (its members registered
 * on its behalf).
 */
@Component
class EventStatistics {

    private final JdbcClient jdbc;

    EventStatistics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An event's figures: places offered, where its registrations stand, who came. */
    record EventFigures(
            long eventId,
            String title,
            EventKind kind,
            boolean cancelled,
            int capacity,
            int confirmed,
            int waiting,
            int pending,
            int cancelledRegistrations,
            int refused,
            int present,
            int absent,
            int excused) {

        /** Of the places confirmed whose attendance is recorded, the share present, in percent; -1 before any roll. */
        public int attendanceRate() {
            var recorded = present + absent + excused;
            return recorded == 0 ? -1 : Math.round(100f * present / recorded);
        }

        public int fillRate() {
            return capacity == 0 ? 0 : Math.round(100f * confirmed / capacity);
        }
    }

    /** An establishment's figures across events (or for one event). */
    record EstablishmentFigures(
            @Nullable Long establishmentId,
            @Nullable String name,
            int registrations,
            int confirmed,
            int waiting,
            int pending,
            int present) {}

    private static final String COUNTS = """
            sum(case when r.status = 'CONFIRMED' then 1 else 0 end) confirmed,
            sum(case when r.status = 'WAITING' then 1 else 0 end) waiting,
            sum(case when r.status = 'PENDING' then 1 else 0 end) pending,
            sum(case when r.status = 'CANCELLED' then 1 else 0 end) cancelled_registrations,
            sum(case when r.status = 'REFUSED' then 1 else 0 end) refused,
            sum(case when r.status = 'CONFIRMED' and r.attendance = 'PRESENT' then 1 else 0 end) present,
            sum(case when r.status = 'CONFIRMED' and r.attendance = 'ABSENT' then 1 else 0 end) absent,
            sum(case when r.status = 'CONFIRMED' and r.attendance = 'EXCUSED' then 1 else 0 end) excused
            """;

    /** Every event, the latest first; narrowed to one establishment's registrations when given. */
    @Transactional(readOnly = true)
    List<EventFigures> perEvent(@Nullable Long establishment) {
        var narrowed = establishment == null ? "" : " and r.establishment_id = :est";
        return jdbc.sql("select e.id, e.title, e.kind, e.status,"
                        + " (select coalesce(sum(s2.capacity), 0) from event_session s2 where s2.event_id = e.id and s2.cancelled = false) capacity, "
                        + COUNTS
                        + " from agency_event e left join event_session s on s.event_id = e.id"
                        + " left join event_registration r on r.session_id = s.id" + narrowed
                        + " group by e.id, e.title, e.kind, e.status order by e.id desc")
                .params(establishment == null ? Map.of() : Map.of("est", establishment))
                .query((rs, n) -> new EventFigures(
                        rs.getLong("id"),
                        rs.getString("title"),
                        EventKind.valueOf(rs.getString("kind")),
                        "CANCELLED".equals(rs.getString("status")),
                        rs.getInt("capacity"),
                        rs.getInt("confirmed"),
                        rs.getInt("waiting"),
                        rs.getInt("pending"),
                        rs.getInt("cancelled_registrations"),
                        rs.getInt("refused"),
                        rs.getInt("present"),
                        rs.getInt("absent"),
                        rs.getInt("excused")))
                .list();
    }

    /** Per establishment, the most registered first; people registered with none are counted together. */
    @Transactional(readOnly = true)
    List<EstablishmentFigures> perEstablishment(@Nullable Long event) {
        var narrowed = event == null ? "" : " where s.event_id = :event";
        return jdbc.sql("""
                        select r.establishment_id, o.name, count(*) registrations,
                            sum(case when r.status = 'CONFIRMED' then 1 else 0 end) confirmed,
                            sum(case when r.status = 'WAITING' then 1 else 0 end) waiting,
                            sum(case when r.status = 'PENDING' then 1 else 0 end) pending,
                            sum(case when r.status = 'CONFIRMED' and r.attendance = 'PRESENT' then 1 else 0 end) present
                        from event_registration r join event_session s on s.id = r.session_id
                        left join organization o on o.id = r.establishment_id""" + narrowed + " group by r.establishment_id, o.name order by count(*) desc, o.name")
                .params(event == null ? Map.of() : Map.of("event", event))
                .query((rs, n) -> new EstablishmentFigures(
                        rs.getObject(1) == null ? null : rs.getLong(1),
                        rs.getString(2),
                        rs.getInt(3),
                        rs.getInt(4),
                        rs.getInt(5),
                        rs.getInt(6),
                        rs.getInt(7)))
                .list();
    }
}
