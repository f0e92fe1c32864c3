package fr.guichet.account.security;

import fr.guichet.account.Account;
import fr.guichet.account.AccountId;
import fr.guichet.account.AccountRepository;
import fr.guichet.account.SignedInPerson;
import fr.guichet.account.events.ApiTokenCreated;
import fr.guichet.account.events.ApiTokenRevoked;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class ApiTokens {

    static final String PREFIX = "gch_";
    public static final int MAX_ACTIVE = 20;

    private final ApiTokenRepository tokens;
    private final AccountRepository accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ApiTokens(ApiTokenRepository tokens, AccountRepository accounts, ApplicationEventPublisher events, Clock clock) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    /** The secret, to be shown once; empty when the person already has too many active tokens. */
    @Transactional
    public Optional<String> create(AccountId owner, String name, String sourceAddress) {
        var account = accounts.findById(owner.value()).orElseThrow();
        if (tokens.findByAccountIdOrderByCreatedAtDesc(owner.value()).stream()
                        .filter(ApiToken::active)
                        .count()
                >= MAX_ACTIVE) {
            return Optional.empty();
        }
        var secret = PREFIX + Secrets.random(32);
        var now = clock.instant();
        tokens.save(new ApiToken(owner, name, Secrets.hash(secret), now));
        events.publishEvent(new ApiTokenCreated(owner, account.email().value(), name, sourceAddress, now));
        return Optional.of(secret);
    }

    @Transactional(readOnly = true)
    public List<ApiToken> of(AccountId owner) {
        return tokens.findByAccountIdOrderByCreatedAtDesc(owner.value());
    }

    /** Only the owner's own tokens can be revoked: another person's id is simply not found. */
    @Transactional
    public boolean revoke(AccountId owner, long tokenId, String sourceAddress) {
        var token = tokens.findByIdAndAccountId(tokenId, owner.value()).filter(ApiToken::active);
        token.ifPresent(t -> {
            var now = clock.instant();
            t.revoke(now);
            var email = accounts.findById(owner.value()).orElseThrow().email().value();
            events.publishEvent(new ApiTokenRevoked(owner, email, t.name(), sourceAddress, now));
        });
        return token.isPresent();
    }

    @Transactional(readOnly = true)
    public boolean anyActive(AccountId owner) {
        return of(owner).stream().anyMatch(ApiToken::active);
    }

    /** Every active token of the person, each revoked and audited as if revoked one by one. */
    @Transactional
    public void revokeAll(AccountId owner, String sourceAddress) {
        var now = clock.instant();
        var email = accounts.findById(owner.value()).orElseThrow().email().value();
        tokens.findByAccountIdOrderByCreatedAtDesc(owner.value()).stream()
                .filter(ApiToken::active)
                .forEach(t -> {
                    t.revoke(now);
                    events.publishEvent(new ApiTokenRevoked(owner, email, t.name(), sourceAddress, now));
                });
    }

    @Transactional
    Optional<SignedInPerson> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        return tokens.findByTokenHash(Secrets.hash(secret))
                .filter(ApiToken::active)
                .flatMap(token -> accounts.findById(token.accountId())
                        .filter(Account::isActive)
                        .map(account -> {
                            token.used(clock.instant());
                            var person = SignedInPerson.of(account);
                            person.eraseCredentials();
                            return person;
                        }));
    }
}
