package fr.guichet.connect;

import com.nimbusds.jose.jwk.RSAKey;
import java.io.FileInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.util.Base64;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The RSA key that signs ID and access tokens. Every node must sign with the same key, and a restart
 * must not invalidate the tokens out there: the key comes from a keystore when one is configured
 * (guichet.connect.keystore.*, production's choice: docs/operations.md), else from the database,
 * where the first node to start creates it.
 */
@Component
class SigningKeys {

    /** The one key of the database; a rotation would add a second one beside it. */
    static final String KEY_ID = "guichet-1";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final String keystorePath;
    private final String keystorePassword;
    private final String keystoreAlias;

    SigningKeys(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            Clock clock,
            @Value("${guichet.connect.keystore.path:}") String keystorePath,
            @Value("${guichet.connect.keystore.password:}") String keystorePassword,
            @Value("${guichet.connect.keystore.alias:guichet-oidc}") String keystoreAlias) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.keystorePath = keystorePath;
        this.keystorePassword = keystorePassword;
        this.keystoreAlias = keystoreAlias;
    }

    RSAKey current() {
        try {
            return keystorePath.isBlank() ? fromDatabase() : fromKeystore();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("the signing key of connected services cannot be read", e);
        }
    }

    private RSAKey fromKeystore() throws GeneralSecurityException, IOException {
        var store = KeyStore.getInstance("PKCS12");
        try (var in = new FileInputStream(keystorePath)) {
            store.load(in, keystorePassword.toCharArray());
        }
        var key = (RSAPrivateKey) store.getKey(keystoreAlias, keystorePassword.toCharArray());
        var certificate = store.getCertificate(keystoreAlias);
        if (key == null || certificate == null) {
            throw new IllegalStateException("no RSA key '" + keystoreAlias + "' in " + keystorePath);
        }
        return new RSAKey.Builder((RSAPublicKey) certificate.getPublicKey())
                .privateKey(key)
                .keyID(keystoreAlias)
                .build();
    }

    private RSAKey fromDatabase() throws GeneralSecurityException {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        var pair = generator.generateKeyPair();
        var encoder = Base64.getEncoder();
        // two nodes starting together each try; the row that lands first is the key of both
        transactions.executeWithoutResult(tx -> jdbc.sql("""
                        insert into oauth2_signing_key (id, private_key, public_key, created_at)
                        values (?, ?, ?, ?) on conflict do nothing""")
                .params(
                        KEY_ID,
                        encoder.encodeToString(pair.getPrivate().getEncoded()),
                        encoder.encodeToString(pair.getPublic().getEncoded()),
                        java.sql.Timestamp.from(clock.instant()))
                .update());
        var stored = jdbc.sql("select private_key, public_key from oauth2_signing_key where id = ?")
                .param(KEY_ID)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .single();
        var factory = KeyFactory.getInstance("RSA");
        var decoder = Base64.getDecoder();
        var privateKey = (RSAPrivateKey) factory.generatePrivate(new PKCS8EncodedKeySpec(decoder.decode(stored[0])));
        var publicKey = (RSAPublicKey) factory.generatePublic(new X509EncodedKeySpec(decoder.decode(stored[1])));
        return new RSAKey.Builder(publicKey)
                .privateKey(privateKey)
                .keyID(KEY_ID)
                .build();
    }
}
