package fr.guichet.account;

import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

/** The signed-in person of the current request, if any. */
public final class CurrentPerson {

    private CurrentPerson() {}

    public static Optional<SignedInPerson> get() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof SignedInPerson person
                ? Optional.of(person)
                : Optional.empty();
    }

    public static AccountId id() {
        return get().orElseThrow(() -> new AccessDeniedException("not signed in"))
                .accountId();
    }
}
