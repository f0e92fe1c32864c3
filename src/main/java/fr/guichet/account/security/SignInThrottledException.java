package fr.guichet.account.security;

import org.springframework.security.authentication.AccountStatusException;

/** An account-status exception, so that no other provider gets a try while throttled. */
class SignInThrottledException extends AccountStatusException {

    SignInThrottledException() {
        super("too many failed sign-ins");
    }
}
