package fr.guichet.administration;

import static fr.guichet.support.People.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.account.Civility;
import fr.guichet.account.MembershipId;
import fr.guichet.account.MembershipView;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import fr.guichet.support.IntegrationTest;
import fr.guichet.support.Mails;
import fr.guichet.support.People;
import fr.guichet.support.SuperAdmins;
import fr.guichet.support.TestSmtp;
import fr.guichet.support.Visitor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Seed 000's "vérification de l'appartenance": a person who declared he belongs to an establishment
 * is confirmed, or refused, by its super admins, and told so by e-mail; nobody else decides.
 */
@IntegrationTest
class MembershipConfirmationTest {

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
    Administration administration;

    @Autowired
    JdbcClient jdbc;

    OrganizationId establishment;
    AccountId superAdmin;
    Visitor superAdminVisitor;
    String domain;

    @BeforeEach
    void establishmentWithSuperAdmin() throws Exception {
        domain = People.uniqueDomain();
        establishment = organizations.createEstablishment("Université " + domain, "U", Set.of(domain));
        superAdmin = person(establishment, "Admin");
        delegation.nameFirstSuperAdmin(establishment, superAdmin);
        superAdminVisitor = signedIn(superAdmin);
    }

    @Test
    void aSuperAdminConfirmsADeclaredMembershipAndThePersonIsToldInHisLanguage() throws Exception {
        var declared = declaredMember(establishment, "en");
        var email = accounts.find(declared).orElseThrow().email();

        var users = page(superAdminVisitor, "/organisations/" + establishment.value() + "/utilisateurs");
        assertThat(users.select("[data-testid=declared-count]").text()).contains("1 appartenance(s) déclarée(s)");
        var list = page(superAdminVisitor, declarationsOf(establishment));
        assertThat(list.select("[data-testid=declaration]").text()).contains(email);
        assertThat(list.select("button").eachText()).contains("Confirmer l’appartenance de Déclarée Dana");
        assertThat(list.select("label").eachText()).contains("Motif du refus pour Déclarée Dana (facultatif)");

        var confirmed = superAdminVisitor
                .perform(post(confirmationOf(establishment, membershipOf(declared, establishment)))
                        .with(csrf()))
                .andReturn();
        assertThat(confirmed.getFlashMap().get("saved")).isEqualTo("memberships.confirmed");

        assertThat(accounts.memberships(declared)).containsExactly(new MembershipView(establishment, true));
        assertThat(page(superAdminVisitor, declarationsOf(establishment))
                        .select("[data-testid=no-declarations]")
                        .text())
                .isEqualTo("Aucune appartenance déclarée n’attend de vérification.");
        var mail = Mails.awaitFirst(greenMail, email);
        assertThat(mail.getSubject()).isEqualTo("Guichet: your membership is confirmed");
        assertThat(Mails.body(mail)).contains("Université " + domain);
        assertThat(Mails.link(mail)).isEqualTo("/mon-etablissement");
        assertThat(audited("MEMBERSHIP_CONFIRMED", email)).isEqualTo(superAdmin.value());
    }

    @Test
    void aRefusalWithItsReasonEndsTheMembershipButNotTheAccount() throws Exception {
        var declared = declaredMember(establishment, "fr");
        var email = accounts.find(declared).orElseThrow().email();

        var refused = superAdminVisitor
                .perform(post(refusalOf(establishment, membershipOf(declared, establishment)))
                        .with(csrf())
                        .param("reason", "Inconnue du service du personnel"))
                .andReturn();

        assertThat(refused.getFlashMap().get("saved")).isEqualTo("memberships.refused");
        assertThat(accounts.memberships(declared)).isEmpty();
        assertThat(accounts.find(declared).orElseThrow().active())
                .as("he registered himself: his account stays")
                .isTrue();
        var mail = Mails.awaitFirst(greenMail, email);
        assertThat(mail.getSubject()).isEqualTo("Guichet : votre appartenance n’a pas été confirmée");
        assertThat(Mails.body(mail)).contains("Motif : Inconnue du service du personnel");
        assertThat(Mails.link(mail)).isEqualTo("/compte");
        assertThat(audited("MEMBERSHIP_REFUSED", email)).isEqualTo(superAdmin.value());
        signedIn(declared).perform(get("/compte")).andExpect(status().isOk());
    }

