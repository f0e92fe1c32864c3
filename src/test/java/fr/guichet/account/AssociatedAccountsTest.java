package fr.guichet.account;

import static fr.guichet.support.People.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import fr.guichet.administration.Delegation;
import fr.guichet.helpdesk.CorrespondentKind;
import fr.guichet.helpdesk.HelpdeskSetup;
import fr.guichet.organization.OrganizationDetails;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import fr.guichet.support.IntegrationTest;
import fr.guichet.support.Mails;
import fr.guichet.support.People;
import fr.guichet.support.SuperAdmins;
import fr.guichet.support.TestSmtp;
import fr.guichet.support.Visitor;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Seed 002's "Mes comptes associés": one login for several entities. He asks to be associated with
 * another establishment, whose super admins decide; he chooses his principal; he leaves one, and what
 * he held because of it ends with it; nobody else acts on his memberships.
 */
@IntegrationTest
class AssociatedAccountsTest {

    @RegisterExtension
    static GreenMailExtension greenMail = TestSmtp.server();

    private static final String PAGE = "/compte/comptes-associes";

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    Organizations organizations;

    @Autowired
    Delegation delegation;

    @Autowired
    HelpdeskSetup helpdesk;

    @Autowired
    JdbcClient jdbc;

    String domain;
    OrganizationId home;
    OrganizationId other;
    AccountId person;
    String email;
    AccountId superAdmin;
    String superAdminEmail;
    Visitor visitor;

    @BeforeEach
    void aPersonOfOneEstablishmentAndAnotherWithItsSuperAdmin() throws Exception {
        domain = People.uniqueDomain();
        home = organizations.createEstablishment("Communauté " + domain, "CC", Set.of(domain));
        other = organizations.createEstablishment("Commune " + domain, "CY", Set.of("y" + domain));
        email = People.uniqueEmail(domain);
        person = accounts.createVerified(email, Civility.MADAME, "Double", "Dora", home, false, GOOD_PASSWORD);
        superAdminEmail = People.uniqueEmail("y" + domain);
        superAdmin = accounts.createVerified(
                superAdminEmail, Civility.MONSIEUR, "Maire", "Marc", other, false, GOOD_PASSWORD);
        delegation.nameFirstSuperAdmin(other, superAdmin);
        jdbc.sql("update account set preferred_locale = 'en' where id = ?")
                .param(superAdmin.value())
                .update();
        visitor = Visitor.signedIn(mvc, email);
    }

    @Test
    void heAsksTheSuperAdminIsToldAcceptsAndHeThenActsForIt() throws Exception {
        var found = page(visitor, PAGE + "?q=Commune " + domain);
        assertThat(found.select("#establishment-results label").eachText()).contains("[CY] - Commune " + domain);

        var asked = ask(visitor, other);
        assertThat(asked.getFlashMap().get("saved")).isEqualTo("associations.asked");

        var mine = page(visitor, PAGE);
        assertThat(line(mine, other).select("[data-testid=status]").text())
                .startsWith("en attente de la décision des administrateurs depuis le");
        assertThat(line(mine, other).select("[data-testid=kind]").text()).isEqualTo("secondaire");
        assertThat(line(mine, home).select("[data-testid=kind]").text()).isEqualTo("principal");
        assertThat(acting(visitor, other).getResponse().getStatus())
                .as("not before the administrators confirm it")
                .isEqualTo(404);

        var mail = Mails.awaitFirst(greenMail, superAdminEmail);
        assertThat(mail.getSubject()).isEqualTo("Guichet: a request to be associated to check");
        assertThat(Mails.body(mail)).contains("Dora Double", email, "Commune " + domain);
        var decisions = Mails.link(mail);
        assertThat(decisions).isEqualTo("/organisations/" + other.value() + "/utilisateurs/declarations");
        assertThat(audited("MEMBERSHIP_REQUESTED")).isEqualTo(other.value());

        var admin = Visitor.signedIn(mvc, superAdminEmail);
        var declarations = page(admin, decisions);
        assertThat(declarations.select("[data-testid=declaration]").text()).contains(email);
        var confirmed = admin.perform(post(decisions + "/" + membership(other) + "/confirmation")
                        .with(csrf()))
                .andReturn();
        assertThat(confirmed.getFlashMap().get("saved")).isEqualTo("memberships.confirmed");

        assertThat(Mails.awaitFirst(greenMail, email).getSubject())
                .isEqualTo("Guichet : votre appartenance est confirmée");
        assertThat(line(page(visitor, PAGE), other)
                        .select("[data-testid=status]")
                        .text())
                .startsWith("confirmé depuis le");
        assertThat(acting(visitor, other).getResponse().getStatus()).isEqualTo(302);
        assertThat(actingLabel(visitor)).isEqualTo("[CY] - Commune " + domain);
    }

