package fr.guichet.account.certificate;

import static fr.guichet.support.People.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.account.Civility;
import fr.guichet.organization.Organizations;
import fr.guichet.support.HttpVisitor;
import fr.guichet.support.People;
import fr.guichet.support.TestCertificates;
import fr.guichet.support.TestClock;
import fr.guichet.support.TestClockConfiguration;
import fr.guichet.support.TestDatabase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Signing in with a client certificate for real: the server speaks TLS with a key store and trust
 * store made by this test (BouncyCastle, a temporary folder, nothing committed) and asks for a client
 * certificate (client-auth=want); a Java HTTP client presents one, or none. The proxy's header is
 * sent from 127.0.0.1, the trusted proxy here, and from 127.0.0.2, which is not one. A context of
 * its own (slow): keep here what needs TLS or the proxy's header.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "GUICHET_TRUSTED_PROXIES=127\\.0\\.0\\.1",
            "guichet.certificate-sign-in.proxy-header=X-SSL-Client-Cert"
        })
@ActiveProfiles(resolver = TestDatabase.class)
@Import(TestClockConfiguration.class)
class CertificateSignInTest {

    static final TestCertificates CERTIFICATES = new TestCertificates();
    static Path tlsFiles;

    @DynamicPropertySource
    static void tls(DynamicPropertyRegistry registry) throws IOException {
        tlsFiles = Files.createTempDirectory("guichet-tls-");
        var authority = CERTIFICATES.authority().certificate();
        var keyStore = TestCertificates.keyStore(CERTIFICATES.server(), authority, tlsFiles.resolve("server.p12"));
        var trustStore = TestCertificates.trustStore(authority, tlsFiles.resolve("trust.p12"));
        var password = new String(TestCertificates.PASSWORD);
        registry.add("server.ssl.enabled", () -> "true");
        registry.add("server.ssl.key-store", () -> keyStore.toUri().toString());
        registry.add("server.ssl.key-store-type", () -> "PKCS12");
        registry.add("server.ssl.key-store-password", () -> password);
        registry.add("server.ssl.trust-store", () -> trustStore.toUri().toString());
        registry.add("server.ssl.trust-store-type", () -> "PKCS12");
        registry.add("server.ssl.trust-store-password", () -> password);
        registry.add("server.ssl.client-auth", () -> "want");
    }

