package fr.guichet.account.settings;

import fr.guichet.account.AccountId;
import fr.guichet.account.security.SignInThrottle;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;

/**
 * The current password, asked again before a change of credentials. A wrong one counts as a
 * failed sign-in, so that a session left open does not become a way to guess the password faster
 * than the sign-in form allows.
 */
@Component
class CurrentPassword {

    private final AccountSettings settings;
    private final SignInThrottle throttle;

    CurrentPassword(AccountSettings settings, SignInThrottle throttle) {
        this.settings = settings;
        this.throttle = throttle;
    }

    /** Rejects the field unless the password is the person's; nothing is checked while throttled. */
    void check(AccountId id, String password, String sourceAddress, BindingResult result, String field) {
        if (password == null || password.isEmpty()) {
            result.rejectValue(field, "validation.required");
            return;
        }
        var email = settings.get(id).email().value();
        if (throttle.isThrottled(email, sourceAddress)) {
            result.rejectValue(field, "password.current-throttled");
        } else if (!settings.isCurrentPassword(id, password)) {
            throttle.failed(email, sourceAddress);
            result.rejectValue(field, "password.current-wrong");
        }
    }
}