    @Test
    void aRefusedRequestEndsAndHeKeepsHisOwnEstablishment() throws Exception {
        ask(visitor, other);
        var admin = Visitor.signedIn(mvc, superAdminEmail);
        admin.perform(post("/organisations/" + other.value() + "/utilisateurs/declarations/" + membership(other)
                                + "/refus")
                        .with(csrf())
                        .param("reason", "Inconnue"))
                .andExpect(status().is3xxRedirection());

        assertThat(Mails.awaitFirst(greenMail, email).getSubject())
                .isEqualTo("Guichet : votre appartenance n’a pas été confirmée");
        assertThat(accounts.memberships(person)).containsExactly(new MembershipView(home, true));
        assertThat(accounts.find(person).orElseThrow().active()).isTrue();
    }

    @Test
    void aSecondRequestAMembershipHeHasOrNoSuchEstablishmentIsRefused() throws Exception {
        ask(visitor, other);
        page(visitor, PAGE);

        ask(visitor, other);
        assertThat(page(visitor, PAGE).select("[data-testid=refusal]").text())
                .isEqualTo("Vous avez déjà demandé l’association à [CY] - Commune " + domain
                        + " ; elle attend la décision de ses administrateurs. Rien n’a été modifié.");
        assertThat(ask(visitor, other).getFlashMap().get("refusal")).isEqualTo("associations.already-asked");
        assertThat(ask(visitor, home).getFlashMap().get("refusal")).isEqualTo("associations.already-member");
        assertThat(ask(visitor, new OrganizationId(999_999_999)).getFlashMap().get("refusal"))
                .isEqualTo("associations.not-joinable");
        var sub = organizations.createSubOrganization(
                other, "LARGE", new OrganizationDetails("Service " + domain, null, null, null, null, null, null));
        assertThat(ask(visitor, sub).getFlashMap().get("refusal")).isEqualTo("associations.not-joinable");

        assertThat(accounts.memberships(person))
                .containsExactlyInAnyOrder(new MembershipView(home, true), new MembershipView(other, false));
        Mails.awaitFirst(greenMail, superAdminEmail);
        assertThat(Mails.to(greenMail, superAdminEmail)).hasSize(1);
    }

