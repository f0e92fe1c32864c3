package fr.guichet.administration;

import static fr.guichet.support.People.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.account.AuthenticationMethod;
import fr.guichet.account.Civility;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import fr.guichet.support.IntegrationTest;
import fr.guichet.support.People;
import fr.guichet.support.TestCertificates;
import fr.guichet.support.TestSmtp;
import fr.guichet.support.Visitor;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.awaitility.Awaitility;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Seed 004's "Type d'authentification : par login/mot de passe, par certificat" on the user's page
 * of his organisation's admin: what the admin sees, each refusal of a file, who may change it, and
 * what it changes for the person (the password form, the reset link, the trail).
 */
@IntegrationTest
class UserAuthenticationTest {

    @RegisterExtension
    static GreenMailExtension greenMail = TestSmtp.server();

    static final TestCertificates CERTIFICATES = new TestCertificates();

    @Autowired
    MockMvc mvc;

    @Autowired
    Administration administration;

    @Autowired
    Organizations organizations;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    OrganizationId montval;
    String domain;
    AccountId claire;
    AccountId jeanine;
    String jeanineEmail;
    Visitor claireVisits;

    @BeforeEach
    void establishmentWithASuperAdminAndAUser() throws Exception {
        domain = People.uniqueDomain();
        montval = organizations.createEstablishment("Université de Montval " + domain, "UM", Set.of(domain));
        var platform = accounts.createVerified(
                People.uniqueEmail(), Civility.MADAME, "Plateforme", "Paule", null, true, GOOD_PASSWORD);
        var claireEmail = People.uniqueEmail(domain);
        claire = accounts.createVerified(
                claireEmail, Civility.MADAME, "Martin", "Claire", montval, false, GOOD_PASSWORD);
        administration.nameSuperAdmin(platform, montval, claire, "-");
        jeanineEmail = People.uniqueEmail(domain);
        jeanine = accounts.createVerified(
                jeanineEmail, Civility.MADAME, "Dulac", "Jeanine", montval, false, GOOD_PASSWORD);
        claireVisits = Visitor.signedIn(mvc, claireEmail);
    }

    @Test
    void theAdminRegistersThePersonsCertificateAndSeesWhichOneItIs() throws Exception {
        var certificate = CERTIFICATES.person("Jeanine Dulac");

        var saved = upload(
                claireVisits,
                jeanine,
                "CERTIFICATE",
                "jeanine.pem",
                certificate.pem().getBytes(StandardCharsets.US_ASCII));

        assertThat(saved.getRedirectedUrl()).isEqualTo(page(jeanine));
        var shown = Jsoup.parse(claireVisits
                .perform(get(page(jeanine)).flashAttr("saved", "users.authentication.certificate-saved"))
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(shown.select("[data-testid=current-authentication]").text())
                .contains("Par certificat")
                .contains("CN=Jeanine Dulac,O=Guichet tests")
                .contains(fr.guichet.account.RegisteredCertificate.fingerprint(certificate.certificate()));
        assertThat(shown.selectFirst("#method-CERTIFICATE").hasAttr("checked")).isTrue();
        assertThat(accounts.authentication(jeanine).orElseThrow().method()).isEqualTo(AuthenticationMethod.CERTIFICATE);
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(jdbc.queryForList(
                                "select details from audit_entry where target = ? and action = 'AUTHENTICATION_CHANGED'"
                                        + " and acting_organization_id = ? and actor_account_id = ?",
                                String.class,
                                jeanineEmail,
                                montval.value(),
                                claire.value()))
                        .singleElement()
                        .asString()
                        .startsWith("CERTIFICATE sha256="
                                + fr.guichet.account.RegisteredCertificate.fingerprint(certificate.certificate())));
    }

    @Test
    void aDerFileIsAcceptedToo() throws Exception {
        var certificate = CERTIFICATES.person("Jeanine Dulac");

        upload(claireVisits, jeanine, "CERTIFICATE", "jeanine.cer", certificate.der());

        assertThat(accounts.authentication(jeanine).orElseThrow().certificate().sha256())
                .isEqualTo(fr.guichet.account.RegisteredCertificate.fingerprint(certificate.certificate()));
    }

