package fr.guichet.account.security;

import fr.guichet.account.Account;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;

/** The checks of a newly chosen password, shared by activation, reset and "Mon compte". */
@Component
public class PasswordChoice {

    private final PasswordPolicy policy;

    PasswordChoice(PasswordPolicy policy) {
        this.policy = policy;
    }

    public void check(String password, String confirmation, Account owner, Errors errors) {
        var personal = List.of(
                owner.email().value(),
                owner.coordinates().lastName(),
                owner.coordinates().firstName());
        policy.problems(password, personal)
                .forEach(problem -> errors.rejectValue("password", problem, new Object[] {policy.minLength()}, null));
        if (!errors.hasFieldErrors("password") && (confirmation == null || !confirmation.equals(password))) {
            errors.rejectValue("confirmation", "password.mismatch");
        }
    }

    public int minLength() {
        return policy.minLength();
    }
}
