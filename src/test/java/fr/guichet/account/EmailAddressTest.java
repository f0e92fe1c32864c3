package fr.guichet.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {

    @Test
    void anAddressIsOneWhateverItsCaseAndSurroundingSpaces() {
        assertThat(new EmailAddress("  Jeanne.Dupont@Univ-Montval.FR "))
                .isEqualTo(new EmailAddress("jeanne.dupont@univ-montval.fr"));
        assertThat(new EmailAddress("a@b.fr").domain()).isEqualTo("b.fr");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "jeanne",
                "jeanne@",
                "@univ.fr",
                "jeanne@univ",
                "jeanne dupont@univ.fr",
                "a@b@c.fr",
                "jeanne@univ..fr"
            })
    void malformedAddressesAreRefused(String raw) {
        assertThat(EmailAddress.isValid(raw)).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> new EmailAddress(raw));
    }
}