    @Test
    void eachBadFileIsRefusedWithItsReasonAndNothingChanges() throws Exception {
        var certificate = CERTIFICATES.person("Jeanine Dulac");
        var now = Instant.now();
        var expired =
                CERTIFICATES.person("Jeanine Dulac", now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1)));
        var someoneElses = CERTIFICATES.person("Luc Moreau");
        var luc = accounts.createVerified(
                People.uniqueEmail(domain), Civility.MONSIEUR, "Moreau", "Luc", montval, false, GOOD_PASSWORD);
        accounts.authenticateByCertificate(luc, someoneElses.der());

        var cases = Map.of(
                "Ce fichier n’est pas un certificat X.509 (PEM ou DER).",
                "Bonjour".getBytes(StandardCharsets.UTF_8),
                "Ce fichier contient une clé privée : il est refusé et rien n’en a été conservé.",
                (certificate.pem() + certificate.privateKeyPem()).getBytes(StandardCharsets.US_ASCII),
                "Ce certificat a expiré : personne ne pourrait se connecter avec lui.",
                expired.pem().getBytes(StandardCharsets.US_ASCII),
                "Ce certificat est déjà enregistré pour un autre compte : un certificat n’ouvre qu’un seul compte.",
                someoneElses.pem().getBytes(StandardCharsets.US_ASCII));
        for (var refused : cases.entrySet()) {
            var response = upload(claireVisits, jeanine, "CERTIFICATE", "fichier.pem", refused.getValue());

            assertThat(response.getStatus()).isEqualTo(200);
            var page = Jsoup.parse(response.getContentAsString());
            assertThat(page.select("[data-testid=error-summary]").text()).contains(refused.getKey());
            assertThat(page.select("#certificate-error").text()).contains(refused.getKey());
            assertThat(page.selectFirst("#certificate").attr("aria-describedby"))
                    .contains("certificate-error");
        }
        var missing = upload(claireVisits, jeanine, "CERTIFICATE", "vide.pem", new byte[0]);
        assertThat(Jsoup.parse(missing.getContentAsString())
                        .select("#certificate-error")
                        .text())
                .isEqualTo("Choisissez le fichier du certificat de la personne.");
        assertThat(accounts.authentication(jeanine).orElseThrow().method()).isEqualTo(AuthenticationMethod.PASSWORD);
        assertThat(jdbc.queryForObject(
                        "select count(*) from account where id = ? and password_hash is not null",
                        Integer.class,
                        jeanine.value()))
                .as("her password still stands")
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "select count(*) from account where certificate_subject like '%Jeanine Dulac%'"
                                + " and certificate_sha256 = ?",
                        Integer.class, fr.guichet.account.RegisteredCertificate.fingerprint(certificate.certificate())))
                .as("nothing of the file with a key was kept")
                .isZero();
    }

    @Test
    void byCertificateThePasswordFormAndTheResetLinkNoLongerOpenTheAccount() throws Exception {
        upload(
                claireVisits,
                jeanine,
                "CERTIFICATE",
                "jeanine.pem",
                CERTIFICATES.person("Jeanine Dulac").der());

        var signIn = new Visitor(mvc)
                .perform(post("/connexion")
                        .with(csrf())
                        .param("email", jeanineEmail)
                        .param("password", GOOD_PASSWORD))
                .andReturn()
                .getResponse();
        new Visitor(mvc).perform(post("/mot-de-passe-oublie").with(csrf()).param("email", jeanineEmail));

        assertThat(signIn.getRedirectedUrl()).isEqualTo("/connexion?erreur");
        assertThat(jdbc.queryForObject(
                        "select count(*) from outbox_message where recipient = ?", Integer.class, jeanineEmail))
                .as("no reset link for an account that signs in by certificate")
                .isZero();
    }

    @Test
    void backToThePasswordThePersonIsSentALinkToChooseOne() throws Exception {
        upload(
                claireVisits,
                jeanine,
                "CERTIFICATE",
                "jeanine.pem",
                CERTIFICATES.person("Jeanine Dulac").der());

        var back = claireVisits
                .perform(multipart(page(jeanine)).param("method", "PASSWORD").with(csrf()))
                .andReturn()
                .getResponse();

        assertThat(back.getRedirectedUrl()).isEqualTo(page(jeanine));
        assertThat(accounts.authentication(jeanine).orElseThrow())
                .satisfies(a -> assertThat(a.method()).isEqualTo(AuthenticationMethod.PASSWORD))
                .satisfies(a -> assertThat(a.certificate()).isNull());
        assertThat(jdbc.queryForList(
                        "select subject from outbox_message where recipient = ?", String.class, jeanineEmail))
                .containsExactly("Guichet : choisissez votre mot de passe");
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(jdbc.queryForList(
                                "select details from audit_entry where target = ? and action = 'AUTHENTICATION_CHANGED'",
                                String.class,
                                jeanineEmail))
                        .contains("PASSWORD"));
    }

    @Test
    void anAdminWhoMayCreateUsersButNotNameAdminsCannotTakeOverAnAdminOrASuperAdmin() throws Exception {
        var creatorEmail = People.uniqueEmail(domain);
        var creator = accounts.createVerified(
                creatorEmail, Civility.MONSIEUR, "Petit", "Paul", montval, false, GOOD_PASSWORD);
        administration.saveMatrix(
                claire, montval, Grant.Kind.ADMIN, Grant.NO_SERVICE, Map.of(creator, Set.of("CREATE_USERS")), "-");
        var adminEmail = People.uniqueEmail(domain);
        var admin = accounts.createVerified(
                adminEmail, Civility.MONSIEUR, "Grand", "Pierre", montval, false, GOOD_PASSWORD);
        administration.saveMatrix(
                claire, montval, Grant.Kind.ADMIN, Grant.NO_SERVICE, Map.of(admin, Set.of("CREATE_ADMINS")), "-");
        var creatorVisits = Visitor.signedIn(mvc, creatorEmail);
        var certificate = CERTIFICATES.person("Intrus").pem().getBytes(StandardCharsets.US_ASCII);

        var onTheSuperAdmin = uploaded(creatorVisits, claire, "CERTIFICATE", "c.pem", certificate);
        var onTheAdmin = uploaded(creatorVisits, admin, "CERTIFICATE", "c.pem", certificate);
        var onAUser = uploaded(creatorVisits, jeanine, "CERTIFICATE", "c.pem", certificate);

        assertThat(onTheSuperAdmin.getFlashMap().get("refusal")).isEqualTo("users.authentication.super-admin-not-peer");
        assertThat(onTheAdmin.getFlashMap().get("refusal")).isEqualTo("users.authentication.admin-not-held");
        assertThat(onAUser.getResponse().getRedirectedUrl()).isEqualTo(page(jeanine));
        assertThat(accounts.authentication(claire).orElseThrow().method()).isEqualTo(AuthenticationMethod.PASSWORD);
        assertThat(accounts.authentication(admin).orElseThrow().method()).isEqualTo(AuthenticationMethod.PASSWORD);
    }

    @Test
    void aPersonWhoAlsoBelongsToAnotherEstablishmentIsLeftToWhoAdministersBoth() throws Exception {
        var otherDomain = People.uniqueDomain();
        var lacBleu =
                organizations.createEstablishment("Université du Lac Bleu " + otherDomain, "ULB", Set.of(otherDomain));
        accounts.join(jeanine, lacBleu, "-");

        var response = uploaded(
                claireVisits,
                jeanine,
                "CERTIFICATE",
                "c.pem",
                CERTIFICATES.person("Jeanine").der());

        assertThat(response.getFlashMap().get("refusal")).isEqualTo("users.authentication.elsewhere");
        assertThat(accounts.authentication(jeanine).orElseThrow().method()).isEqualTo(AuthenticationMethod.PASSWORD);
    }

    @Test
    void someoneWhoIsNotAMemberHereIsNotShown() throws Exception {
        var stranger = accounts.createVerified(
                People.uniqueEmail(), Civility.MONSIEUR, "Autre", "Albert", null, false, GOOD_PASSWORD);

        var response = claireVisits.perform(get(page(stranger))).andReturn();

        assertThat(response.getResponse().getRedirectedUrl())
                .isEqualTo("/organisations/" + montval.value() + "/utilisateurs");
        assertThat(response.getFlashMap().get("refusal")).isEqualTo("users.not-member");
    }

    private String page(AccountId person) {
        return "/organisations/" + montval.value() + "/utilisateurs/" + person.value() + "/authentification";
    }

    private MockHttpServletResponse upload(Visitor visitor, AccountId person, String method, String name, byte[] file)
            throws Exception {
        return uploaded(visitor, person, method, name, file).getResponse();
    }

    private MvcResult uploaded(Visitor visitor, AccountId person, String method, String name, byte[] file)
            throws Exception {
        return visitor.perform(multipart(page(person))
                        .file(new MockMultipartFile("certificate", name, "application/octet-stream", file))
                        .param("method", method)
                        .with(csrf()))
                .andReturn();
    }
}
