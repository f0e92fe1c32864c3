package fr.guichet.alerts;

import fr.guichet.account.AccountId;
import fr.guichet.shared.PublicAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The links that stop one kind of alert for one person without signing in (RFC 8058): the person and
 * the kind, signed with the portal's key. Nothing is stored per person, so a hundred thousand
 * e-mails need no hundred thousand rows, and every node checks what another signed.
 */
@Component
class UnsubscribeLinks {

    static final String PATH = "/alertes/desabonnement";

    private final JdbcClient jdbc;
    private final PublicAddress address;
    private volatile byte[] key;

    UnsubscribeLinks(JdbcClient jdbc, PublicAddress address) {
        this.jdbc = jdbc;
        this.address = address;
    }

    record Stop(AccountId person, AlertKind kind) {}

    String link(AccountId person, AlertKind kind) {
        return address.link(PATH + "/{person}/{kind}/{signature}", person.value(), kind.name(), sign(person, kind));
    }

    /** Empty when the link was not signed here: a guessed or altered one stops nothing. */
    Optional<Stop> read(long person, String kind, String signature) {
        AlertKind alertKind;
        try {
            alertKind = AlertKind.valueOf(kind);
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
        var id = new AccountId(person);
        var expected = sign(id, alertKind).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))
                ? Optional.of(new Stop(id, alertKind))
                : Optional.empty();
    }

    private String sign(AccountId person, AlertKind kind) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            var signature = mac.doFinal((person.value() + ":" + kind.name()).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /**
     * The first node to start makes the key, outside any transaction: a node that loses the race
     * reads the one that was kept, and no e-mail's transaction ever fails on it. Once the context is
     * started, before the application's runners: the demo data's runner already sends alerts.
     */
    @EventListener(ApplicationStartedEvent.class)
    void makeKey() {
        if (stored().isEmpty()) {
            var fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            try {
                jdbc.sql("insert into alert_key (id, secret) values (1, ?)")
                        .param(Base64.getEncoder().encodeToString(fresh))
                        .update();
            } catch (DataIntegrityViolationException madeByAnother) {
                // another node's key is the one
            }
        }
    }

    private byte[] key() {
        var known = key;
        if (known == null) {
            known = Base64.getDecoder()
                    .decode(stored().orElseThrow(
                                    () -> new IllegalStateException("the alerts' key is made at start-up")));
            key = known;
        }
        return known;
    }

    private Optional<String> stored() {
        return jdbc.sql("select secret from alert_key where id = 1")
                .query(String.class)
                .optional();
    }
}
