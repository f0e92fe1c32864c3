package fr.guichet.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.guichet.support.TestCertificates;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** What an admin may upload as a person's certificate, and what an account does with it. */
class ClientCertificatesTest {

    static final TestCertificates CERTIFICATES = new TestCertificates();
    static final TestCertificates.Issued JEANINE = CERTIFICATES.person("Jeanine Dulac");

    @Test
    void aPemOrDerCertificateIsReadTheSame() {
        var fromPem = ClientCertificates.read(JEANINE.pem().getBytes(StandardCharsets.US_ASCII));
        var fromDer = ClientCertificates.read(JEANINE.der());

        assertThat(fromPem).isEqualTo(JEANINE.certificate());
        assertThat(fromDer).isEqualTo(JEANINE.certificate());
        assertThat(RegisteredCertificate.of(fromPem).subject()).isEqualTo("CN=Jeanine Dulac,O=Guichet tests");
    }

    @Test
    void theFingerprintIsTheSha256OfTheDerEncoding() throws Exception {
        var expected = java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(JEANINE.der()));

        assertThat(RegisteredCertificate.fingerprint(JEANINE.certificate())).isEqualTo(expected);
    }

    @Test
    void aFileHoldingAPrivateKeyIsRefusedEvenBesideItsCertificate() {
        var keyAlone = JEANINE.privateKeyPem();
        var both = JEANINE.pem() + keyAlone;

        for (var upload : new byte[][] {
            keyAlone.getBytes(StandardCharsets.US_ASCII),
            both.getBytes(StandardCharsets.US_ASCII),
            JEANINE.keys().getPrivate().getEncoded(),
            JEANINE.pkcs12()
        }) {
            assertThatThrownBy(() -> ClientCertificates.read(upload))
                    .isInstanceOfSatisfying(
                            CertificateRefusal.class,
                            r -> assertThat(r.reason()).isEqualTo(CertificateRefusal.Reason.PRIVATE_KEY));
        }
    }

    @Test
    void anythingElseIsNotACertificate() {
        for (var upload : new byte[][] {
            "Bonjour".getBytes(StandardCharsets.UTF_8),
            new byte[0],
            "-----BEGIN CERTIFICATE-----\nnot base64 at all!\n-----END CERTIFICATE-----"
                    .getBytes(StandardCharsets.UTF_8),
            new byte[ClientCertificates.MAX_SIZE + 1]
        }) {
            assertThatThrownBy(() -> ClientCertificates.read(upload))
                    .isInstanceOfSatisfying(
                            CertificateRefusal.class,
                            r -> assertThat(r.reason()).isEqualTo(CertificateRefusal.Reason.NOT_A_CERTIFICATE));
        }
    }

    @Test
    void byCertificateThePasswordIsForgottenAndOnlyThatCertificateOpensTheAccountWhileValid() {
        var now = Instant.now();
        var account = active();
        var registered = RegisteredCertificate.of(JEANINE.certificate());
        var other =
                RegisteredCertificate.of(CERTIFICATES.person("Jeanine Dulac").certificate());

        account.authenticateByCertificate(registered, now);

        assertThat(account.passwordHash()).isNull();
        assertThat(account.usesPassword()).isFalse();
        assertThat(account.check(registered.sha256(), now)).isEqualTo(CertificateCheck.ACCEPTED);
        assertThat(account.check(other.sha256(), now)).isEqualTo(CertificateCheck.NOT_REGISTERED);
        assertThat(account.check(registered.sha256(), registered.notAfter().plusSeconds(1)))
                .isEqualTo(CertificateCheck.EXPIRED);
        assertThat(account.check(registered.sha256(), registered.notBefore().minusSeconds(1)))
                .isEqualTo(CertificateCheck.NOT_YET_VALID);
    }

    @Test
    void backToThePasswordTheCertificateOpensNothingAndNoPasswordYet() {
        var now = Instant.now();
        var account = active();
        var registered = RegisteredCertificate.of(JEANINE.certificate());
        account.authenticateByCertificate(registered, now);

        assertThat(account.authenticateByPassword()).isTrue();

        assertThat(account.check(registered.sha256(), now)).isEqualTo(CertificateCheck.NOT_REGISTERED);
        assertThat(account.certificate()).isEmpty();
        assertThat(account.passwordHash()).isNull();
        assertThat(account.authenticateByPassword()).as("already by password").isFalse();
    }

    @Test
    void aDisabledAccountIsNotOpenedByItsCertificate() {
        var now = Instant.now();
        var account = active();
        var registered = RegisteredCertificate.of(JEANINE.certificate());
        account.authenticateByCertificate(registered, now);

        account.disable(now);

        assertThat(account.check(registered.sha256(), now)).isEqualTo(CertificateCheck.ACCOUNT_INACTIVE);
        account.reactivate();
        assertThat(account.check(registered.sha256(), now)).isEqualTo(CertificateCheck.ACCEPTED);
    }

    @Test
    void anExpiredCertificateIsNotRegistered() {
        var now = Instant.now();
        var expired = CERTIFICATES.person("Ancien", now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1)));
        var account = active();

        assertThatThrownBy(
                        () -> account.authenticateByCertificate(RegisteredCertificate.of(expired.certificate()), now))
                .isInstanceOfSatisfying(
                        CertificateRefusal.class,
                        r -> assertThat(r.reason()).isEqualTo(CertificateRefusal.Reason.EXPIRED));
        assertThat(account.usesPassword()).isTrue();
        assertThat(account.passwordHash()).isNotNull();
    }

    @Test
    void aPersonWhoNeverChoseAPasswordIsOpenedByTheCertificateHisAdminVouchesFor() {
        var now = Instant.now();
        var account = new Account(
                new EmailAddress("jdulac@collectivite.test"),
                Coordinates.external(Civility.MADAME, "Dulac", "Jeanine"),
                Locale.FRENCH,
                now);

        account.authenticateByCertificate(RegisteredCertificate.of(JEANINE.certificate()), now);

        assertThat(account.isActive()).isTrue();
    }

    @Test
    void noPasswordCanBeSetOnAnAccountThatSignsInByCertificate() {
        var account = active();
        account.authenticateByCertificate(RegisteredCertificate.of(JEANINE.certificate()), Instant.now());

        assertThatThrownBy(() -> account.changePassword("{noop}x")).isInstanceOf(IllegalStateException.class);
    }

    private static Account active() {
        return Account.active(
                new EmailAddress("jdulac@collectivite.test"),
                Coordinates.external(Civility.MADAME, "Dulac", "Jeanine"),
                "{bcrypt}hash",
                Instant.now());
    }
}
