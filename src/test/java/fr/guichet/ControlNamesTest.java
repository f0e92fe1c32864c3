package fr.guichet;

import static fr.guichet.support.People.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fr.guichet.access.DecidedBy;
import fr.guichet.access.ServiceCatalogue;
import fr.guichet.access.ServiceDefinition;
import fr.guichet.access.ServiceId;
import fr.guichet.account.Accounts;
import fr.guichet.account.Civility;
import fr.guichet.account.InterestDomain;
import fr.guichet.administration.Delegation;
import fr.guichet.documents.Area;
import fr.guichet.documents.DocumentSpaces;
import fr.guichet.documents.Family;
import fr.guichet.documents.TestFiles;
import fr.guichet.helpdesk.Action;
import fr.guichet.helpdesk.CorrespondentKind;
import fr.guichet.helpdesk.HelpdeskSetup;
import fr.guichet.helpdesk.Nature;
import fr.guichet.helpdesk.Priority;
import fr.guichet.helpdesk.TicketDriver;
import fr.guichet.knowledge.KnowledgeSetup;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import fr.guichet.support.AccessibleNames;
import fr.guichet.support.IntegrationTest;
import fr.guichet.support.People;
import fr.guichet.support.SuperAdmins;
import fr.guichet.support.Visitor;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every link, button and field of the pages that repeat a control per row (requests, grants,
 * users, documents, tools, favourites, tokens, tickets' acts…) is named by what it does, and its
 * name holds the words shown on it (WCAG 2.5.3): checked by {@link AccessibleNames} on pages
 * holding at least two rows of each kind.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ControlNamesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    Organizations organizations;

    @Autowired
    Accounts accounts;

    @Autowired
    Delegation delegation;

    @Autowired
    ServiceCatalogue services;

    @Autowired
    DocumentSpaces documents;

    @Autowired
    HelpdeskSetup helpdesk;

    @Autowired
    KnowledgeSetup knowledge;

    @Autowired
    JdbcClient jdbc;

    OrganizationId establishment;
    String suffix;
    ServiceId decidedBySuperAdmins;
    ServiceId alsoDecidedBySuperAdmins;
    ServiceId decidedByAgency;
    ServiceId grantedAtOnce;
    ServiceId alsoGrantedAtOnce;
    long ticket;
    long productId;
    long teamId;
    Visitor member;
    Visitor superAdmin;
    Visitor platformAdmin;
    Visitor agent;

    /**
     * An establishment with two super admins and two members (one of them also in a second
     * establishment), who ask for the same services; the agency's staff with two documents, two
     * FAQ questions and a ticket in progress.
     */
    @BeforeAll
    void twoOfEverything() throws Exception {
        suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        var domain = People.uniqueDomain();
        establishment = organizations.createEstablishment("Université " + suffix, "U" + suffix, Set.of(domain));
        var second =
                organizations.createEstablishment("Institut " + suffix, "I" + suffix, Set.of(People.uniqueDomain()));
        var claire = accounts.createVerified(
                People.uniqueEmail(domain), Civility.MADAME, "Martin", "Claire", establishment, false, GOOD_PASSWORD);
        delegation.nameFirstSuperAdmin(establishment, claire);
        var jean = accounts.createVerified(
                People.uniqueEmail(domain), Civility.MONSIEUR, "Petit", "Jean", establishment, false, GOOD_PASSWORD);
        SuperAdmins.nameNext(mvc, accounts, claire, establishment, jean);
        var lucEmail = People.uniqueEmail(domain);
        var luc = accounts.createVerified(
                lucEmail, Civility.MONSIEUR, "Moreau", "Luc", establishment, false, GOOD_PASSWORD);
        accounts.join(luc, second, "-");
        var marieEmail = People.uniqueEmail(domain);
        accounts.createVerified(marieEmail, Civility.MADAME, "Roux", "Marie", establishment, false, GOOD_PASSWORD);
        var adminEmail = People.uniqueEmail("agence.test");
        var admin = accounts.createVerified(adminEmail, Civility.MADAME, "Agence", "Anne", null, true, GOOD_PASSWORD);
        var agentEmail = People.uniqueEmail("agence.test");
        var agentId =
                accounts.createVerified(agentEmail, Civility.MONSIEUR, "Garnier", "Hugo", null, false, GOOD_PASSWORD);
        accounts.makeAgent(agentId);

        decidedBySuperAdmins = service("MATINFO", DecidedBy.SUPER_ADMINS);
        alsoDecidedBySuperAdmins = service("UGAP", DecidedBy.SUPER_ADMINS);
        decidedByAgency = service("VEILLE", DecidedBy.AGENCY);
        grantedAtOnce = service("ANNUAIRE", DecidedBy.NOBODY);
        alsoGrantedAtOnce = service("MESSAGERIE", DecidedBy.NOBODY);

        member = Visitor.signedIn(mvc, lucEmail);
        var otherMember = Visitor.signedIn(mvc, marieEmail);
        for (var asking : List.of(member, otherMember)) {
            for (var service : List.of(decidedBySuperAdmins, decidedByAgency, grantedAtOnce, alsoGrantedAtOnce)) {
                asking.perform(post("/services/" + service.value() + "/demande").with(csrf()));
            }
        }
        member.perform(post("/services/" + alsoDecidedBySuperAdmins.value() + "/demande")
                .with(csrf()));
        for (var service : List.of(grantedAtOnce, decidedBySuperAdmins)) {
            member.perform(post("/services/" + service.value() + "/favori")
                    .param("favori", "true")
                    .with(csrf()));
        }
        for (var token : List.of("Intégration continue", "Sauvegarde")) {
            member.perform(post("/compte/jetons").param("name", token).with(csrf()));
        }

        superAdmin = Visitor.signedIn(mvc, accounts.find(claire).orElseThrow().email());
        for (var tool : List.of("Intranet", "Messagerie")) {
            superAdmin.perform(post("/organisations/" + establishment.value() + "/outils")
                    .param("name", tool + " " + suffix)
                    .param("url", "https://" + tool.toLowerCase() + ".example")
                    .with(csrf()));
        }

        for (var title : List.of("Bordereau de prix", "Cahier des charges")) {
            documents.add(
                    admin,
                    "service",
                    grantedAtOnce.value(),
                    Area.ESTABLISHMENTS,
                    Family.BUSINESS,
                    "Pièces du marché",
                    title,
                    "piece.pdf",
                    new ByteArrayInputStream(TestFiles.pdf(title + " " + suffix)));
        }
        platformAdmin = Visitor.signedIn(mvc, adminEmail);

        var product = helpdesk.product(
                "SIFAC-" + suffix, "Sifac " + suffix, null, List.of("2025.2", "2026.1"), List.of(false, true));
        helpdesk.installedVersion(establishment, product, "2026.1");
        helpdesk.correspondent(establishment, product, luc, CorrespondentKind.FUNCTIONAL);
        var team = helpdesk.team("Sifac " + suffix, List.of(agentId));
        var category = helpdesk.levelTwoCategory("Sifac " + suffix, product, team);
        var filed = helpdesk.levelTwoTicket(
                luc,
                establishment,
                category,
                Priority.NON_BLOCKING,
                Nature.FUNCTIONAL,
                null,
                "Facture bloquée " + suffix,
                "La saisie d’une facture échoue.");
        TicketDriver.of(context).act(agentId, filed, Action.TAKE, null);
        ticket = filed.value();
        helpdesk.levelTwoTicket(
                luc,
                establishment,
                category,
                Priority.NON_BLOCKING,
                Nature.FUNCTIONAL,
                null,
                "Facture bloquée " + suffix,
                "La même, sur un autre exercice.");
        productId = product.value();
        teamId = team;
        var section = knowledge.section(agentId, "Assistance " + suffix, category);
        knowledge.question(section, agentId, "Que faut-il indiquer ? " + suffix, "Le code message.");
        knowledge.question(section, agentId, "Qui peut déposer ? " + suffix, "Les correspondants.");
        agent = Visitor.signedIn(mvc, agentEmail);
    }

    @Test
    void everyControlIsNamedByWhatItDoesAndHoldsTheWordsShownOnIt() throws Exception {
        var e = "/organisations/" + establishment.value();
        var problems = new ArrayList<String>();
        check(
                problems,
                member,
                "/",
                "/services?domaines=tous",
                "/mes-services",
                "/compte/jetons",
                "/compte/identifiants",
                "/compte/lieux?choix=departements",
                "/compte/lieux?choix=departements-region&region=R-44",
                "/compte/lieux?choix=pays",
                "/services/" + grantedAtOnce.value() + "/documents",
                "/demandes",
                "/demandes/" + ticket,
                "/demandes/recherche?q=Facture bloquée " + suffix);
        check(
                problems,
                superAdmin,
                e,
                e + "/demandes-acces",
                e + "/habilitations",
                e + "/services",
                e + "/utilisateurs",
                e + "/super-admins",
                e + "/administrateurs",
                "/mon-etablissement");
        check(
                problems,
                platformAdmin,
                "/services?domaines=tous",
                "/services/" + grantedAtOnce.value() + "/documents",
                "/agence/demandes-acces",
                "/administration/services",
                "/agence/referentiel/equipes/" + teamId);
        check(
                problems,
                agent,
                "/demandes/" + ticket,
                "/agence/demandes",
                "/agence/faq",
                "/demandes/recherche?q=Facture bloquée " + suffix,
                "/agence/referentiel/produits/" + productId,
                "/agence/referentiel/produits/" + productId + "/etablissements/" + establishment.value());
        assertThat(problems)
                .as("controls whose names do not say what they do, or hide what they show")
                .isEmpty();
        var found = Jsoup.parse(member.perform(get("/demandes/recherche").param("q", "Facture bloquée " + suffix))
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(found.select("[data-testid=results] tbody a").eachText())
                .as("two tickets of the same title were checked")
                .containsExactly("Facture bloquée " + suffix, "Facture bloquée " + suffix);
    }

    @Test
    void theCheckerFindsARepeatedNameANameWithoutTheWordsShownAndANamelessControl() {
        var page = Jsoup.parse("""
                <main>
                  <form method="post" action="/r/1"><button>Accepter</button></form>
                  <form method="post" action="/r/2"><button>Accepter</button></form>
                  <form method="post" action="/r/3"><button aria-label="Accepter la demande de Luc">Accepter</button></form>
                  <form method="post" action="/s/1"><button aria-label="Demander l’accès à Matinfo">Ajouter aux outils et services</button></form>
                  <form method="post" action="/s/2"><label for="c">Commentaire<span class="visually-hidden"> sur Matinfo</span></label>
                    <textarea id="c" name="c"></textarea><button><span aria-hidden="true">★</span></button></form>
                  <a href="/x" aria-label="Retirer des favoris : Matinfo">★ Retirer des favoris</a>
                </main>""");

        assertThat(AccessibleNames.problems(page))
                .satisfiesExactlyInAnyOrder(
                        p -> assertThat(p)
                                .startsWith(
                                        "\"Ajouter aux outils et services\" is shown but the button is named \"Demander"),
                        p -> assertThat(p).startsWith("no name: <button>"),
                        p -> assertThat(p).startsWith("2 different targets share the button \"Accepter\""));
    }

    private void check(List<String> problems, Visitor visitor, String... paths) throws Exception {
        for (var path : paths) {
            var response = visitor.perform(get(path)).andReturn().getResponse();
            assertThat(response.getStatus()).as(path).isEqualTo(200);
            AccessibleNames.problems(Jsoup.parse(response.getContentAsString()))
                    .forEach(p -> problems.add(path + ": " + p));
        }
    }

    private ServiceId service(String code, DecidedBy decidedBy) {
        return services.define(new ServiceDefinition(
                code + "-" + suffix, code + " " + suffix, "Description.", InterestDomain.PURCHASING, decidedBy, true));
    }
}
