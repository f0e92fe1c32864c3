package fr.guichet.helpdesk.tickets.web;

import static fr.guichet.support.People.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.jayway.jsonpath.JsonPath;
import fr.guichet.account.Accounts;
import fr.guichet.account.Civility;
import fr.guichet.documents.TestFiles;
import fr.guichet.helpdesk.CorrespondentKind;
import fr.guichet.helpdesk.ProductId;
import fr.guichet.helpdesk.reference.ReferenceSetup;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import fr.guichet.support.IntegrationTest;
import fr.guichet.support.Mails;
import fr.guichet.support.People;
import fr.guichet.support.TestSmtp;
import fr.guichet.support.Visitor;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** Filing and acting through the pages: the form, the dashboard, the ticket page and its acts. */
@IntegrationTest
class TicketPagesTest {

    @RegisterExtension
    static GreenMailExtension greenMail = TestSmtp.server();

    @Autowired
    MockMvc mvc;

    @Autowired
    ReferenceSetup reference;

    @Autowired
    Accounts accounts;

    @Autowired
    Organizations organizations;

    String domain;
    OrganizationId establishment;
    ProductId product;
    long category;
    Visitor correspondent;
    Visitor agent;

    @BeforeEach
    void correspondentAndAgent() throws Exception {
        domain = People.uniqueDomain();
        var suffix = UUID.randomUUID().toString().substring(0, 6);
        establishment = organizations.createEstablishment("Université " + domain, "U", Set.of(domain));
        var correspondentEmail = People.uniqueEmail(domain);
        var person = accounts.createVerified(
                correspondentEmail, Civility.MADAME, "Dupont", "Anne", establishment, false, GOOD_PASSWORD);
        product = reference.defineProduct("APOGEE-" + suffix, "Apogée " + suffix, null);
        reference.nameCorrespondent(establishment, product, person, CorrespondentKind.FUNCTIONAL, null);
        var agentEmail = People.uniqueEmail("agence.test");
        var agentId =
                accounts.createVerified(agentEmail, Civility.MONSIEUR, "Agent", "Arno", null, false, GOOD_PASSWORD);
        accounts.makeAgent(agentId);
        category = reference.defineCategory(
                null,
                "Apogée " + suffix,
                product,
                true,
                false,
                false,
                true,
                true,
                reference.defineTeam("Apogée " + suffix, List.of(agentId)));
        correspondent = Visitor.signedIn(mvc, correspondentEmail);
        agent = Visitor.signedIn(mvc, agentEmail);
        this.agentEmail = agentEmail;
        productName = "Apogée " + suffix;
    }

    String agentEmail;
    String productName;

