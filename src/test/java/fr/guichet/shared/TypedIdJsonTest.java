package fr.guichet.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Any typed id, registered nowhere, is its number in JSON both ways. */
class TypedIdJsonTest {

    record ParcelId(long value) implements TypedId {}

    record Parcel(ParcelId id, ParcelId previous, String label) {}

    private final JsonMapper json =
            JsonMapper.builder().addModule(new TypedIdJson()).build();

    @Test
    void aTypedIdIsWrittenAsItsNumber() {
        assertThat(json.writeValueAsString(new Parcel(new ParcelId(4), null, "colis")))
                .isEqualTo("{\"id\":4,\"previous\":null,\"label\":\"colis\"}");
    }

    @Test
    void aNumberIsReadIntoTheTypedIdOfTheField() {
        assertThat(json.readValue("{\"id\":4,\"previous\":3,\"label\":\"colis\"}", Parcel.class))
                .isEqualTo(new Parcel(new ParcelId(4), new ParcelId(3), "colis"));
    }

    @Test
    void theObjectFormOfEventsStoredBeforeIsStillRead() {
        assertThat(json.readValue("{\"id\":{\"value\":4},\"label\":\"colis\"}", Parcel.class)
                        .id())
                .isEqualTo(new ParcelId(4));
    }

    @Test
    void asAMapKeyItIsItsNumberToo() {
        var written = json.writeValueAsString(Map.of(new ParcelId(7), "sept"));

        assertThat(written).isEqualTo("{\"7\":\"sept\"}");
        assertThat(json.readValue(written, new TypeReference<Map<ParcelId, String>>() {}))
                .containsEntry(new ParcelId(7), "sept");
    }
}
