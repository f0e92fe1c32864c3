package fr.guichet.account.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.guichet.account.AccountProperties;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

    final PasswordPolicy policy =
            new PasswordPolicy(new AccountProperties(new AccountProperties.Password(12, 128, 40), null, null, null));

    final List<String> person = List.of("jeanne.dupont@univ-montval.fr", "Dupont", "Jeanne");

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Correct cheval agrafe batterie 42",
                "Le vélo de Zoé roule à l’aube",
                "パスワードは長くて安全です",
                "x7#Lq9!vRt2@pZ"
            })
    void longOrRandomPasswordsOfAnyAlphabetAreAccepted(String password) {
        assertThat(policy.problems(password, person)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Password1234",
                "azertyuiop123",
                "motdepasse2024",
                "qwertyuiop12",
                "Jeanne.Dupont2024",
                "dupontjeanne1990"
            })
    void commonOrPersonalPasswordsAreRefused(String password) {
        assertThat(policy.problems(password, person)).containsExactly("password.too-guessable");
    }

    @Test
    void lengthComesFirst() {
        assertThat(policy.problems("", person)).containsExactly("password.required");
        assertThat(policy.problems("Xq7!pL2#", person)).containsExactly("password.too-short");
        assertThat(policy.problems("a".repeat(129), person)).containsExactly("password.too-long");
        // ASVS 2.1.2: 64 characters and more are welcome, beyond 128 refused (a hash of a longer one costs more)
        assertThat(policy.problems("Ciel-Tulipe-Marée-" + "x9".repeat(55), person))
                .doesNotContain("password.too-long");
    }

    @Test
    void lengthCountsCharactersNotBytes() {
        // twelve characters, each several bytes in UTF-8
        assertThat(policy.problems("éàçüöñøåæœßé", List.of())).doesNotContain("password.too-short");
    }
}