    @Test
    void aReasonTooLongIsRefusedAndNothingChanges() throws Exception {
        var declared = declaredMember(establishment, "fr");

        var refused = superAdminVisitor
                .perform(post(refusalOf(establishment, membershipOf(declared, establishment)))
                        .with(csrf())
                        .param("reason", "x".repeat(Administration.REASON_LIMIT + 1)))
                .andReturn();

        assertThat(refused.getFlashMap().get("refusal")).isEqualTo("memberships.reason.too-long");
        assertThat(accounts.memberships(declared)).containsExactly(new MembershipView(establishment, false));
        assertThat(page(superAdminVisitor, declarationsOf(establishment))
                        .select("[data-testid=refusal]")
                        .text())
                .isEqualTo("Le motif du refus ne peut dépasser 500 caractères. Rien n’a été modifié.");
    }

    @Test
    void aMembershipDecidedOnceIsNotDecidedAgain() throws Exception {
        var declared = declaredMember(establishment, "fr");
        var email = accounts.find(declared).orElseThrow().email();
        var membership = membershipOf(declared, establishment);
        superAdminVisitor.perform(
                post(confirmationOf(establishment, membership)).with(csrf()));

        var again = superAdminVisitor
                .perform(post(refusalOf(establishment, membership)).with(csrf()))
                .andReturn();

        assertThat(again.getFlashMap().get("refusal")).isEqualTo("memberships.not-waiting");
        assertThat(accounts.memberships(declared)).containsExactly(new MembershipView(establishment, true));
        Mails.awaitFirst(greenMail, email);
        assertThat(Mails.to(greenMail, email)).hasSize(1);
    }

    @Test
    void aDeclarationEndedMeanwhileIsNotConfirmed() throws Exception {
        var declared = declaredMember(establishment, "fr");
        var membership = membershipOf(declared, establishment);
        administration.removeUsers(superAdmin, establishment, Set.of(declared), "-");
        // he comes back and declares himself again: a new declaration, which the old decision must not reach
        accounts.join(declared, establishment, "-");
        jdbc.sql("update account set status = 'ACTIVE' where id = ?")
                .param(declared.value())
                .update();
        jdbc.sql("update membership set status = 'DECLARED' where account_id = ?")
                .param(declared.value())
                .update();

        var late = superAdminVisitor
                .perform(post(confirmationOf(establishment, membership)).with(csrf()))
                .andReturn();

        assertThat(late.getFlashMap().get("refusal")).isEqualTo("memberships.not-waiting");
        assertThat(accounts.memberships(declared)).containsExactly(new MembershipView(establishment, false));
    }

    @Test
    void aSuperAdminOfAnotherEstablishmentSeesAndDecidesNothing() throws Exception {
        var declared = declaredMember(establishment, "fr");
        var membership = membershipOf(declared, establishment);
        var otherDomain = People.uniqueDomain();
        var other = organizations.createEstablishment("Autre " + otherDomain, "A", Set.of(otherDomain));
        var otherAdmin = person(other, "Autre");
        delegation.nameFirstSuperAdmin(other, otherAdmin);
        var stranger = signedIn(otherAdmin);

        stranger.perform(get(declarationsOf(establishment))).andExpect(status().isNotFound());
        stranger.perform(post(confirmationOf(establishment, membership)).with(csrf()))
                .andExpect(status().isNotFound());
        // through his own establishment's address, the other's declaration is not his either
        var crossed = stranger.perform(post(confirmationOf(other, membership)).with(csrf()))
                .andReturn();
        assertThat(crossed.getFlashMap().get("refusal")).isEqualTo("memberships.not-waiting");
        stranger.perform(post(refusalOf(other, membership)).with(csrf()));

        assertThat(accounts.memberships(declared)).containsExactly(new MembershipView(establishment, false));
    }

    @Test
    void aSuperAdminWhoLostHisSeatDecidesNothing() throws Exception {
        var declared = declaredMember(establishment, "fr");
        var second = person(establishment, "Second");
        SuperAdmins.nameNext(mvc, accounts, superAdmin, establishment, second);
        var former = signedIn(second);
        page(former, declarationsOf(establishment));
        administration.removeSuperAdmin(superAdmin, establishment, second, "-");

        former.perform(post(confirmationOf(establishment, membershipOf(declared, establishment)))
                        .with(csrf()))
                .andExpect(status().isNotFound());

        assertThat(accounts.memberships(declared)).containsExactly(new MembershipView(establishment, false));
    }