    @Test
    void theTicketPageShowsAllTheSiteFiledAndStatesSayWhatTheyMeanOnPagesAndInMails() throws Exception {
        reference.validateInstalledVersion(
                establishment, product, reference.defineVersion(product, "6.80", true), null);
        reference.defineDomain(product, "Résultats");
        reference.defineDomain(product, "Inscriptions");
        var form = page(correspondent, "/demandes/nouvelle/" + category);
        assertThat(form.select("label[for=domain]").text()).isEqualTo("Domaine");
        assertThat(form.select("select#domain option").eachText())
                .as("the product's domains, not a free text")
                .containsExactly("— aucun domaine choisi —", "Inscriptions", "Résultats");

        var unknown = correspondent
                .perform(post("/demandes/nouvelle/" + category)
                        .with(csrf())
                        .param("priority", "NON_BLOCKING")
                        .param("nature", "FUNCTIONAL")
                        .param("domain", "Paie")
                        .param("title", "Résultats absents " + domain)
                        .param("description", "Les notes du semestre 2 manquent."))
                .andReturn()
                .getResponse();
        assertThat(Jsoup.parse(unknown.getContentAsString())
                        .select("[data-testid=filing-refusal]")
                        .text())
                .isEqualTo(
                        "« Paie » n’est pas un domaine de " + productName + " : choisissez le domaine dans la liste.");
        var byApi = correspondent
                .perform(post("/api/v1/tickets")
                        .header("Authorization", "Bearer " + correspondent.apiToken())
                        .contentType("application/json")
                        .content("""
                                {"categoryId": %d, "establishmentId": %d, "priority": "NON_BLOCKING", "nature": "FUNCTIONAL",
                                 "domain": "Paie", "title": "Résultats absents %s", "description": "Les notes manquent."}""".formatted(category, establishment.value(), domain)))
                .andReturn()
                .getResponse();
        assertThat(byApi.getStatus()).as("what was sent is refused").isEqualTo(422);
        assertThat(byApi.getContentAsString(StandardCharsets.UTF_8))
                .contains("n’est pas un domaine de " + productName)
                .doesNotContain("Exception");
        assertThat(jdbc.sql("select count(*) from ticket where title = ?")
                        .param("Résultats absents " + domain)
                        .query(Long.class)
                        .single())
                .as("nothing saved")
                .isZero();

        var followUp = "scolarite@" + domain;
        var path = correspondent
                .perform(post("/demandes/nouvelle/" + category)
                        .with(csrf())
                        .param("priority", "NON_BLOCKING")
                        .param("nature", "FUNCTIONAL")
                        .param("domain", "inscriptions")
                        .param("internalReference", "INC-2026-042")
                        .param("followUpEmail", followUp)
                        .param("title", "Résultats absents " + domain)
                        .param("description", "Les notes du semestre 2 manquent."))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(path).matches("/demandes/\\d+");
        var filed = page(correspondent, path);
        assertThat(filed.select("[data-testid=priority]").text()).isEqualTo("Non bloquant");
        assertThat(filed.select("[data-testid=nature]").text()).isEqualTo("Fonctionnelle");
        assertThat(filed.select("[data-testid=domain]").text())
                .as("as the reference data names it")
                .isEqualTo("Inscriptions");
        assertThat(filed.select("[data-testid=version]").text()).isEqualTo("6.80");
        assertThat(filed.select("[data-testid=internal-reference]").text()).isEqualTo("INC-2026-042");
        assertThat(filed.select("[data-testid=follow-up]").text()).isEqualTo(followUp);

        agent.perform(post(path + "/requalification").with(csrf()).param("domain", "Paie"));
        var refusedRequalification = page(agent, path);
        assertThat(refusedRequalification.select("[data-testid=refusal]").text())
                .isEqualTo(
                        "« Paie » n’est pas un domaine de " + productName + " : choisissez le domaine dans la liste.");
        assertThat(refusedRequalification.select("[data-testid=domain]").text()).isEqualTo("Inscriptions");
        assertThat(refusedRequalification
                        .select("select#requalify-domain option[selected]")
                        .text())
                .isEqualTo("Inscriptions");
        agent.perform(post(path + "/requalification").with(csrf()).param("domain", "Résultats"));
        assertThat(page(agent, path).select("[data-testid=domain]").text()).isEqualTo("Résultats");

        var contractorEmail = People.uniqueEmail("presta.test");
        var contractorAgent = accounts.createVerified(
                contractorEmail, Civility.MONSIEUR, "Presta", "Paul", null, false, GOOD_PASSWORD);
        var company = reference.defineContractor("Presta " + domain, List.of(contractorAgent));
        agent.perform(post(path + "/actions").with(csrf()).param("action", "TAKE"));
        var handling = page(agent, path);
        assertThat(handling.select("label[for^=text-]").eachText())
                .as("each box says what it is for")
                .contains("Question au site", "Solution proposée au site", "Motif de l’exclusion (obligatoire)")
                .doesNotHaveDuplicates();
        assertThat(handling.select("[data-testid=acts] button").eachText()).contains("Confier au prestataire");
        agent.perform(post(path + "/actions")
                .with(csrf())
                .param("action", "HAND_TO_CONTRACTOR")
                .param("contractor", "" + company));
        var contractor = Visitor.signedIn(mvc, contractorEmail);
        var handedOver = page(contractor, path);
        assertThat(handedOver.select("[data-testid=domain]").text()).isEqualTo("Résultats");
        assertThat(handedOver.select("[data-testid=internal-reference], [data-testid=follow-up]"))
                .as("the site's own follow-up is not the contractor's")
                .isEmpty();
        var apiTicket = mvc.perform(get("/api/v1" + path.replace("/demandes/", "/tickets/"))
                        .header("Authorization", "Bearer " + contractor.apiToken()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(JsonPath.<java.util.Map<String, Object>>read(apiTicket, "$.ticket"))
                .as("nor in the API")
                .containsKey("title")
                .doesNotContainEntry("internalReference", "INC-2026-042");
        assertThat(handedOver.select("[data-testid=state]").text())
                .isEqualTo("ECT/EXT — en cours de traitement, confiée à un prestataire");
        contractor.perform(post(path + "/actions")
                .with(csrf())
                .param("action", "CONTRACTOR_ANSWER")
                .param("text", "Relancer le calcul des résultats."));
        agent.perform(post(path + "/actions").with(csrf()).param("action", "VALIDATE_CONTRACTOR_ANSWER"));

        assertThat(page(correspondent, path).select("[data-testid=state]").text())
                .isEqualTo("AVS — réponse envoyée, en attente de votre validation");
        assertThat(page(agent, path).select("[data-testid=state]").text())
                .isEqualTo("AVS — réponse envoyée, en attente de la validation du site");
        assertThat(page(correspondent, "/demandes")
                        .select("[data-testid=group-AWAITING_MY_VALIDATION] [data-testid=listed-state]")
                        .eachText())
                .containsExactly("AVS — réponse envoyée, en attente de votre validation");
        await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> Mails.distinctTo(greenMail, followUp).stream()
                                .anyMatch(
                                        m -> Mails.body(m)
                                                .contains(
                                                        "est maintenant à l’état AVS — réponse envoyée, en attente de votre validation.")));

        correspondent.perform(post(path + "/actions").with(csrf()).param("action", "VALIDATE_SOLUTION"));
        var closedMail = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> Mails.distinctTo(greenMail, agentEmail).stream()
                                .filter(m -> Mails.body(m).contains("Résultats absents " + domain))
                                .filter(m -> Mails.body(m).contains("TER/V"))
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
        assertThat(closedMail.getSubject()).isEqualTo("Une demande d’assistance est close");
        assertThat(Mails.body(closedMail))
                .contains("est close (TER/V — terminée : solution validée par le site)")
                .doesNotContain("attend l’assistance");
    }

    @Test
    void withoutAValidatedInstalledVersionTheFormSaysWhomToAsk() throws Exception {
        var form = page(correspondent, "/demandes/nouvelle/" + category);

        assertThat(form.select("[data-testid=refusal]").text())
                .contains("Aucune version installée de Apogée")
                .contains("demande de modification");
        assertThat(form.select("form textarea[name=description]")).isEmpty();
    }

    @Test
    void aCorrespondentFilesThroughTheFormAndTheAgentTakesItFromHisQueue() throws Exception {
        reference.validateInstalledVersion(
                establishment, product, reference.defineVersion(product, "6.40", true), null);
        assertThat(page(correspondent, "/demandes/nouvelle")
                        .select("[data-testid=categories] a")
                        .eachText())
                .anyMatch(t -> t.startsWith("Apogée"));
        assertThat(page(correspondent, "/demandes/nouvelle/" + category)
                        .select("[data-testid=installed-version]")
                        .text())
                .contains("6.40");

        var tooLong = correspondent
                .perform(post("/demandes/nouvelle/" + category)
                        .with(csrf())
                        .param("priority", "BLOCKING")
                        .param("nature", "TECHNICAL")
                        .param("title", "t".repeat(101))
                        .param("description", "Plantage des IA"))
                .andReturn()
                .getResponse();
        var refusedForm = Jsoup.parse(tooLong.getContentAsString());
        assertThat(refusedForm.select("[data-testid=filing-refusal]").text())
                .isEqualTo("Le titre ne doit pas dépasser 100 caractères.");
        assertThat(refusedForm.select("input[name=priority][checked]").attr("value"))
                .as("his choices come back")
                .isEqualTo("BLOCKING");
        assertThat(refusedForm.select("textarea[name=description]").text()).isEqualTo("Plantage des IA");

        var filed = correspondent
                .perform(post("/demandes/nouvelle/" + category)
                        .with(csrf())
                        .param("priority", "BLOCKING")
                        .param("nature", "TECHNICAL")
                        .param("messageCode", "ORA-01403")
                        .param("title", "Inscriptions bloquées")
                        .param("description", "ORA-01403 à la validation des IA."))
                .andReturn()
                .getResponse();
        var ticketPath = filed.getRedirectedUrl();
        assertThat(ticketPath).matches("/demandes/\\d+");

        var ticket = page(correspondent, ticketPath);
        assertThat(ticket.select("h1").text()).endsWith("Inscriptions bloquées");
        assertThat(ticket.select("[data-testid=state]").text())
                .isEqualTo("ECT — en cours de traitement par l’assistance");
        assertThat(ticket.select("[data-testid=first-reply-by]").text())
                .as("blocking: 2 business days")
                .matches("\\d{2}/\\d{2}/\\d{4}");
        assertThat(ticket.select("[data-testid=acts] button").eachText()).isEmpty();
        assertThat(page(correspondent, "/demandes")
                        .select("[data-testid=group-IN_PROGRESS] a")
                        .eachText())
                .anyMatch(t -> t.endsWith("Inscriptions bloquées"));

        assertThat(page(agent, "/agence/demandes")
                        .select("[data-testid=unassigned] a")
                        .eachText())
                .anyMatch(t -> t.endsWith("Inscriptions bloquées"));
        assertThat(page(agent, ticketPath).select("[data-testid=acts] button").eachText())
                .contains("Prendre en charge", "Exclure");
        assertThat(page(correspondent, ticketPath)
                        .select("[data-testid=handled-by]")
                        .text())
                .isEqualTo("pas encore prise en charge");
        agent.perform(post(ticketPath + "/actions").with(csrf()).param("action", "TAKE"));
        assertThat(page(correspondent, ticketPath)
                        .select("[data-testid=handled-by]")
                        .text())
                .as("he sees who handles it")
                .isEqualTo("Arno Agent");
        assertThat(page(agent, ticketPath).select("[data-testid=saved]").text())
                .isEqualTo("C’est fait ; le site en est averti par e-mail.");
        assertThat(page(agent, ticketPath).select("[data-testid=acts] button").eachText())
                .contains("Réaffecter");
        var asked = agent.perform(post(ticketPath + "/actions").with(csrf()).param("action", "ASK_SITE"))
                .andReturn()
                .getResponse();
        assertThat(asked.getRedirectedUrl()).isEqualTo(ticketPath);
        assertThat(page(agent, ticketPath).select("[data-testid=refusal]").text())
                .isEqualTo("Saisissez le texte de votre message.");
        agent.perform(post(ticketPath + "/actions")
                .with(csrf())
                .param("action", "ASK_SITE")
                .param("text", "Quelle année universitaire ?"));

        var awaiting = page(correspondent, ticketPath);
        assertThat(awaiting.select("[data-testid=state]").text())
                .as("to him, the state says what it waits for from him")
                .isEqualTo("ARS — question posée, en attente de votre réponse");
        assertThat(awaiting.select("[data-testid=first-reply-by]")).isEmpty();
        assertThat(awaiting.select("[data-testid=reminder]").text()).matches("\\d{2}/\\d{2}/\\d{4}");
        assertThat(awaiting.select("[data-testid=exchanges]").text()).contains("Quelle année universitaire ?");
        assertThat(awaiting.select("[data-testid=acts] button").eachText()).containsExactly("Répondre à la question");
        assertThat(page(correspondent, "/demandes")
                        .select("[data-testid=group-AWAITING_MY_REPLY] a")
                        .eachText())
                .hasSize(1);

        var stranger = Visitor.signedIn(mvc, strangerEmail());
        assertThat(stranger.perform(get(ticketPath)).andReturn().getResponse().getStatus())
                .isEqualTo(404);
        assertThat(stranger.perform(post(ticketPath + "/actions")
                                .with(csrf())
                                .param("action", "SITE_ANSWERS")
                                .param("text", "x"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
    }

    @Test
    void anAttachmentGoesWithTheFormOnlyIfAcceptedAndIsSeenOnlyByThoseWhoSeeTheTicket() throws Exception {
        reference.validateInstalledVersion(
                establishment, product, reference.defineVersion(product, "6.50", true), null);
        var before = page(correspondent, "/demandes")
                .select("[data-testid=group-IN_PROGRESS] a")
                .size();

        var refused = correspondent
                .perform(MockMvcRequestBuilders.multipart("/demandes/nouvelle/" + category)
                        .file(new MockMultipartFile("file", "capture.png", "image/png", new byte[] {'M', 'Z', 1, 2}))
                        .param("priority", "BLOCKING")
                        .param("nature", "TECHNICAL")
                        .param("title", "Avec un exécutable")
                        .param("description", "Voir la pièce jointe.")
                        .with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(Jsoup.parse(refused.getContentAsString())
                        .select("[data-testid=filing-refusal]")
                        .text())
                .startsWith("Ce type de fichier");
        assertThat(page(correspondent, "/demandes").select("[data-testid=group-IN_PROGRESS] a"))
                .as("nothing half-saved")
                .hasSize(before);

        var png = TestFiles.png();
        var filed = correspondent
                .perform(MockMvcRequestBuilders.multipart("/demandes/nouvelle/" + category)
                        .file(new MockMultipartFile("file", "capture.png", "image/png", png))
                        .param("priority", "BLOCKING")
                        .param("nature", "TECHNICAL")
                        .param("title", "Avec une capture")
                        .param("description", "Voir la capture.")
                        .with(csrf()))
                .andReturn()
                .getResponse();
        var ticketPath = filed.getRedirectedUrl();
        var link = page(correspondent, ticketPath).select("[data-testid=attachments] a");
        assertThat(link.text()).isEqualTo("capture.png");

        var download = correspondent.perform(get(link.attr("href"))).andReturn().getResponse();
        assertThat(download.getContentAsByteArray()).isEqualTo(png);
        assertThat(download.getContentType()).isEqualTo("image/png");
        assertThat(download.getHeader("Content-Disposition")).startsWith("attachment");
        assertThat(page(agent, ticketPath).select("[data-testid=attachments] a").text())
                .isEqualTo("capture.png");
        var stranger = Visitor.signedIn(mvc, strangerEmail());
        assertThat(stranger.perform(get(link.attr("href")))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
    }

    @Test
    void invisibleCharactersAndNulAreLeftOutOfWhatIsFiledAndLineBreaksStay() throws Exception {
        reference.validateInstalledVersion(
                establishment, product, reference.defineVersion(product, "6.60", true), null);
        reference.defineDomain(product, "RH");

        var filed = correspondent
                .perform(post("/demandes/nouvelle/" + category)
                        .with(csrf())
                        .param("priority", "BLOCKING")
                        .param("nature", "TECHNICAL")
                        .param("title", "Paie\u202E bloquée\u0000")
                        .param("domain", "\u2066RH\u2069")
                        .param("description", "Étapes :\r\n\t1. ouvrir\u0000 la paie\u200F\n\t2. valider"))
                .andReturn()
                .getResponse();

        assertThat(filed.getRedirectedUrl()).as("filed, not an error").matches("/demandes/\\d+");
        var number = Long.parseLong(filed.getRedirectedUrl().substring("/demandes/".length()));
        assertThat(page(correspondent, filed.getRedirectedUrl()).select("h1").text())
                .isEqualTo("Demande n° " + number + " — Paie bloquée");
        assertThat(jdbc.sql("select title, domain, description from ticket where id = ?")
                        .param(number)
                        .query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3)))
                        .single())
                .containsExactly("Paie bloquée", "RH", "Étapes :\r\n\t1. ouvrir la paie\n\t2. valider");

        var path = filed.getRedirectedUrl();
        agent.perform(post(path + "/actions").with(csrf()).param("action", "TAKE"));
        agent.perform(post(path + "/actions")
                .with(csrf())
                .param("action", "ASK_SITE")
                .param("text", "Quelle\u0000 année\u202E ?\nMerci."));
        assertThat(jdbc.sql("select text from ticket_exchange where ticket_id = ? and text is not null")
                        .param(number)
                        .query(String.class)
                        .list())
                .containsExactly("Étapes :\r\n\t1. ouvrir la paie\n\t2. valider", "Quelle année ?\nMerci.");
    }

    @Test
    void anAttachmentsNameLosesItsInvisibleCharactersAndDownloadsSafelyEvenIfStoredBefore() throws Exception {
        reference.validateInstalledVersion(
                establishment, product, reference.defineVersion(product, "6.70", true), null);
        var png = TestFiles.png();
        var path = correspondent
                .perform(post("/demandes/nouvelle/" + category)
                        .with(csrf())
                        .param("priority", "BLOCKING")
                        .param("nature", "TECHNICAL")
                        .param("title", "Avec des captures")
                        .param("description", "Voir les captures."))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        var number = path.substring("/demandes/".length());

        var attached = correspondent
                .perform(MockMvcRequestBuilders.multipart(path + "/pieces")
                        .file(new MockMultipartFile("file", "cap\u0000ture\u202Egnp.png", "image/png", png))
                        .with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(attached.getRedirectedUrl()).as("attached, not an error").isEqualTo(path);
        var token = correspondent.apiToken();
        var byApi = correspondent
                .perform(MockMvcRequestBuilders.multipart("/api/v1/tickets/" + number + "/attachments")
                        .file(new MockMultipartFile("file", "\u2066écran\u0000\u2069.png", "image/png", png))
                        .header("Authorization", "Bearer " + token))
                .andReturn()
                .getResponse();
        assertThat(byApi.getStatus()).isEqualTo(201);

        var links = page(correspondent, path).select("[data-testid=attachments] a");
        assertThat(links.eachText()).containsExactly("capturegnp.png", "écran.png");
        var header = correspondent
                .perform(get(links.first().attr("href")))
                .andReturn()
                .getResponse()
                .getHeader("Content-Disposition");
        assertThat(header)
                .startsWith("attachment")
                .contains("capturegnp.png")
                .doesNotContain("%00")
                .doesNotContain("%E2%80%AE");

        // a name kept as it came, before format characters were left out
        jdbc.sql("update ticket_attachment set file_name = ? where ticket_id = ? and file_name = ?")
                .params("facture\u202Efdp\u009b.exe", Long.parseLong(number), "capturegnp.png")
                .update();
        assertThat(page(correspondent, path)
                        .select("[data-testid=attachments] a")
                        .eachText())
                .containsExactly("facturefdp.exe", "écran.png");
        var old = correspondent
                .perform(get(links.first().attr("href")))
                .andReturn()
                .getResponse();
        assertThat(old.getContentAsByteArray()).isEqualTo(png);
        assertThat(old.getHeader("Content-Disposition"))
                .contains("facturefdp.exe")
                .doesNotContain("%E2%80%AE")
                .doesNotContain("%C2%9B");
        var listed = correspondent
                .perform(get("/api/v1/tickets/" + number + "/attachments").header("Authorization", "Bearer " + token))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(JsonPath.<List<String>>read(listed, "$[*].fileName")).containsExactly("facturefdp.exe", "écran.png");
    }

    private String strangerEmail() {
        var email = People.uniqueEmail(domain);
        accounts.createVerified(email, Civility.MONSIEUR, "Curieux", "Carl", establishment, false, GOOD_PASSWORD);
        return email;
    }

    @Test
    void theGuidanceScreenOpensUntilHeChoosesNotToSeeItAgain() throws Exception {
        reference.validateInstalledVersion(
                establishment, product, reference.defineVersion(product, "6.70", true), null);
        reference.guide(category, "Indiquez l’année universitaire.");
        var first = page(correspondent, "/demandes/nouvelle/" + category).select("[data-testid=guidance]");
        assertThat(first.hasAttr("open")).isTrue();
        assertThat(first.text()).contains("Indiquez l’année universitaire.");

        correspondent.perform(
                post("/demandes/nouvelle/" + category + "/conseils").with(csrf()));

        var later = page(correspondent, "/demandes/nouvelle/" + category).select("[data-testid=guidance]");
        assertThat(later.hasAttr("open")).as("folded, still there").isFalse();
        assertThat(later.text()).contains("Indiquez l’année universitaire.");
    }

    @Autowired
    JdbcClient jdbc;

    @Test
    void anAgentFilesForASiteFromItsPage() throws Exception {
        reference.validateInstalledVersion(
                establishment, product, reference.defineVersion(product, "6.60", true), null);
        var form = page(agent, "/agence/demandes/nouvelle/" + category + "?etablissement=" + establishment.value());
        assertThat(form.select("[data-testid=installed-version]").text()).contains("6.60");
        assertThat(form.select("select[name=correspondent] option").eachText())
                .anyMatch(t -> t.startsWith("Anne Dupont"));
        assertThat(form.selectFirst("#title").attr("hx-get"))
                .as("the product's similar published tickets while the title is typed")
                .isEqualTo("/connaissance/similaires?produit=" + product.value());

        var refused = agent.perform(post("/agence/demandes/nouvelle/" + category)
                        .with(csrf())
                        .param("etablissement", "" + establishment.value())
                        .param(
                                "correspondent",
                                form.select("select[name=correspondent] option").attr("value"))
                        .param("priority", "BLOCKING")
                        .param("nature", "TECHNICAL")
                        .param("title", "Appel du site")
                        .param("description", "Signalé par téléphone."))
                .andReturn()
                .getResponse();
        var refusedForm = Jsoup.parse(refused.getContentAsString());
        assertThat(refusedForm.select("[data-testid=filing-refusal]").text())
                .isEqualTo("Indiquez l’origine de la demande (VSR ou VA).");
        assertThat(refusedForm.select("input[name=title]").attr("value")).isEqualTo("Appel du site");

        var filed = agent.perform(post("/agence/demandes/nouvelle/" + category)
                        .with(csrf())
                        .param("etablissement", "" + establishment.value())
                        .param(
                                "correspondent",
                                form.select("select[name=correspondent] option").attr("value"))
                        .param("origin", "VA")
                        .param("priority", "BLOCKING")
                        .param("nature", "TECHNICAL")
                        .param("title", "Appel du site")
                        .param("description", "Signalé par téléphone."))
                .andReturn()
                .getResponse();
        assertThat(filed.getRedirectedUrl()).matches("/demandes/\\d+");
        assertThat(page(correspondent, filed.getRedirectedUrl())
                        .select("[data-testid=state]")
                        .text())
                .isEqualTo(
                        "NEW/VA — nouvelle, déposée par l’Agence pour le site (origine VA), à affecter à une équipe");
        assertThat(correspondent
                        .perform(get("/agence/demandes/nouvelle/" + category))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .as("an agency page")
                .isEqualTo(403);
    }

    private Document page(Visitor visitor, String path) throws Exception {
        return Jsoup.parse(visitor.perform(get(path)).andReturn().getResponse().getContentAsString());
    }
}