    @AfterAll
    static void deleteTlsFiles() throws IOException {
        try (var files = Files.walk(tlsFiles)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Organizations organizations;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void theRegisteredCertificatePresentedAtTheHandshakeSignsItsHolderIn() throws Exception {
        var email = People.uniqueEmail();
        var certificate = registered(email);
        var holder = new HttpVisitor(port, CERTIFICATES.clientContext(certificate));

        var signIn = holder.get("/connexion/certificat");

        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/"));
        var myAccount = holder.get("/compte");
        assertThat(myAccount.statusCode()).isEqualTo(200);
        assertThat(myAccount.body()).contains(email);
        awaitAudit(email, "SIGN_IN_SUCCEEDED", "via=CERTIFICATE");
    }

    @Test
    void withoutACertificateThePageSaysNoneWasPresented() throws Exception {
        var response = new HttpVisitor(port, CERTIFICATES.clientContext(null)).get("/connexion/certificat");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("Aucun certificat présenté.").doesNotContain("Exception");
    }

    @Test
    void aCertificateOfTheSameAuthorityButRegisteredForNoAccountIsRefused() throws Exception {
        registered(People.uniqueEmail());
        var stranger = CERTIFICATES.person("Inconnu " + People.uniqueDomain());

        var response = new HttpVisitor(port, CERTIFICATES.clientContext(stranger)).get("/connexion/certificat");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("Ce certificat n’est enregistré pour aucun compte");
        awaitAudit(
                stranger.certificate().getSubjectX500Principal().getName(),
                "CERTIFICATE_SIGN_IN_FAILED",
                "reason=NOT_REGISTERED");
    }

    /**
     * The server asks for a certificate of the authorities its trust store holds; a client (a browser
     * too) offers none of another one: the portal sees no certificate.
     */
    @Test
    void aCertificateOfAnAuthorityTheServerDoesNotTrustIsNotEvenPresented() throws Exception {
        var otherAuthority = new TestCertificates();
        var elsewhere = otherAuthority.person("Jeanine Dulac");
        var tls = TestCertificates.clientContext(elsewhere, otherAuthority.authority(), CERTIFICATES.authority());

        var response = new HttpVisitor(port, tls).get("/connexion/certificat");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("Aucun certificat présenté.");
    }

    @Test
    void onceItsCertificateHasExpiredItNoLongerSignsIn() throws Exception {
        var email = People.uniqueEmail();
        var certificate = registered(email);
        // the portal's clock, not the TLS layer's: the handshake still accepts it, the portal must not
        clock.advance(Duration.ofDays(11));

        var response = new HttpVisitor(port, CERTIFICATES.clientContext(certificate)).get("/connexion/certificat");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("Ce certificat a expiré.");
        awaitAudit(email, "CERTIFICATE_SIGN_IN_FAILED", "reason=EXPIRED");
    }

    @Test
    void anAccountBackToThePasswordIsNoLongerOpenedByItsCertificate() throws Exception {
        var email = People.uniqueEmail();
        var certificate = registered(email);
        accounts.authenticateByPassword(
                accounts.findByEmail(email).orElseThrow().id());

        var response = new HttpVisitor(port, CERTIFICATES.clientContext(certificate)).get("/connexion/certificat");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("Ce certificat n’est enregistré pour aucun compte");
    }

    @Test
    void theAccountOfSomeoneWhoseLastMembershipEndedIsNotOpened() throws Exception {
        var domain = People.uniqueDomain();
        var establishment = organizations.createEstablishment("Université " + domain, "U", Set.of(domain));
        var email = People.uniqueEmail(domain);
        var id = accounts.createVerified(
                email, Civility.MADAME, "Dulac", "Jeanine", establishment, false, GOOD_PASSWORD);
        var certificate = CERTIFICATES.person("Jeanine Dulac " + domain);
        accounts.authenticateByCertificate(id, certificate.pem().getBytes(StandardCharsets.US_ASCII));
        accounts.leave(id, establishment, null, "-");

        var response = new HttpVisitor(port, CERTIFICATES.clientContext(certificate)).get("/connexion/certificat");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("Le compte lié à ce certificat n’est pas ouvert.");
        awaitAudit(email, "CERTIFICATE_SIGN_IN_FAILED", "reason=ACCOUNT_INACTIVE");
    }

    @Test
    void anAccountSetToItsCertificateIsRefusedByThePasswordFormAsForAWrongPassword() throws Exception {
        var email = People.uniqueEmail();
        registered(email);
        var visitor = new HttpVisitor(port, CERTIFICATES.clientContext(null));

        var withItsFormerPassword = visitor.signIn(email, GOOD_PASSWORD);
        var withAWrongOne = visitor.signIn(People.uniqueEmail(), "pas le bon mot de passe");

        assertThat(withItsFormerPassword.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/connexion?erreur"));
        assertThat(withItsFormerPassword.headers().firstValue("Location"))
                .isEqualTo(withAWrongOne.headers().firstValue("Location"));
    }

    @Test
    void theSessionsThePasswordOpenedEndWhenTheAccountIsSetToItsCertificate() throws Exception {
        var email = People.uniqueEmail();
        var id = accounts.createVerified(email, Civility.MADAME, "Dulac", "Jeanine", null, false, GOOD_PASSWORD);
        var byPassword = new HttpVisitor(port, CERTIFICATES.clientContext(null));
        byPassword.signIn(email, GOOD_PASSWORD);
        assertThat(byPassword.get("/compte").statusCode()).isEqualTo(200);

        accounts.authenticateByCertificate(
                id, CERTIFICATES.person("Jeanine Dulac " + email).pem().getBytes(StandardCharsets.US_ASCII));

        var after = byPassword.get("/compte");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/connexion"));
    }

    @Test
    void theCertificateATrustedProxyForwardsInItsHeaderSignsIn() throws Exception {
        var email = People.uniqueEmail();
        var certificate = registered(email);
        // what nginx's $ssl_client_escaped_cert holds: the PEM, URL-encoded (a space as %20)
        var header =
                URLEncoder.encode(certificate.pem(), StandardCharsets.UTF_8).replace("+", "%20");
        var proxy = new HttpVisitor(port, CERTIFICATES.clientContext(null))
                .header("X-SSL-Client-Cert", header)
                .header("X-Forwarded-For", "203.0.113.9");

        var signIn = proxy.get("/connexion/certificat");

        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(proxy.get("/compte").body()).contains(email);
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(jdbc.queryForList(
                                "select source_address from audit_entry where target = ? and action = 'SIGN_IN_SUCCEEDED'",
                                String.class,
                                email))
                        .containsExactly("203.0.113.9"));
    }

    @Test
    void theSameHeaderFromAnAddressThatIsNoTrustedProxyIsIgnored() throws Exception {
        var email = People.uniqueEmail();
        var certificate = registered(email);
        var header =
                URLEncoder.encode(certificate.pem(), StandardCharsets.UTF_8).replace("+", "%20");

        var status = rawGet("127.0.0.2", "/connexion/certificat", Map.of("X-SSL-Client-Cert", header));

        assertThat(status).isEqualTo(401);
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(jdbc.queryForList(
                                "select details from audit_entry where action = 'CERTIFICATE_SIGN_IN_FAILED'"
                                        + " and source_address = '127.0.0.2'",
                                String.class))
                        .contains("reason=NONE"));
        assertThat(jdbc.queryForList(
                        "select action from audit_entry where target = ? and action = 'SIGN_IN_SUCCEEDED'",
                        String.class,
                        email))
                .isEmpty();
    }

    @Test
    void aHeaderThatIsNoCertificateIsToldUnreadable() throws Exception {
        var response = new HttpVisitor(port, CERTIFICATES.clientContext(null))
                .header(
                        "X-SSL-Client-Cert",
                        "-----BEGIN%20CERTIFICATE-----%0Apas%20un%20certificat%0A-----END%20CERTIFICATE-----")
                .get("/connexion/certificat");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body())
                .contains("Le certificat transmis est illisible.")
                .doesNotContain("Exception");
    }