    @RepeatedTest(3)
    void twoSuperAdminsConfirmingAtOnceConfirmOnce() throws Exception {
        var second = person(establishment, "Second");
        SuperAdmins.nameNext(mvc, accounts, superAdmin, establishment, second);
        var declared = declaredMember(establishment, "fr");
        var email = accounts.find(declared).orElseThrow().email();
        var membership = new MembershipId(membershipOf(declared, establishment));

        var barrier = new CyclicBarrier(2);
        var executor = Executors.newFixedThreadPool(2);
        List<Callable<String>> deciders = List.of(
                () -> decide(
                        barrier, () -> administration.confirmMembership(superAdmin, establishment, membership, "-")),
                () -> decide(barrier, () -> administration.confirmMembership(second, establishment, membership, "-")));
        var outcomes = new ArrayList<String>();
        for (var future : executor.invokeAll(deciders, 30, TimeUnit.SECONDS)) {
            outcomes.add(future.get());
        }
        executor.shutdown();

        assertThat(outcomes).containsExactlyInAnyOrder("decided", "second");
        assertThat(accounts.memberships(declared)).containsExactly(new MembershipView(establishment, true));
        assertThat(jdbc.sql("select count(*) from outbox_message where recipient = ?")
                        .param(email)
                        .query(Long.class)
                        .single())
                .as("one e-mail")
                .isEqualTo(1);
    }

    private static String decide(CyclicBarrier barrier, Runnable decision) throws Exception {
        barrier.await(10, TimeUnit.SECONDS);
        try {
            decision.run();
            return "decided";
        } catch (AdministrationRefusal refusal) {
            return refusal.messageKey().equals("memberships.not-waiting") ? "second" : refusal.messageKey();
        } catch (OptimisticLockingFailureException simultaneous) {
            return "second";
        }
    }

    /** Registered with an address outside the establishment's domains: his membership is only declared. */
    private AccountId declaredMember(OrganizationId organization, String language) {
        var id = accounts.createVerified(
                People.uniqueEmail("ailleurs-" + domain),
                Civility.MADAME,
                "Dana",
                "Déclarée",
                organization,
                false,
                GOOD_PASSWORD);
        jdbc.sql("update membership set status = 'DECLARED' where account_id = ?")
                .param(id.value())
                .update();
        jdbc.sql("update account set preferred_locale = ? where id = ?")
                .params(language, id.value())
                .update();
        return id;
    }

    private long membershipOf(AccountId person, OrganizationId organization) {
        return jdbc.sql("select id from membership where account_id = ? and organization_id = ?")
                .params(person.value(), organization.value())
                .query(Long.class)
                .single();
    }

    private Long audited(String action, String target) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.sql("select count(*) from audit_entry where action = ? and target = ?")
                                .params(action, target)
                                .query(Long.class)
                                .single()
                        > 0);
        return jdbc.sql("select actor_account_id from audit_entry where action = ? and target = ?")
                .params(action, target)
                .query(Long.class)
                .single();
    }

    private AccountId person(OrganizationId organization, String lastName) {
        return accounts.createVerified(
                People.uniqueEmail(domain), Civility.MONSIEUR, lastName, "Alex", organization, false, GOOD_PASSWORD);
    }

    private Visitor signedIn(AccountId id) throws Exception {
        return Visitor.signedIn(mvc, accounts.find(id).orElseThrow().email());
    }

    private static Document page(Visitor visitor, String path) throws Exception {
        return Jsoup.parse(visitor.perform(get(path))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    private static String declarationsOf(OrganizationId organization) {
        return "/organisations/" + organization.value() + "/utilisateurs/declarations";
    }

    private static String confirmationOf(OrganizationId organization, long membership) {
        return declarationsOf(organization) + "/" + membership + "/confirmation";
    }

    private static String refusalOf(OrganizationId organization, long membership) {
        return declarationsOf(organization) + "/" + membership + "/refus";
    }
}
