package fr.guichet.account.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import fr.guichet.shared.RouteRules.Area;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class UnknownEndpointsTest {

    @Test
    void modulesThatShareAnAreaShareItsDoor() {
        var areas = UnknownEndpoints.byRole(Stream.of(
                Area.members("/agence/**"),
                Area.members("/agence/**"),
                Area.members("/services/**"),
                Area.platformAdmins("/administration/**")));

        assertThat(areas)
                .isEqualTo(Map.of(
                        "MEMBER",
                        Set.of("/agence/**", "/services/**"),
                        "PLATFORM_ADMIN",
                        Set.of("/administration/**")));
    }

    @Test
    void modulesThatDisagreeOnWhoEntersAnAreaStopTheStart() {
        assertThatIllegalStateException()
                .isThrownBy(() -> UnknownEndpoints.byRole(
                        Stream.of(Area.members("/agence/**"), Area.platformAdmins("/agence/**"))))
                .withMessageContaining("/agence/**");
    }
}