    private TestCertificates.Issued registered(String email) {
        AccountId id = accounts.createVerified(email, Civility.MADAME, "Dulac", "Jeanine", null, false, GOOD_PASSWORD);
        var certificate = CERTIFICATES.person("Jeanine Dulac " + email);
        accounts.authenticateByCertificate(id, certificate.pem().getBytes(StandardCharsets.US_ASCII));
        return certificate;
    }

    private void awaitAudit(String target, String action, String details) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(jdbc.queryForList(
                                "select details from audit_entry where target = ? and action = ?",
                                String.class,
                                target,
                                action))
                        .anySatisfy(d -> assertThat(d).contains(details)));
    }

    /**
     * A GET over TLS from another local address than the HTTP client's (which cannot choose it on Java
     * 17): the status of the answer.
     */
    private int rawGet(String from, String path, Map<String, String> headers) {
        var tls = CERTIFICATES.clientContext(null);
        try (var socket = tls.getSocketFactory()
                .createSocket(InetAddress.getByName("127.0.0.1"), port, InetAddress.getByName(from), 0)) {
            var request = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
            headers.forEach((name, value) ->
                    request.append(name).append(": ").append(value).append("\r\n"));
            request.append("\r\n");
            socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            var statusLine = new BufferedReader(
                            new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            return Integer.parseInt(List.of(statusLine.split(" ")).get(1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
