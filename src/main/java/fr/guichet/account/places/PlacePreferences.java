package fr.guichet.account.places;

import fr.guichet.account.AccountId;
import java.util.LinkedHashSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The places each person chose: the one way they are read and written. */
@Repository
class PlacePreferences {

    private final JdbcClient jdbc;

    PlacePreferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    PlaceChoice of(AccountId person) {
        var places = new LinkedHashSet<Place>();
        jdbc.sql("select place from place_preference where account_id = ?")
                .param(person.value())
                .query(String.class)
                .list()
                // a code the data file no longer knows (a département merged away) is dropped, not an error
                .forEach(code -> Geography.FRANCE.find(code).ifPresent(places::add));
        return new PlaceChoice(places);
    }

    /** Replaces the person's whole choice. */
    @Transactional
    void choose(AccountId person, PlaceChoice choice) {
        // his account's row, locked: two saves at once end with the last one, not with a duplicate key
        jdbc.sql("select id from account where id = ? for update")
                .param(person.value())
                .query(Long.class)
                .optional();
        jdbc.sql("delete from place_preference where account_id = ?")
                .param(person.value())
                .update();
        for (var place : choice.places()) {
            jdbc.sql("insert into place_preference (account_id, place) values (?, ?)")
                    .params(person.value(), place.code())
                    .update();
        }
    }
}
