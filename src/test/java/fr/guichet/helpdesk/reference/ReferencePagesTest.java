package fr.guichet.helpdesk.reference;

import static fr.guichet.support.People.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.account.Civility;
import fr.guichet.helpdesk.CategoryId;
import fr.guichet.helpdesk.CorrespondentKind;
import fr.guichet.helpdesk.Nature;
import fr.guichet.helpdesk.Priority;
import fr.guichet.helpdesk.ProductId;
import fr.guichet.helpdesk.tickets.LevelTwoForm;
import fr.guichet.helpdesk.tickets.TicketFiling;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import fr.guichet.support.IntegrationTest;
import fr.guichet.support.People;
import fr.guichet.support.Visitor;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The agency's pages for the helpdesk's reference data: each part creates and edits, refuses bad
 * input with its message and the form as typed, and leaves an audit entry; agents manage all but
 * the closure periods; members are refused.
 */
@IntegrationTest
class ReferencePagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    Organizations organizations;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CategoryTree categories;

    @Autowired
    ReferenceSetup setup;

    @Autowired
    TicketFiling filing;

    @Autowired
    MessageSource messages;

    @Autowired
    Clock clock;

    Instant started;

    String domain;
    OrganizationId establishment;
    String memberEmail;
    AccountId member;
    String adminEmail;
    AccountId admin;
    String agentEmail;
    AccountId agent;
    Visitor adminBrowser;
    Visitor agentBrowser;
    Visitor memberBrowser;

    @BeforeEach
    void agencyAndEstablishment() throws Exception {
        started = clock.instant().minusSeconds(1);
        domain = People.uniqueDomain();
        establishment =
                organizations.createEstablishment("Université " + domain, "U" + domain.substring(1, 5), Set.of(domain));
        memberEmail = People.uniqueEmail(domain);
        member = accounts.createVerified(
                memberEmail, Civility.MADAME, "Martin", "Claire", establishment, false, GOOD_PASSWORD);
        adminEmail = People.uniqueEmail("agence.test");
        admin = accounts.createVerified(adminEmail, Civility.MONSIEUR, "Admin", "Alain", null, true, GOOD_PASSWORD);
        agentEmail = People.uniqueEmail("agence.test");
        agent = accounts.createVerified(agentEmail, Civility.MADAME, "Agent", "Alice", null, false, GOOD_PASSWORD);
        accounts.makeAgent(agent);
        adminBrowser = Visitor.signedIn(mvc, adminEmail);
        agentBrowser = Visitor.signedIn(mvc, agentEmail);
        memberBrowser = Visitor.signedIn(mvc, memberEmail);
    }

    @Test
    void membersAreRefusedEverywhereAgentsEverywhereButTheClosurePeriodsTeamsAndContractors() throws Exception {
        for (var path : List.of(
                "/agence/referentiel",
                "/agence/referentiel/produits",
                "/agence/referentiel/categories",
                "/agence/referentiel/equipes",
                "/agence/referentiel/prestataires",
                "/agence/referentiel/engagements",
                "/agence/referentiel/fermetures")) {
            assertThat(memberBrowser
                            .perform(get(path))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .as(path)
                    .isEqualTo(403);
        }
        assertThat(memberBrowser
                        .perform(post("/agence/referentiel/produits/nouveau")
                                .param("code", "X" + unique())
                                .param("name", "Pirate")
                                .with(csrf()))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);

        var index = page(agentBrowser, get("/agence/referentiel"));
        assertThat(index.select("[data-testid=reference-parts] a").eachAttr("href"))
                .contains("/agence/referentiel/produits", "/agence/referentiel/categories")
                .doesNotContain(
                        "/agence/referentiel/fermetures",
                        "/agence/referentiel/equipes",
                        "/agence/referentiel/prestataires");
        assertThat(agentBrowser
                        .perform(get("/agence/referentiel/fermetures"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        assertThat(agentBrowser
                        .perform(post("/agence/referentiel/fermetures")
                                .param("label", "Pont")
                                .param("firstDay", "2091-05-02")
                                .param("lastDay", "2091-05-02")
                                .with(csrf()))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        assertThat(page(adminBrowser, get("/agence/referentiel"))
                        .select("[data-testid=reference-parts] a")
                        .eachAttr("href"))
                .contains("/agence/referentiel/fermetures");
    }

    @Test
    void anAgentCreatesAndEditsAProductItsVersionsAndDomains() throws Exception {
        var code = "P" + unique();
        var refused = form(
                agentBrowser,
                post("/agence/referentiel/produits/nouveau")
                        .param("code", "sp ace")
                        .param("name", "")
                        .param("guidance", "Joindre le journal"));
        assertThat(errors(refused))
                .contains("Utilisez des lettres, des chiffres, des tirets.", "Ce champ est obligatoire.");
        assertThat(refused.selectFirst("#guidance").text())
                .as("what was typed is kept")
                .isEqualTo("Joindre le journal");
        assertThat(refused.selectFirst("#code").attr("aria-describedby")).contains("code-error");

        var created = agentBrowser
                .perform(post("/agence/referentiel/produits/nouveau")
                        .param("code", code)
                        .param("name", "Sifac " + code)
                        .param("guidance", "Joindre le journal")
                        .param("active", "true")
                        .with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(created.getStatus()).isEqualTo(302);
        var product = productId(code);
        assertThat(created.getRedirectedUrl()).isEqualTo("/agence/referentiel/produits/" + product);

        var clash = form(
                agentBrowser,
                post("/agence/referentiel/produits/nouveau")
                        .param("code", code.toLowerCase())
                        .param("name", "Autre"));
        assertThat(errors(clash))
                .containsExactly("Le code " + code.toLowerCase() + " est déjà celui d’un autre logiciel.");
        assertThat(clash.selectFirst("#name").val()).isEqualTo("Autre");

        agentBrowser.perform(post("/agence/referentiel/produits/" + product)
                .param("code", code)
                .param("name", "Sifac renommé " + code)
                .param("guidance", "")
                .with(csrf()));
        assertThat(jdbc.sql("select name, active from product where id = ?")
                        .param(product)
                        .query((rs, n) -> rs.getString(1) + "/" + rs.getBoolean(2))
                        .single())
                .as("an unticked box is false")
                .isEqualTo("Sifac renommé " + code + "/false");

        var base = "/agence/referentiel/produits/" + product;
        agentBrowser.perform(post(base + "/versions")
                .param("label", "2026.1")
                .param("releasedOn", "2026-03-02")
                .param("maintained", "true")
                .with(csrf()));
        var twice = form(agentBrowser, post(base + "/versions").param("label", "2026.1"));
        assertThat(errors(twice)).containsExactly("La version 2026.1 existe déjà pour ce logiciel.");
        var badDate = form(
                agentBrowser, post(base + "/versions").param("label", "2026.2").param("releasedOn", "demain"));
        assertThat(errors(badDate))
                .containsExactly(
                        "Cette date n’est pas valable : choisissez-la dans le calendrier ou écrivez-la sous la forme 2026-12-24.");
        assertThat(badDate.selectFirst("#label").val()).isEqualTo("2026.2");
        var version = jdbc.sql("select id from product_version where product_id = ?")
                .param(product)
                .query(Long.class)
                .single();
        agentBrowser.perform(post(base + "/versions/" + version + "/maintenance")
                .param("maintenue", "false")
                .with(csrf()));
        assertThat(jdbc.sql("select maintained from product_version where id = ?")
                        .param(version)
                        .query(Boolean.class)
                        .single())
                .isFalse();

        agentBrowser.perform(post(base + "/domaines").param("domain", "Paie").with(csrf()));
        agentBrowser.perform(post(base + "/domaines").param("domain", "Budget").with(csrf()));
        var domainClash = form(agentBrowser, post(base + "/domaines").param("domain", "paie"));
        assertThat(errors(domainClash)).containsExactly("Le domaine paie existe déjà pour ce logiciel.");
        var paie = domainId(product, "Paie");
        var renameClash = form(agentBrowser, post(base + "/domaines/" + paie).param("domain", "Budget"));
        assertThat(errors(renameClash)).containsExactly("Le domaine Budget existe déjà pour ce logiciel.");
        agentBrowser.perform(
                post(base + "/domaines/" + paie).param("domain", "Paie et RH").with(csrf()));
        usedByATicket(product, "Paie et RH");
        var used = agentBrowser
                .perform(post(base + "/domaines/" + paie + "/suppression").with(csrf()))
                .andReturn();
        assertThat(used.getResponse().getRedirectedUrl()).isEqualTo(base);
        assertThat(used.getFlashMap().get("refusal")).isEqualTo("reference.domain.used");
        assertThat(messages.getMessage(
                        "reference.domain.used", (Object[]) used.getFlashMap().get("refusalArguments"), Locale.FRENCH))
                .isEqualTo(
                        "Le domaine Paie et RH est utilisé par 1 demande(s) : il ne peut pas être supprimé, mais il peut être renommé.");
        assertThat(domainId(product, "Paie et RH")).as("still there").isEqualTo(paie);
        agentBrowser.perform(post(base + "/domaines/" + domainId(product, "Budget") + "/suppression")
                .with(csrf()));
        assertThat(page(agentBrowser, get(base))
                        .select("[data-testid=domains] li")
                        .eachText())
                .singleElement()
                .asString()
                .startsWith("Paie et RH");

        awaitAudit(
                "product " + product + ": " + code,
                "REFERENCE_PRODUCT_CREATED",
                "REFERENCE_PRODUCT_CHANGED",
                "REFERENCE_VERSION_ADDED",
                "REFERENCE_VERSION_UNMAINTAINED",
                "REFERENCE_DOMAIN_ADDED",
                "REFERENCE_DOMAIN_ADDED",
                "REFERENCE_DOMAIN_RENAMED",
                "REFERENCE_DOMAIN_REMOVED");
    }

    @Test
    void correspondentsAreConfirmedMembersAndTheInstalledVersionIsOneOfTheProducts() throws Exception {
        var code = "C" + unique();
        adminBrowser.perform(post("/agence/referentiel/produits/nouveau")
                .param("code", code)
                .param("name", "Apogée " + code)
                .param("active", "true")
                .with(csrf()));
        var product = productId(code);
        adminBrowser.perform(post("/agence/referentiel/produits/" + product + "/versions")
                .param("label", "6.0")
                .param("maintained", "true")
                .with(csrf()));
        var search = page(
                adminBrowser, get("/agence/referentiel/produits/" + product).param("etablissement", domain));
        var link = "/agence/referentiel/produits/" + product + "/etablissements/" + establishment.value();
        assertThat(search.select("[data-testid=found] a").eachAttr("href")).containsExactly(link);

        var unknown = form(
                adminBrowser,
                post(link + "/correspondants")
                        .param("email", "personne@" + domain)
                        .param("kind", "FUNCTIONAL"));
        assertThat(errors(unknown)).containsExactly("Aucun compte n’a l’adresse personne@" + domain + ".");
        var outsider = People.uniqueEmail();
        accounts.createVerified(outsider, Civility.MONSIEUR, "Autre", "Paul", null, false, GOOD_PASSWORD);
        var notMember = form(
                adminBrowser,
                post(link + "/correspondants").param("email", outsider).param("kind", "TECHNICAL"));
        assertThat(errors(notMember))
                .containsExactly(outsider + " n’est pas membre confirmé de Université " + domain + ".");
        var badContact = form(
                adminBrowser,
                post(link + "/correspondants").param("email", memberEmail).param("contactEmail", "sifac@"));
        assertThat(errors(badContact))
                .containsExactlyInAnyOrder(
                        "Choisissez correspondant fonctionnel ou technique.",
                        "Saisissez une adresse e-mail valide, par exemple prenom.nom@univ-exemple.fr.");
        assertThat(badContact.selectFirst("#email").val()).isEqualTo(memberEmail);

        adminBrowser.perform(post(link + "/correspondants")
                .param("email", memberEmail)
                .param("kind", "FUNCTIONAL")
                .param("contactEmail", "sifac@" + domain)
                .with(csrf()));
        var again = form(
                adminBrowser,
                post(link + "/correspondants").param("email", memberEmail).param("kind", "FUNCTIONAL"));
        assertThat(errors(again)).containsExactly(memberEmail + " est déjà correspondant de ce type pour ce logiciel.");
        assertThat(jdbc.sql(
                                "select contact_email from correspondent where establishment_id = ? and product_id = ? and account_id = ?")
                        .params(establishment.value(), product, member.value())
                        .query(String.class)
                        .single())
                .isEqualTo("sifac@" + domain);
        assertThat(page(adminBrowser, get("/agence/referentiel/produits/" + product))
                        .select("[data-testid=covered] li")
                        .text())
                .contains("Université " + domain, "1 correspondant(s)");

        var none = form(adminBrowser, post(link + "/version-installee").param("serverData", "PostgreSQL 16"));
        assertThat(errors(none)).containsExactly("Choisissez une des versions du logiciel.");
        assertThat(none.selectFirst("#serverData").text()).isEqualTo("PostgreSQL 16");
        var version = jdbc.sql("select id from product_version where product_id = ?")
                .param(product)
                .query(Long.class)
                .single();
        adminBrowser.perform(post(link + "/version-installee")
                .param("versionId", "" + version)
                .param("serverData", "PostgreSQL 16")
                .with(csrf()));
        assertThat(page(adminBrowser, get(link))
                        .select("[data-testid=installed]")
                        .text())
                .startsWith("Version 6.0, validée le");

        var correspondent = jdbc.sql("select id from correspondent where product_id = ?")
                .param(product)
                .query(Long.class)
                .single();
        adminBrowser.perform(
                post(link + "/correspondants/" + correspondent + "/retrait").with(csrf()));
        assertThat(jdbc.sql("select count(*) from correspondent where product_id = ?")
                        .param(product)
                        .query(Long.class)
                        .single())
                .isZero();
        awaitAudit(
                "establishment " + establishment.value() + " product " + product + ": Université " + domain + " / "
                        + code,
                "REFERENCE_CORRESPONDENT_ADDED",
                "REFERENCE_INSTALLED_VERSION_VALIDATED",
                "REFERENCE_CORRESPONDENT_REMOVED");
    }

    @Test
    void categoriesFormATreeAndSayWhoFilesWhatIsRequiredAndHowTheyEnd() throws Exception {
        var code = "K" + unique();
        agentBrowser.perform(post("/agence/referentiel/produits/nouveau")
                .param("code", code)
                .param("name", "Siham " + code)
                .param("active", "true")
                .with(csrf()));
        var product = productId(code);
        var name = "Siham " + code;

        var refused = form(
                agentBrowser,
                post("/agence/referentiel/categories/nouvelle")
                        .param("name", name)
                        .param("sortOrder", "1")
                        .param("filedByCorrespondents", "true")
                        .param("descriptionLimit", "60000")
                        .param("guidance", "Décrivez"));
        assertThat(errors(refused))
                .containsExactlyInAnyOrder(
                        "Choisissez comment la demande se termine.", "Indiquez un nombre entre 100 et 50 000.");
        assertThat(refused.selectFirst("#filedByCorrespondents").hasAttr("checked"))
                .isTrue();
        var noProduct = form(
                agentBrowser,
                post("/agence/referentiel/categories/nouvelle")
                        .param("name", name)
                        .param("sortOrder", "1")
                        .param("filedByCorrespondents", "true")
                        .param("requiresValidation", "true")
                        .param("descriptionLimit", "10000"));
        assertThat(errors(noProduct))
                .containsExactly("Choisissez le logiciel : les correspondants déposent dans cette catégorie.");

        var created = agentBrowser
                .perform(post("/agence/referentiel/categories/nouvelle")
                        .param("name", name)
                        .param("sortOrder", "1")
                        .param("productId", "" + product)
                        .param("filedByCorrespondents", "true")
                        .param("requiresValidation", "true")
                        .param("publishes", "true")
                        .param("descriptionLimit", "5000")
                        .param("requiredFields", "INTERNAL_REFERENCE", "MESSAGE_CODE")
                        .param("active", "true")
                        .with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(created.getRedirectedUrl()).isEqualTo("/agence/referentiel/categories");
        var root = jdbc.sql("select id from category where name = ?")
                .param(name)
                .query(Long.class)
                .single();
        assertThat(jdbc.sql("select required_fields from category where id = ?")
                        .param(root)
                        .query(String.class)
                        .single())
                .isEqualTo("INTERNAL_REFERENCE,MESSAGE_CODE");
        var sibling = form(
                agentBrowser,
                post("/agence/referentiel/categories/nouvelle")
                        .param("name", name.toUpperCase())
                        .param("sortOrder", "2")
                        .param("requiresValidation", "false")
                        .param("descriptionLimit", "10000"));
        assertThat(errors(sibling)).containsExactly("Une catégorie voisine s’appelle déjà " + name.toUpperCase() + ".");

        agentBrowser.perform(post("/agence/referentiel/categories/nouvelle")
                .param("parent", "" + root)
                .param("name", "Paie " + code)
                .param("sortOrder", "0")
                .param("requiresValidation", "false")
                .param("descriptionLimit", "10000")
                .with(csrf()));
        var tree = page(agentBrowser, get("/agence/referentiel/categories")).select("[data-testid=category-tree] li");
        var rootLine = tree.stream()
                .filter(li -> li.text().startsWith(name))
                .findFirst()
                .orElseThrow();
        var childLine = tree.stream()
                .filter(li -> li.text().startsWith("Paie " + code))
                .findFirst()
                .orElseThrow();
        assertThat(tree.indexOf(childLine)).isEqualTo(tree.indexOf(rootLine) + 1);
        assertThat(childLine.hasClass("tree-level-1")).isTrue();

        var edit = page(agentBrowser, get("/agence/referentiel/categories/" + root));
        assertThat(edit.selectFirst("#requiredFields").hasAttr("checked"))
                .as("INTERNAL_REFERENCE shown as required")
                .isTrue();
        assertThat(edit.selectFirst("#descriptionLimit").val()).isEqualTo("5000");
        agentBrowser.perform(post("/agence/referentiel/categories/" + root)
                .param("name", name)
                .param("sortOrder", "1")
                .param("productId", "" + product)
                .param("filedByCorrespondents", "true")
                .param("requiresValidation", "true")
                .param("descriptionLimit", "8000")
                .with(csrf()));
        assertThat(jdbc.sql("select description_limit, active, required_fields from category where id = ?")
                        .param(root)
                        .query((rs, n) -> rs.getInt(1) + "/" + rs.getBoolean(2) + "/" + rs.getString(3))
                        .single())
                .as("unticked boxes: inactive, nothing required")
                .isEqualTo("8000/false/null");
        awaitAudit("category " + root + ": " + name, "REFERENCE_CATEGORY_CREATED", "REFERENCE_CATEGORY_CHANGED");
    }

    @Test
    void platformAdminsAloneComposeTeamsOfStaffAndContractorsOfAnyAccount() throws Exception {
        var name = "Équipe " + unique();
        for (var path : List.of("/agence/referentiel/equipes", "/agence/referentiel/prestataires")) {
            assertThat(agentBrowser.perform(get(path)).andReturn().getResponse().getStatus())
                    .as("an agent may not widen who sees what: " + path)
                    .isEqualTo(403);
        }
        assertThat(agentBrowser
                        .perform(post("/agence/referentiel/equipes")
                                .param("name", name)
                                .with(csrf()))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        var created = adminBrowser
                .perform(post("/agence/referentiel/equipes").param("name", name).with(csrf()))
                .andReturn()
                .getResponse();
        var team = jdbc.sql("select id from team where name = ?")
                .param(name)
                .query(Long.class)
                .single();
        assertThat(created.getRedirectedUrl()).isEqualTo("/agence/referentiel/equipes/" + team);
        var clash = form(adminBrowser, post("/agence/referentiel/equipes").param("name", name.toLowerCase()));
        assertThat(errors(clash)).containsExactly("Une équipe s’appelle déjà " + name.toLowerCase() + ".");

        var notStaff = form(
                adminBrowser,
                post("/agence/referentiel/equipes/" + team + "/membres").param("email", memberEmail));
        assertThat(errors(notStaff))
                .singleElement()
                .asString()
                .startsWith(memberEmail + " n’est pas un agent de l’Agence");
        assertThat(notStaff.selectFirst("#email").val()).isEqualTo(memberEmail);
        adminBrowser.perform(post("/agence/referentiel/equipes/" + team + "/membres")
                .param("email", adminEmail)
                .with(csrf()));
        assertThat(page(adminBrowser, get("/agence/referentiel/equipes/" + team))
                        .select("[data-testid=members] li")
                        .text())
                .contains(adminEmail);
        adminBrowser.perform(post("/agence/referentiel/equipes/" + team + "/membres/" + admin.value() + "/retrait")
                .with(csrf()));
        assertThat(jdbc.sql("select count(*) from team_member where team_id = ?")
                        .param(team)
                        .query(Long.class)
                        .single())
                .isZero();

        var company = "Prestataire " + unique();
        adminBrowser.perform(
                post("/agence/referentiel/prestataires").param("name", company).with(csrf()));
        var contractor = jdbc.sql("select id from contractor where name = ?")
                .param(company)
                .query(Long.class)
                .single();
        adminBrowser.perform(post("/agence/referentiel/prestataires/" + contractor + "/agents")
                .param("email", memberEmail)
                .with(csrf()));
        assertThat(jdbc.sql("select account_id from contractor_agent where contractor_id = ?")
                        .param(contractor)
                        .query(Long.class)
                        .single())
                .isEqualTo(member.value());
        var empty = form(
                adminBrowser,
                post("/agence/referentiel/prestataires/" + contractor).param("name", " "));
        assertThat(errors(empty)).containsExactly("Ce champ est obligatoire.");

        awaitAudit(
                "team " + team + ": " + name,
                "REFERENCE_TEAM_CREATED",
                "REFERENCE_TEAM_MEMBER_ADDED",
                "REFERENCE_TEAM_MEMBER_REMOVED");
        awaitAudit(
                "contractor " + contractor + ": " + company,
                "REFERENCE_CONTRACTOR_CREATED",
                "REFERENCE_CONTRACTOR_MEMBER_ADDED");
    }

    @Test
    void serviceCommitmentsStayBetweenOneAndSixtyBusinessDays() throws Exception {
        var before = jdbc.sql("select first_reply_days from service_commitment order by priority")
                .query(Integer.class)
                .list();
        try {
            var refused = form(
                    agentBrowser,
                    post("/agence/referentiel/engagements")
                            .param("blocking", "0")
                            .param("nonBlocking", "61"));
            assertThat(errors(refused))
                    .containsExactly(
                            "Indiquez un nombre de jours ouvrés entre 1 et 60.",
                            "Indiquez un nombre de jours ouvrés entre 1 et 60.");
            assertThat(refused.selectFirst("#nonBlocking").val()).isEqualTo("61");
            var letters = form(
                    agentBrowser,
                    post("/agence/referentiel/engagements")
                            .param("blocking", "deux")
                            .param("nonBlocking", "5"));
            assertThat(errors(letters)).containsExactly("Indiquez un nombre de jours ouvrés entre 1 et 60.");
            assertThat(letters.selectFirst("#blocking").val()).isEqualTo("deux");

            agentBrowser.perform(post("/agence/referentiel/engagements")
                    .param("blocking", "3")
                    .param("nonBlocking", "7")
                    .with(csrf()));
            assertThat(page(agentBrowser, get("/agence/referentiel/engagements"))
                            .selectFirst("#blocking")
                            .val())
                    .isEqualTo("3");
            awaitAudit("service commitments", "REFERENCE_SERVICE_COMMITMENTS_CHANGED");
        } finally {
            jdbc.sql("update service_commitment set first_reply_days = ? where priority = 'BLOCKING'")
                    .param(before.get(0))
                    .update();
            jdbc.sql("update service_commitment set first_reply_days = ? where priority = 'NON_BLOCKING'")
                    .param(before.get(1))
                    .update();
        }
    }

    @Test
    void platformAdminsDeclareAndRemoveClosurePeriods() throws Exception {
        var label = "Fermeture " + unique();
        // years ahead, so that no ticket of another test meets it should this one stop half-way
        var christmas = LocalDate.now(clock).plusYears(4).withMonth(12).withDayOfMonth(24);
        var refused = form(
                adminBrowser,
                post("/agence/referentiel/fermetures")
                        .param("label", label)
                        .param("firstDay", christmas.plusDays(7).toString())
                        .param("lastDay", christmas.toString()));
        assertThat(errors(refused)).containsExactly("Le dernier jour ne peut pas précéder le premier.");
        assertThat(refused.selectFirst("#label").val()).isEqualTo(label);
        var missing = form(
                adminBrowser,
                post("/agence/referentiel/fermetures").param("label", "").param("firstDay", christmas.toString()));
        assertThat(errors(missing)).containsExactlyInAnyOrder("Ce champ est obligatoire.", "Ce champ est obligatoire.");

        adminBrowser.perform(post("/agence/referentiel/fermetures")
                .param("label", label)
                .param("firstDay", christmas.toString())
                .param("lastDay", christmas.plusDays(7).toString())
                .with(csrf()));
        var id = jdbc.sql("select id from closure_period where label = ?")
                .param(label)
                .query(Long.class)
                .single();
        var year = christmas.getYear();
        assertThat(page(adminBrowser, get("/agence/referentiel/fermetures"))
                        .select("[data-testid=closures] td")
                        .eachText())
                .contains(label, "24/12/" + year, "31/12/" + year);
        assertThat(agentBrowser
                        .perform(post("/agence/referentiel/fermetures/" + id + "/suppression")
                                .with(csrf()))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        adminBrowser.perform(
                post("/agence/referentiel/fermetures/" + id + "/suppression").with(csrf()));
        assertThat(jdbc.sql("select count(*) from closure_period where id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isZero();
        awaitAudit("closure period " + label, "REFERENCE_CLOSURE_ADDED", "REFERENCE_CLOSURE_REMOVED");
    }

    @Test
    void aClosurePeriodLastsAYearAtMostAndLiesWithinFiveYearsOfToday() throws Exception {
        var label = "Fermeture " + unique();
        var first = LocalDate.now(clock).plusYears(3);

        var endless = form(
                adminBrowser,
                post("/agence/referentiel/fermetures")
                        .param("label", label)
                        .param("firstDay", "0001-01-01")
                        .param("lastDay", "9999-12-31"));
        assertThat(endless.selectFirst("#firstDay-error").text())
                .isEqualTo("Choisissez une date à moins de 5 ans d’aujourd’hui.");
        var farAway = form(
                adminBrowser,
                post("/agence/referentiel/fermetures")
                        .param("label", label)
                        .param("firstDay", first.toString())
                        .param(
                                "lastDay",
                                LocalDate.now(clock).plusYears(5).plusDays(1).toString()));
        assertThat(farAway.selectFirst("#lastDay-error").text())
                .isEqualTo("Choisissez une date à moins de 5 ans d’aujourd’hui.");
        var tooLong = form(
                adminBrowser,
                post("/agence/referentiel/fermetures")
                        .param("label", label)
                        .param("firstDay", first.toString())
                        .param("lastDay", first.plusDays(366).toString()));
        assertThat(tooLong.selectFirst("#lastDay-error").text())
                .isEqualTo("Une période de fermeture dure au plus 366 jours.");
        var inEnglish = form(
                adminBrowser,
                post("/agence/referentiel/fermetures")
                        .param("label", label)
                        .param("firstDay", first.toString())
                        .param("lastDay", first.plusDays(366).toString())
                        .param("lang", "en")
                        .header("Accept-Language", "en"));
        assertThat(errors(inEnglish)).containsExactly("A closure period lasts 366 days at most.");
        assertThat(jdbc.sql("select count(*) from closure_period where label = ?")
                        .param(label)
                        .query(Long.class)
                        .single())
                .as("nothing saved")
                .isZero();

        try {
            adminBrowser.perform(post("/agence/referentiel/fermetures")
                    .param("label", label)
                    .param("firstDay", first.toString())
                    .param("lastDay", first.plusDays(365).toString())
                    .with(csrf()));
            assertThat(jdbc.sql("select count(*) from closure_period where label = ?")
                            .param(label)
                            .query(Long.class)
                            .single())
                    .as("366 days, first and last included")
                    .isOne();
        } finally {
            jdbc.sql("delete from closure_period where label = ?").param(label).update();
        }
    }

    @Test
    void theEnglishPagesSpeakEnglish() throws Exception {
        var refused = form(
                agentBrowser,
                post("/agence/referentiel/engagements")
                        .param("blocking", "0")
                        .param("nonBlocking", "5")
                        .param("lang", "en")
                        .header("Accept-Language", "en"));
        assertThat(errors(refused)).containsExactly("Enter a number of business days between 1 and 60.");
    }

    /**
     * A ticket filed under this domain (one of the product's) by the member, named correspondent of the product for
     * his establishment with one of its versions validated there: as the filing form records it.
     */
    private void usedByATicket(long product, String domainName) {
        var id = new ProductId(product);
        setup.nameCorrespondent(establishment, id, member, CorrespondentKind.TECHNICAL, null);
        var version = jdbc.sql("select min(id) from product_version where product_id = ?")
                .param(product)
                .query(Long.class)
                .single();
        setup.validateInstalledVersion(establishment, id, version, null);
        var category = setup.defineCategory(null, "Tmp " + unique(), id, true, false, false, true, false, null);
        filing.fileLevelTwo(
                member,
                establishment,
                new LevelTwoForm(
                        new CategoryId(category),
                        Priority.NON_BLOCKING,
                        domainName,
                        Nature.FUNCTIONAL,
                        null,
                        null,
                        "Titre",
                        "Description",
                        null));
    }

    private long productId(String code) {
        return jdbc.sql("select id from product where code = ?")
                .param(code)
                .query(Long.class)
                .single();
    }

    private long domainId(long product, String name) {
        return jdbc.sql("select id from product_domain where product_id = ? and name = ?")
                .params(product, name)
                .query(Long.class)
                .single();
    }

    /** The audit module writes each entry after its change's commit, on its own thread: in any order. */
    /** This test's entries only: some targets (the service commitments) are the same in every run. */
    private void awaitAudit(String target, String... actions) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(
                                jdbc.sql("select action from audit_entry where target = ? and occurred_at >= ?")
                                        .params(target, Timestamp.from(started))
                                        .query(String.class)
                                        .list())
                        .containsExactlyInAnyOrder(actions));
    }

    /** A form refused: shown again (200), not saved. */
    private static Document form(Visitor visitor, MockHttpServletRequestBuilder request) throws Exception {
        var response = visitor.perform(request.with(csrf())).andReturn().getResponse();
        assertThat(response.getStatus()).as("the form is shown again").isEqualTo(200);
        return Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
    }

    private static Document page(Visitor visitor, MockHttpServletRequestBuilder request) throws Exception {
        var response = visitor.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
    }

    private static List<String> errors(Document page) {
        return page.select("[data-testid=error-summary] li").eachText();
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }
}
