package fr.guichet.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class PublicAddressTest {

    @Test
    void unsetItIsThisMachineOnThePortTheServerBound() {
        var environment =
                new MockEnvironment().withProperty("server.port", "0").withProperty("local.server.port", "8181");

        assertThat(new PublicAddress(environment, "").link("/demandes/{id}", 42))
                .isEqualTo("http://localhost:8181/demandes/42");
    }

    @Test
    void unsetAndBeforeTheServerStartedItIsTheConfiguredPort() {
        assertThat(new PublicAddress(new MockEnvironment().withProperty("server.port", "8181"), " ").uri())
                .hasToString("http://localhost:8181");
        assertThat(new PublicAddress(new MockEnvironment(), "").uri()).hasToString("http://localhost:8080");
    }

    @Test
    void setItIsUsedWhateverThePort() {
        var environment = new MockEnvironment().withProperty("local.server.port", "8181");

        assertThat(new PublicAddress(environment, "https://guichet.example.org").link("/services"))
                .isEqualTo("https://guichet.example.org/services");
    }

    @Test
    void theProductionProfileRequiresIt() {
        var production = new MockEnvironment();
        production.setActiveProfiles(Profiles.PRODUCTION);

        assertThatIllegalStateException()
                .isThrownBy(() -> new PublicAddress(production, ""))
                .withMessageContaining("GUICHET_BASE_URL");
        assertThat(new PublicAddress(production, "https://guichet.example.org").uri())
                .hasToString("https://guichet.example.org");
    }
}
