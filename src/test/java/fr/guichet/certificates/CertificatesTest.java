package fr.guichet.certificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.jayway.jsonpath.JsonPath;
import fr.guichet.access.ServiceCatalogue;
import fr.guichet.account.Accounts;
import fr.guichet.administration.Delegation;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import fr.guichet.support.IntegrationTest;
import fr.guichet.support.Mails;
import fr.guichet.support.ServiceTokens;
import fr.guichet.support.TestClock;
import fr.guichet.support.TestSmtp;
import fr.guichet.support.Visitor;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Certificates as their users meet them: an administrator asks for the organisation's certificate
 * and its supports, the agency moves the request along its queue and installs the certificate, each step
 * e-mailed and audited; administrators add certificates of their own, never a private key; children
 * inherit; the procurement service reads them; expiry is warned of once; and an organisation that
 * still holds certificates is not deleted.
 */
@IntegrationTest
class CertificatesTest {

    @RegisterExtension
    static GreenMailExtension greenMail = TestSmtp.server();

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    Organizations organizations;

    @Autowired
    Delegation delegation;

    @Autowired
    ServiceCatalogue catalogue;

    @Autowired
    Certificates certificates;

    @Autowired
    ExpiryWarnings warnings;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    CertificatesWorld world;

    @BeforeEach
    void world() throws Exception {
        world = new CertificatesWorld(mvc, accounts).build(organizations, delegation);
    }

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void aRequestGoesThroughTheAgencysQueueToAnInstalledCertificateAndShippedMediaEachStepToldAndAudited()
            throws Exception {
        var superAdmin = Visitor.signedIn(mvc, world.superAdmin);
        var a = world.a.value();

        // bad input: each field says what is wrong, in French, and nothing is saved
        var refused = page(superAdmin.perform(post("/organisations/{id}/certificats/demande", a)
                .with(csrf())
                .param("recipient", " ")
                .param("address", "1 place Bellecour")
                .param("postalCode", "6900")
                .param("city", "Lyon")
                .param("support", "TAPE")
                .param("supports", "11")));
        assertThat(refused.select("[data-testid=error-summary]").text())
                .contains("Ce champ est obligatoire.")
                .contains("Saisissez un code postal français à 5 chiffres")
                .contains("Choisissez un type de support dans la liste.")
                .contains("Saisissez un nombre de supports entre 1 et 10.");
        var badCount = page(superAdmin.perform(post("/organisations/{id}/certificats/demande", a)
                .with(csrf())
                .param("recipient", "Jeanne Martin")
                .param("address", "1 place Bellecour")
                .param("postalCode", "00100")
                .param("city", "Lyon")
                .param("support", "SMART_CARD")
                .param("supports", "deux")));
        assertThat(badCount.select("[data-testid=error-summary]").text())
                .contains("Saisissez un code postal français")
                .contains("Saisissez un nombre de supports entre 1 et 10.");
        // the form drawn again keeps the support chosen
        assertThat(badCount.select("input[name=support][checked]").eachAttr("value"))
                .containsExactly("SMART_CARD");
        assertThat(certificates.requests(a)).isEmpty();

        // the form offers a USB key by default
        var form = page(superAdmin.perform(get("/organisations/{id}/certificats/demande", a)));
        assertThat(form.select("input[name=support][checked]").val()).isEqualTo("USB_KEY");

        superAdmin.perform(post("/organisations/{id}/certificats/demande", a)
                .with(csrf())
                .param("recipient", "Jeanne Martin")
                .param("address", "1 place Bellecour")
                .param("addressMore", "Bâtiment B")
                .param("postalCode", "69002")
                .param("city", "Lyon")
                .param("support", "SMART_CARD")
                .param("supports", "3"));
        var request = certificates.requests(a).get(0);
        assertThat(request.status()).isEqualTo(RequestStatus.REQUESTED);
        var list = page(superAdmin.perform(get("/organisations/{id}/certificats", a)));
        assertThat(list.select("[data-testid=request]").text())
                .contains(
                        "Demandée",
                        "Jeanne Martin",
                        "1 place Bellecour",
                        "Bâtiment B",
                        "69002",
                        "Lyon",
                        "Carte à puce",
                        "3");
        // the administrator named there and the requester are told
        assertThat(Mails.body(Mails.awaitFirst(greenMail, world.administrator)))
                .contains("La demande n° " + request.id() + " de certificat de chiffrement pour « Service A")
                .contains("3 × Carte à puce, pour Jeanne Martin");
        Mails.awaitFirst(greenMail, world.superAdmin);

        // the agency's queue shows it; an agent takes it, and then the administrators may no longer cancel it
        var agent = Visitor.signedIn(mvc, world.agent);
        var queue = page(agent.perform(get("/agence/certificats")));
        assertThat(queue.select("[data-testid=queued]").text()).contains("Demande n° " + request.id(), "Service A");
        agent.perform(post("/agence/certificats/demandes/{r}", request.id())
                .with(csrf())
                .param("step", "TAKE"));
        assertThat(certificates.request(request.id()).orElseThrow().status()).isEqualTo(RequestStatus.IN_PROGRESS);
        assertThat(page(superAdmin.perform(get("/organisations/{id}/certificats", a)))
                        .select("[data-testid=request] button"))
                .isEmpty();
        superAdmin.perform(post("/organisations/{id}/certificats/demandes/{r}/annulation", a, request.id())
                .with(csrf()));
        assertThat(certificates.request(request.id()).orElseThrow().status()).isEqualTo(RequestStatus.IN_PROGRESS);
        assertThat(Mails.body(Mails.nthDistinct(greenMail, world.administrator, 2)))
                .contains("L’Agence traite la demande n° " + request.id());

        // installing needs the public certificate, never a key
        var issued = CertificatesWorld.certificate("Service A " + world.suffix);
        assertThat(page(agent.perform(multipart("/agence/certificats/demandes/{r}", request.id())
                                .with(csrf())
                                .param("step", "INSTALL")))
                        .select("[data-testid=refusal]")
                        .text())
                .contains("Joignez le certificat public");
        assertThat(page(agent.perform(multipart("/agence/certificats/demandes/{r}", request.id())
                                .file(file(issued.privateKeyPkcs8Pem().getBytes(StandardCharsets.US_ASCII)))
                                .with(csrf())
                                .param("step", "INSTALL")))
                        .select("[data-testid=refusal]")
                        .text())
                .contains("clé privée");
        assertThat(certificates.own(a)).isEmpty();
        // an administrator had added the same certificate himself: installing makes it the request's, once
        superAdmin.perform(multipart("/organisations/{id}/certificats", a)
                .file(file(issued.der()))
                .with(csrf()));
        assertThat(certificates.own(a))
                .singleElement()
                .satisfies(c -> assertThat(c.origin()).isEqualTo(HeldCertificate.Origin.UPLOAD));
        agent.perform(multipart("/agence/certificats/demandes/{r}", request.id())
                .file(file(issued.pem().getBytes(StandardCharsets.US_ASCII)))
                .with(csrf())
                .param("step", "INSTALL"));
        assertThat(certificates.request(request.id()).orElseThrow().status()).isEqualTo(RequestStatus.INSTALLED);
        var installed = certificates.own(a);
        assertThat(installed).singleElement().satisfies(c -> {
            assertThat(c.origin()).isEqualTo(HeldCertificate.Origin.REQUEST);
            assertThat(c.requestId()).isEqualTo(request.id());
            assertThat(c.sha256()).isEqualTo(sha256(issued.der()));
        });
        list = page(superAdmin.perform(get("/organisations/{id}/certificats", a)));
        assertThat(list.select("[data-testid=certificate]").text())
                .contains("CN=Service A " + world.suffix, "Issu d’une demande", "RSA 2048", "chiffrement de clé");
        // it came from a request: its administrators cannot remove it, the agency can
        assertThat(list.select("[data-testid=certificate] button")).isEmpty();
        superAdmin.perform(post(
                        "/organisations/{id}/certificats/{c}/retrait",
                        a,
                        installed.get(0).id())
                .with(csrf()));
        assertThat(certificates.own(a)).hasSize(1);

        agent.perform(post("/agence/certificats/demandes/{r}", request.id())
                .with(csrf())
                .param("step", "SHIP"));
        assertThat(certificates.request(request.id()).orElseThrow().status()).isEqualTo(RequestStatus.SHIPPED);
        assertThat(Mails.body(Mails.nthDistinct(greenMail, world.administrator, 4)))
                .contains("Les supports de la demande n° " + request.id());
        // a finished request leaves the default queue
        assertThat(page(agent.perform(get("/agence/certificats")))
                        .select("[data-testid=queued]")
                        .text())
                .doesNotContain("Demande n° " + request.id() + " ");
        // a member is not an agent
        assertThat(Visitor.signedIn(mvc, world.member)
                        .perform(get("/agence/certificats"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () -> assertThat(jdbc.sql("select action from audit_entry where acting_organization_id = :o "
                                                + "and action like 'CERTIFICATE%' order by id")
                                        .param("o", a)
                                        .query(String.class)
                                        .list())
                                // written by listeners after each commit, in no fixed order
                                .containsExactlyInAnyOrder(
                                        "CERTIFICATE_REQUESTED",
                                        "CERTIFICATE_REQUEST_MOVED",
                                        "CERTIFICATE_ADDED",
                                        "CERTIFICATE_REQUEST_MOVED",
                                        "CERTIFICATE_REQUEST_MOVED"));
    }

    @Test
    void administratorsAddTheirOwnCertificatesButNeverAKeyAndChildrenInheritThemForTheProcurementService()
            throws Exception {
        var admin = Visitor.signedIn(mvc, world.administrator);
        var a = world.a.value();
        var issued = CertificatesWorld.certificate("Agent comptable " + world.suffix);

        // refused whole: a key, with or without its certificate; an expired certificate; a signing-only one
        for (var upload : List.of(
                issued.privateKeyPkcs8Pem().getBytes(StandardCharsets.US_ASCII),
                (issued.pem() + issued.privateKeyPkcs8Pem()).getBytes(StandardCharsets.US_ASCII),
                issued.pkcs12())) {
            assertThat(uploadError(admin, a, upload)).contains("clé privée");
        }
        var now = Instant.now();
        var expired = CertificatesWorld.ISSUER.issue(
                "CN=Périmé",
                EncryptionCertificates.rsa(2048),
                java.math.BigInteger.TEN,
                now.minus(Duration.ofDays(400)),
                now.minus(Duration.ofDays(2)),
                KeyUsage.keyEncipherment);
        assertThat(uploadError(admin, a, expired.der())).contains("expiré");
        var signing = CertificatesWorld.ISSUER.issue(
                "CN=Signature", EncryptionCertificates.rsa(2048), KeyUsage.digitalSignature | KeyUsage.nonRepudiation);
        assertThat(uploadError(admin, a, signing.der())).contains("chiffrement");
        assertThat(uploadError(admin, a, "ceci n’est pas un certificat".getBytes(StandardCharsets.UTF_8)))
                .contains("PEM ou DER");
        assertThat(uploadError(admin, a, new byte[200 * 1024])).contains("64 Ko");
        assertThat(certificates.own(a)).isEmpty();

        // a DER certificate is added and shown as it reads
        admin.perform(multipart("/organisations/{id}/certificats", a)
                .file(file(issued.der()))
                .with(csrf()));
        var list = page(admin.perform(get("/organisations/{id}/certificats", a)));
        assertThat(list.select("[data-testid=certificate]").text())
                .contains("CN=Agent comptable " + world.suffix, "Ajouté par un administrateur")
                .contains(issued.certificate().getSerialNumber().toString(16).toUpperCase());
        // once
        assertThat(uploadError(admin, a, issued.pem().getBytes(StandardCharsets.US_ASCII)))
                .contains("figure déjà");
        assertThat(certificates.own(a)).hasSize(1);

        // A1 inherits it (it is older than the rule): listed as inherited, not removable there, and read by the service
        var a1 = world.a1.value();
        var child = page(admin.perform(get("/organisations/{id}/certificats", a1)));
        assertThat(child.select("[data-testid=certificate]").text()).contains("Hérité de « Service A " + world.suffix);
        assertThat(child.select("[data-testid=certificate] form")).isEmpty();
        assertThat(uploadError(admin, a1, issued.der())).contains("hérité de « Service A");

        var room = ServiceTokens.register(mvc, accounts, catalogue, "certificates");
        var read = mvc.perform(get("/api/v1/organizations/{id}/encryption-certificates", a1)
                        .header("Authorization", "Bearer " + room.token("certificates")))
                .andReturn()
                .getResponse();
        assertThat(read.getStatus()).isEqualTo(200);
        var body = read.getContentAsString();
        assertThat(JsonPath.<List<Boolean>>read(body, "$[*].inherited")).containsExactly(true);
        assertThat(JsonPath.<List<Integer>>read(body, "$[*].holderId")).containsExactly((int) a);
        var pem = JsonPath.<List<String>>read(body, "$[*].pem").get(0);
        assertThat(CertificateFile.read(pem.getBytes(StandardCharsets.US_ASCII), Instant.now())
                        .sha256())
                .isEqualTo(sha256(issued.der()));
        // a service without the scope, or on no organisation, learns nothing
        var other = ServiceTokens.register(mvc, accounts, catalogue, "credits");
        assertThat(mvc.perform(get("/api/v1/organizations/{id}/encryption-certificates", a1)
                                .header("Authorization", "Bearer " + other.token("credits")))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        assertThat(mvc.perform(get("/api/v1/organizations/{id}/encryption-certificates", 999_999_999L)
                                .header("Authorization", "Bearer " + room.token("certificates")))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);

        // its download is the same certificate
        var id = certificates.own(a).get(0).id();
        var downloaded = admin.perform(get("/organisations/{id}/certificats/{c}.pem", a1, id))
                .andReturn()
                .getResponse();
        assertThat(downloaded.getHeader("Content-Disposition")).contains("attachment");
        assertThat(CertificateFile.read(downloaded.getContentAsByteArray(), Instant.now())
                        .sha256())
                .isEqualTo(sha256(issued.der()));

        // removed where it was uploaded: gone from both
        admin.perform(post("/organisations/{id}/certificats/{c}/retrait", a, id).with(csrf()));
        assertThat(certificates.own(a)).isEmpty();
        assertThat(JsonPath.<List<Object>>read(
                        mvc.perform(get("/api/v1/organizations/{id}/encryption-certificates", a1)
                                        .header("Authorization", "Bearer " + room.token("certificates")))
                                .andReturn()
                                .getResponse()
                                .getContentAsString(),
                        "$"))
                .isEmpty();
    }

    @Test
    void aSubOrganisationHoldingCertificatesOrWaitingForOneIsNotDeleted() throws Exception {
        var superAdmin = Visitor.signedIn(mvc, world.superAdmin);
        var holding = create(superAdmin, "Service qui détient", "INHERIT");
        var waiting = create(superAdmin, "Service qui attend", "REQUEST");

        var issued = CertificatesWorld.certificate("Détenu " + world.suffix);
        superAdmin.perform(multipart("/organisations/{id}/certificats", holding.value())
                .file(file(issued.der()))
                .with(csrf()));
        var refusal = deletionRefusal(superAdmin, holding);
        assertThat(refusal).contains("détient encore des certificats de chiffrement");
        assertThat(organizations.find(holding)).isPresent();
        superAdmin.perform(post(
                        "/organisations/{id}/certificats/{c}/retrait",
                        holding.value(),
                        certificates.own(holding.value()).get(0).id())
                .with(csrf()));
        assertThat(deletionRefusal(superAdmin, holding)).isEmpty();
        assertThat(organizations.find(holding)).isEmpty();

        superAdmin.perform(post("/organisations/{id}/certificats/demande", waiting.value())
                .with(csrf())
                .param("recipient", "Jeanne Martin")
                .param("address", "1 place Bellecour")
                .param("postalCode", "69002")
                .param("city", "Lyon")
                .param("support", "USB_KEY")
                .param("supports", "1"));
        assertThat(deletionRefusal(superAdmin, waiting))
                .contains("Une demande de certificat de cette organisation est en cours");
        // its only request: the agency withdraws it
        Visitor.signedIn(mvc, world.agent)
                .perform(post(
                                "/agence/certificats/demandes/{r}",
                                certificates.requests(waiting.value()).get(0).id())
                        .with(csrf())
                        .param("step", "CANCEL"));
        assertThat(deletionRefusal(superAdmin, waiting)).isEmpty();
        assertThat(organizations.find(waiting)).isEmpty();
    }

    @Test
    void aCertificateNearItsEndIsFlaggedAndItsAdministratorsAreWarnedOncePerDelay() throws Exception {
        var admin = Visitor.signedIn(mvc, world.administrator);
        var a1 = world.a1.value();
        var now = Instant.now();
        var ending = CertificatesWorld.ISSUER.issue(
                "CN=Bientôt " + world.suffix,
                EncryptionCertificates.rsa(2048),
                java.math.BigInteger.valueOf(now.toEpochMilli()),
                now.minus(Duration.ofDays(300)),
                now.plus(Duration.ofDays(20)).plus(Duration.ofHours(1)),
                KeyUsage.keyEncipherment);
        admin.perform(multipart("/organisations/{id}/certificats", a1)
                .file(file(ending.der()))
                .with(csrf()));
        assertThat(certificates.own(a1)).hasSize(1);

        // flagged on the list and on the organisation's home page
        assertThat(page(admin.perform(get("/organisations/{id}/certificats", a1)))
                        .select("[data-testid=expiring]")
                        .text())
                .contains("expire dans 20 jour(s)");
        assertThat(page(admin.perform(get("/organisations/{id}", a1)))
                        .select("[data-testid=home-expiring]")
                        .text())
                .contains("Le certificat « CN=Bientôt " + world.suffix);

        // A1 names no administrator: those of A are warned, once whatever the reruns
        warnings.sendDue();
        assertThat(warnings.sendDue()).as("a rerun warns of nothing").isZero();
        var warning = Mails.awaitFirst(greenMail, world.administrator);
        assertThat(warning.getSubject()).contains("arrive à expiration");
        assertThat(Mails.body(warning)).contains("dans 20 jour(s)").contains("CN=Bientôt " + world.suffix);
        // two weeks on, the seven-day warning goes, once
        clock.advance(Duration.ofDays(14));
        warnings.sendDue();
        assertThat(warnings.sendDue()).as("a rerun warns of nothing").isZero();
        assertThat(Mails.body(Mails.nthDistinct(greenMail, world.administrator, 2)))
                .contains("dans 6 jour(s)");
        // what was written to go out, not what has arrived so far: two warnings, no third
        assertThat(jdbc.sql("select count(*) from outbox_message where lower(recipient) = lower(:to) "
                                + "and subject like '%expiration%'")
                        .param("to", world.administrator)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    /**
     * The upload page under random input (random bytes, real certificates with bytes flipped, cut or
     * inserted, PEM-looking text): never a 500 nor internals, and the organisation holds exactly the
     * certificates the page said it added. {@code -Dguichet.fuzz.seed} replays a run.
     */
    @Test
    void noUploadMakesTheUploadPageFailOrHalfSave() throws Exception {
        var seed = Long.getLong("guichet.fuzz.seed", System.nanoTime());
        var random = new java.util.SplittableRandom(seed);
        var admin = Visitor.signedIn(mvc, world.administrator);
        var a = world.a.value();
        var real = List.of(
                CertificatesWorld.certificate("Fuzz 1").der(),
                CertificatesWorld.certificate("Fuzz 2").pem().getBytes(StandardCharsets.US_ASCII));
        var added = 0;
        for (var i = 0; i < 300; i++) {
            byte[] upload;
            switch (i % 3) {
                case 0 -> {
                    upload = new byte[random.nextInt(2_048)];
                    random.nextBytes(upload);
                }
                case 1 -> {
                    upload = real.get(random.nextInt(real.size())).clone();
                    for (var flips = 1 + random.nextInt(4); flips > 0 && upload.length > 0; flips--) {
                        upload[random.nextInt(upload.length)] = (byte) random.nextInt(256);
                    }
                    if (random.nextBoolean()) {
                        upload = java.util.Arrays.copyOf(upload, random.nextInt(upload.length + 1));
                    }
                }
                default ->
                    upload = ("-----BEGIN " + (random.nextBoolean() ? "CERTIFICATE" : "X509 CRL") + "-----\n"
                                    + java.util.Base64.getMimeEncoder()
                                            .encodeToString(java.util.Arrays.copyOf(
                                                    real.get(0), random.nextInt(real.get(0).length + 1)))
                                    + "\n-----END CERTIFICATE-----\n")
                            .getBytes(StandardCharsets.US_ASCII);
            }
            var response = admin.perform(multipart("/organisations/{id}/certificats", a)
                            .file(file(upload))
                            .with(csrf()))
                    .andReturn()
                    .getResponse();
            assertThat(response.getStatus()).as("seed %s, input %s", seed, i).isIn(200, 302);
            assertThat(response.getContentAsString())
                    .as("seed %s, input %s", seed, i)
                    .doesNotContain("Exception");
            if (response.getStatus() == 302) {
                added++;
            }
        }
        assertThat(certificates.own(a)).as("seed %s", seed).hasSize(added);
    }

    /** The certificates are his because he administers the organisation: leaving it ends them, and their e-mails. */
    @Test
    void anAdministratorWhoLeavesTheOrganisationLosesItsCertificatesAndTheirMails() throws Exception {
        var admin = Visitor.signedIn(mvc, world.administrator);
        var a = world.a.value();
        admin.perform(post("/organisations/{id}/certificats/demande", a)
                .with(csrf())
                .param("recipient", "Jeanne Martin")
                .param("address", "1 place Bellecour")
                .param("postalCode", "69002")
                .param("city", "Lyon")
                .param("support", "USB_KEY")
                .param("supports", "1"));
        var request = certificates.requests(a).get(0);
        Mails.awaitFirst(greenMail, world.administrator);
        var administratorId =
                accounts.findByEmail(world.administrator).orElseThrow().id();
        var removed = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete(
                                "/api/v1/organizations/{id}/users/{person}", a, administratorId.value())
                        .header(
                                "Authorization",
                                "Bearer "
                                        + Visitor.signedIn(mvc, world.superAdmin)
                                                .apiToken()))
                .andReturn()
                .getResponse();
        assertThat(removed.getStatus()).isLessThan(300);

        // his last membership: his account is closed with it, and the page is no longer his
        var after = Visitor.signedIn(mvc, world.administrator)
                .perform(get("/organisations/{id}/certificats", a))
                .andReturn()
                .getResponse();
        assertThat(after.getRedirectedUrl()).endsWith("/connexion");
        assertThat(delegation.administers(administratorId, world.a)).isFalse();
        // the agency moves his request on: the super admin hears of it, he no longer does
        Visitor.signedIn(mvc, world.agent)
                .perform(post("/agence/certificats/demandes/{r}", request.id())
                        .with(csrf())
                        .param("step", "TAKE"));
        // nobody is named at A any more: the establishment's super admin is who is told
        assertThat(Mails.body(Mails.awaitFirst(greenMail, world.superAdmin)))
                .contains("L’Agence traite la demande n° " + request.id());
        assertThat(jdbc.sql("select count(*) from outbox_message where lower(recipient) = lower(:to)")
                        .param("to", world.administrator)
                        .query(Long.class)
                        .single())
                .as("only the request's own e-mail, from before he left")
                .isEqualTo(1);
    }

    private OrganizationId create(Visitor visitor, String name, String certificate) throws Exception {
        var location = visitor.perform(post("/organisations/{id}/sous-organisations/nouvelle", world.a.value())
                        .with(csrf())
                        .param("name", name + " " + world.suffix)
                        .param("typeCode", "SMALL")
                        .param("certificate", certificate))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(location).matches("/organisations/\\d+");
        return new OrganizationId(Long.parseLong(location.substring(location.lastIndexOf('/') + 1)));
    }

    /** The refusal the home page shows after the deletion is asked; empty when it was deleted. */
    private String deletionRefusal(Visitor visitor, OrganizationId organization) throws Exception {
        var result = visitor.perform(post("/organisations/{id}/suppression", organization.value())
                        .with(csrf()))
                .andReturn();
        var refusal = result.getFlashMap().get("refusal");
        if (refusal == null) {
            return "";
        }
        return page(visitor.perform(
                        get("/organisations/{id}", organization.value()).flashAttr("refusal", refusal)))
                .select("[data-testid=refusal]")
                .text();
    }

    private String uploadError(Visitor visitor, long organization, byte[] bytes) throws Exception {
        return page(visitor.perform(multipart("/organisations/{id}/certificats", organization)
                        .file(file(bytes))
                        .with(csrf())))
                .select("[data-testid=upload-error]")
                .text();
    }

    private static MockMultipartFile file(byte[] bytes) {
        return new MockMultipartFile("file", "certificat.cer", "application/octet-stream", bytes);
    }

    private static Document page(org.springframework.test.web.servlet.ResultActions result) throws Exception {
        return Jsoup.parse(result.andReturn().getResponse().getContentAsString());
    }

    private static String sha256(byte[] der) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der));
    }
}
