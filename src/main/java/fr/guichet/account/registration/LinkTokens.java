package fr.guichet.account.registration;

import fr.guichet.account.AccountId;
import fr.guichet.account.security.Secrets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Single-use, expiring links: a new link kills the older unused ones of the same purpose, and
 * using one is a conditional update, so two clicks racing cannot both succeed.
 */
@Component
public class LinkTokens {

    private final LinkTokenRepository repository;
    private final Clock clock;

    LinkTokens(LinkTokenRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public String issue(AccountId account, LinkToken.Purpose purpose, Duration validity, String newEmail) {
        repository.deleteUnused(account.value(), purpose);
        var secret = Secrets.random(32);
        var now = clock.instant();
        repository.save(
                new LinkToken(account.value(), purpose, Secrets.hash(secret), newEmail, now, now.plus(validity)));
        return secret;
    }

    /** The link's token if it can still be used, without using it (to show the form it leads to). */
    @Transactional(readOnly = true)
    public Optional<LinkToken> peek(String secret, LinkToken.Purpose purpose) {
        if (secret == null || secret.isBlank() || secret.length() > 100) {
            return Optional.empty();
        }
        return repository
                .findByTokenHash(Secrets.hash(secret))
                .filter(t -> t.purpose() == purpose && t.usableAt(clock.instant()));
    }

    /** Uses the link: present only for the one caller that used it while it was still valid. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<LinkToken> use(String secret, LinkToken.Purpose purpose) {
        return peek(secret, purpose).filter(t -> repository.markUsed(t.id(), clock.instant()) == 1);
    }
}