    @Test
    void heLeavesAndWhatHeHeldThereEndsWithIt() throws Exception {
        accounts.join(person, other, "-");
        SuperAdmins.nameNext(mvc, accounts, superAdmin, other, person);
        var product =
                helpdesk.product("P-" + domain.substring(0, 9), "Sifac " + domain, null, List.of("1"), List.of(true));
        helpdesk.correspondent(other, product, person, CorrespondentKind.FUNCTIONAL);
        acting(visitor, other);

        var confirmation = page(visitor, PAGE + "/" + membership(other) + "/depart");
        assertThat(confirmation.select("[data-testid=holdings] li").eachText())
                .contains("Super admin de [CY] - Commune " + domain, "Correspondant Sifac " + domain);
        assertThat(confirmation.select("button[type=submit]").eachText())
                .contains("Quitter [CY] - Commune " + domain + " définitivement");

        var left = visitor.perform(
                        post(PAGE + "/" + membership(other) + "/depart").with(csrf()))
                .andReturn();

        assertThat(left.getFlashMap().get("saved")).isEqualTo("associations.left");
        assertThat(accounts.memberships(person)).containsExactly(new MembershipView(home, true));
        assertThat(delegation.superAdminsOf(other)).containsExactly(superAdmin);
        assertThat(jdbc.sql("select count(*) from correspondent where account_id = ?")
                        .param(person.value())
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(actingLabel(visitor)).as("back to his principal").isEqualTo("[CC] - Communauté " + domain);
        assertThat(acting(visitor, other).getResponse().getStatus()).isEqualTo(404);
        assertThat(audited("MEMBERSHIP_LEFT")).isEqualTo(other.value());
    }

    @Test
    void hisLastMembershipHeCannotLeaveHimself() throws Exception {
        var confirmation = page(visitor, PAGE + "/" + membership(home) + "/depart");
        assertThat(confirmation.select("[data-testid=refusal]").text()).contains("Demandez à un administrateur");
        assertThat(confirmation.select("main button")).isEmpty();

        var refused = visitor.perform(
                        post(PAGE + "/" + membership(home) + "/depart").with(csrf()))
                .andReturn();

        assertThat(refused.getFlashMap().get("refusal")).isEqualTo("associations.leave.last");
        assertThat(accounts.memberships(person)).containsExactly(new MembershipView(home, true));
        assertThat(accounts.find(person).orElseThrow().active()).isTrue();
    }

    @Test
    void hisLastConfirmedMembershipHeCannotLeaveForOneHeOnlyAskedFor() throws Exception {
        ask(visitor, other);

        var refused = visitor.perform(
                        post(PAGE + "/" + membership(home) + "/depart").with(csrf()))
                .andReturn();

        assertThat(refused.getFlashMap().get("refusal")).isEqualTo("associations.leave.last-confirmed");
        assertThat(accounts.memberships(person))
                .containsExactlyInAnyOrder(new MembershipView(home, true), new MembershipView(other, false));
        assertThat(acting(visitor, other).getResponse().getStatus())
                .as("an entity that never said yes is not one he acts for")
                .isEqualTo(404);
    }

    @Test
    void heWithdrawsARequestStillWaiting() throws Exception {
        ask(visitor, other);
        var confirmation = page(visitor, PAGE + "/" + membership(other) + "/depart");
        assertThat(confirmation.select("button[type=submit]").eachText()).contains("Annuler la demande");

        var withdrawn = visitor.perform(
                        post(PAGE + "/" + membership(other) + "/depart").with(csrf()))
                .andReturn();

        assertThat(withdrawn.getFlashMap().get("saved")).isEqualTo("associations.withdrawn");
        assertThat(accounts.memberships(person)).containsExactly(new MembershipView(home, true));
        assertThat(accounts.declaredMemberships(other)).isEmpty();
    }

    @Test
    void heChoosesHisPrincipalWhichHeActsForAtSignInAndLeavingItGivesItBackToTheOldest() throws Exception {
        accounts.join(person, other, "-");
        assertThat(line(page(visitor, PAGE), home).select("[data-testid=kind]").text())
                .isEqualTo("principal");

        var chosen = visitor.perform(
                        post(PAGE + "/" + membership(other) + "/principal").with(csrf()))
                .andReturn();

        assertThat(chosen.getFlashMap().get("saved")).isEqualTo("associations.principal.chosen");
        var mine = page(visitor, PAGE);
        assertThat(line(mine, other).select("[data-testid=kind]").text()).isEqualTo("principal");
        assertThat(line(mine, home).select("[data-testid=kind]").text()).isEqualTo("secondaire");
        assertThat(actingLabel(Visitor.signedIn(mvc, email))).isEqualTo("[CY] - Commune " + domain);

        visitor.perform(post(PAGE + "/" + membership(other) + "/depart").with(csrf()));

        assertThat(line(page(visitor, PAGE), home).select("[data-testid=kind]").text())
                .isEqualTo("principal");
    }

    @Test
    void aRequestStillWaitingCannotBeHisPrincipal() throws Exception {
        ask(visitor, other);

        var refused = visitor.perform(
                        post(PAGE + "/" + membership(other) + "/principal").with(csrf()))
                .andReturn();

        assertThat(refused.getFlashMap().get("refusal")).isEqualTo("associations.principal.not-confirmed");
        assertThat(line(page(visitor, PAGE), home).select("[data-testid=kind]").text())
                .isEqualTo("principal");
    }

    @Test
    void nobodyElseActsOnHisMemberships() throws Exception {
        accounts.join(person, other, "-");
        var stranger = Visitor.signedIn(mvc, superAdminEmail);
        var his = membership(other);

        stranger.perform(get(PAGE + "/" + his + "/depart")).andExpect(status().isNotFound());
        stranger.perform(post(PAGE + "/" + his + "/depart").with(csrf())).andExpect(status().isNotFound());
        stranger.perform(post(PAGE + "/" + membership(home) + "/principal").with(csrf()))
                .andExpect(status().isNotFound());

        assertThat(accounts.memberships(person))
                .containsExactlyInAnyOrder(new MembershipView(home, true), new MembershipView(other, true));
        assertThat(accounts.memberships(superAdmin)).containsExactly(new MembershipView(other, true));
    }

    @Test
    void withoutTheFormsTokenNothingChanges() throws Exception {
        accounts.join(person, other, "-");

        visitor.perform(post(PAGE + "/" + membership(other) + "/depart")).andExpect(status().isForbidden());
        visitor.perform(post(PAGE + "/" + membership(other) + "/principal")).andExpect(status().isForbidden());
        visitor.perform(post(PAGE + "/demandes").param("organization", Long.toString(home.value())))
                .andExpect(status().isForbidden());

        assertThat(accounts.memberships(person))
                .containsExactlyInAnyOrder(new MembershipView(home, true), new MembershipView(other, true));
        assertThat(line(page(visitor, PAGE), home).select("[data-testid=kind]").text())
                .isEqualTo("principal");
    }

    private MvcResult ask(Visitor who, OrganizationId organization) throws Exception {
        return who.perform(post(PAGE + "/demandes")
                        .with(csrf())
                        .param("organization", Long.toString(organization.value())))
                .andReturn();
    }

    private MvcResult acting(Visitor who, OrganizationId organization) throws Exception {
        return who.perform(post("/compte/organisation-active")
                        .with(csrf())
                        .param("organization", Long.toString(organization.value())))
                .andReturn();
    }

    private String actingLabel(Visitor who) throws Exception {
        var page = page(who, "/compte");
        var chosen = page.selectFirst("[data-testid=acting-organization-choice] option[selected]");
        // one organisation only: the header names it, with nothing to choose
        return chosen != null
                ? chosen.text()
                : page.selectFirst("[data-testid=acting-organization]").text();
    }

    private long membership(OrganizationId organization) {
        return jdbc.sql("select id from membership where account_id = ? and organization_id = ?")
                .params(person.value(), organization.value())
                .query(Long.class)
                .single();
    }

    private org.jsoup.nodes.Element line(Document page, OrganizationId organization) {
        return page.selectFirst("[data-testid=association][data-membership=" + membership(organization) + "]");
    }

    /** The organisation the trail files his act under, once written (after the commit). */
    private Long audited(String action) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.sql("select count(*) from audit_entry where action = ? and target = ?")
                                .params(action, email)
                                .query(Long.class)
                                .single()
                        > 0);
        return jdbc.sql("select acting_organization_id from audit_entry where action = ? and target = ?")
                .params(action, email)
                .query(Long.class)
                .single();
    }

    private static Document page(Visitor who, String path) throws Exception {
        return Jsoup.parse(who.perform(get(path))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    }
}
