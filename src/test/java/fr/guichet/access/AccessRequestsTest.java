package fr.guichet.access;

import static fr.guichet.support.People.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.account.Civility;
import fr.guichet.account.InterestDomain;
import fr.guichet.administration.Delegation;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import fr.guichet.shared.NotFoundException;
import fr.guichet.support.IntegrationTest;
import fr.guichet.support.Mails;
import fr.guichet.support.People;
import fr.guichet.support.SuperAdmins;
import fr.guichet.support.TestSmtp;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Seed 000 end to end on the real database and a real SMTP server: who is asked, who decides, who is told. */
@IntegrationTest
@Tag("smoke")
class AccessRequestsTest {

    @RegisterExtension
    static GreenMailExtension greenMail = TestSmtp.server();

    static final String IP = "192.0.2.7";

    @Autowired
    AccessRequests requests;

    @Autowired
    ServiceCatalogue services;

    @Autowired
    Catalogue catalogue;

    @Autowired
    EstablishmentCatalogue establishments;

    @Autowired
    Accounts accounts;

    @Autowired
    Organizations organizations;

    @Autowired
    Delegation delegation;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    String domain;
    OrganizationId establishment;
    AccountId firstSuperAdmin;
    AccountId secondSuperAdmin;
    AccountId member;
    ServiceId matinfo;

    @BeforeEach
    void establishmentWithTwoSuperAdminsAndAMember() throws Exception {
        domain = People.uniqueDomain();
        establishment = organizations.createEstablishment("Université " + domain, "U", Set.of(domain));
        firstSuperAdmin = person(establishment, "Premier");
        secondSuperAdmin = person(establishment, "Second");
        delegation.nameFirstSuperAdmin(establishment, firstSuperAdmin);
        SuperAdmins.nameNext(mvc, accounts, firstSuperAdmin, establishment, secondSuperAdmin);
        member = person(establishment, "Membre");
        matinfo = service(DecidedBy.SUPER_ADMINS);
    }

    @Test
    void theRequestGoesToEverySuperAdminWithTheRequesterInCopyAndTheDecisionComesBackTheOtherWay() throws Exception {
        var asked = requests.ask(member, matinfo, Optional.empty(), Locale.FRENCH, IP);

        assertThat(asked).isEqualTo(AccessRequests.Asked.SENT_TO_SUPER_ADMINS);
        var request = Mails.awaitFirst(greenMail, email(firstSuperAdmin));
        assertThat(addresses(request, Message.RecipientType.TO))
                .containsExactlyInAnyOrder(email(firstSuperAdmin), email(secondSuperAdmin));
        assertThat(addresses(request, Message.RecipientType.CC)).containsExactly(email(member));
        assertThat(request.getSubject()).isEqualTo("Demande d’accès à un service");
        assertThat(Mails.body(request))
                .contains("Membre Membre demande l’accès au service Service " + domain)
                .contains("/organisations/" + establishment.value() + "/demandes-acces");

        var pending = requests.pendingOf(secondSuperAdmin, establishment);
        assertThat(pending)
                .singleElement()
                .extracting(AccessRequestView::requester)
                .isEqualTo(member);
        requests.decide(secondSuperAdmin, pending.get(0).id(), true, null, Locale.FRENCH, IP);

        var decision = Mails.nthDistinct(greenMail, email(member), 2);
        assertThat(decision.getSubject()).isEqualTo("Validation de votre demande d’accès à un service");
        assertThat(addresses(decision, Message.RecipientType.TO)).containsExactly(email(member));
        assertThat(addresses(decision, Message.RecipientType.CC))
                .containsExactlyInAnyOrder(email(firstSuperAdmin), email(secondSuperAdmin));
        assertThat(requests.holdsGrant(member, matinfo)).isTrue();
        assertThat(catalogue.forMember(member, Optional.empty()).entries())
                .filteredOn(e -> e.service().id().equals(matinfo))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.granted()).isTrue();
                    assertThat(e.decidedByName()).isEqualTo("Second Second");
                });
        assertThatThrownBy(() -> requests.ask(member, matinfo, Optional.empty(), Locale.FRENCH, IP))
                .isInstanceOf(AccessRuleRefusal.class)
                .hasMessage("access.already-granted");
    }

    @Test
    void theFirstDecisionWinsAndARefusalNeedsAReasonAfterWhichThePersonMayAskAgain() throws Exception {
        requests.ask(member, matinfo, Optional.empty(), Locale.FRENCH, IP);
        assertThatThrownBy(() -> requests.ask(member, matinfo, Optional.empty(), Locale.FRENCH, IP))
                .isInstanceOf(AccessRuleRefusal.class)
                .hasMessage("access.already-pending");
        var id = requests.pendingOf(firstSuperAdmin, establishment).get(0).id();

        assertThatThrownBy(() -> requests.decide(firstSuperAdmin, id, false, "  ", Locale.FRENCH, IP))
                .isInstanceOf(AccessRuleRefusal.class)
                .hasMessage("access.refuse.comment-required");
        requests.decide(firstSuperAdmin, id, false, "Réservé aux acheteurs", Locale.FRENCH, IP);
        assertThatThrownBy(() -> requests.decide(secondSuperAdmin, id, true, null, Locale.FRENCH, IP))
                .isInstanceOf(AccessRuleRefusal.class)
                .hasMessage("access.already-decided");

        assertThat(requests.holdsGrant(member, matinfo)).isFalse();
        var refusal = Mails.nthDistinct(greenMail, email(member), 2);
        assertThat(refusal.getSubject()).isEqualTo("Refus de votre demande d’accès à un service");
        assertThat(Mails.body(refusal)).contains("Réservé aux acheteurs");
        assertThat(requests.ask(member, matinfo, Optional.empty(), Locale.FRENCH, IP))
                .isEqualTo(AccessRequests.Asked.SENT_TO_SUPER_ADMINS);
    }

    @Test
    void nobodyButTheEstablishmentsSuperAdminsDecidesNotEvenThePlatformAdmin() {
        requests.ask(member, matinfo, Optional.empty(), Locale.FRENCH, IP);
        var id = requests.pendingOf(firstSuperAdmin, establishment).get(0).id();
        var platformAdmin = accounts.createVerified(
                People.uniqueEmail(), Civility.MADAME, "Plateforme", "Paula", null, true, GOOD_PASSWORD);
        var otherDomain = People.uniqueDomain();
        var other = organizations.createEstablishment("Autre " + otherDomain, "A", Set.of(otherDomain));
        var otherSuperAdmin = accounts.createVerified(
                People.uniqueEmail(otherDomain), Civility.MONSIEUR, "Autre", "Alain", other, false, GOOD_PASSWORD);
        delegation.nameFirstSuperAdmin(other, otherSuperAdmin);

        for (var stranger : List.of(platformAdmin, otherSuperAdmin, member)) {
            assertThatThrownBy(() -> requests.decide(stranger, id, true, null, Locale.FRENCH, IP))
                    .isInstanceOf(NotFoundException.class);
        }
        assertThatThrownBy(() -> requests.pendingOf(otherSuperAdmin, establishment))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> requests.pendingOf(platformAdmin, establishment))
                .isInstanceOf(NotFoundException.class);
        assertThat(requests.pendingOf(firstSuperAdmin, establishment)).hasSize(1);
    }

    @Test
    void withoutSuperAdminTheRequestWaitsAndThePlatformAdminsAreAlertedOnceUntilOneIsNamed() throws Exception {
        var lonelyDomain = People.uniqueDomain();
        var lonely = organizations.createEstablishment("Sans super admin " + lonelyDomain, "S", Set.of(lonelyDomain));
        var first = accounts.createVerified(
                People.uniqueEmail(lonelyDomain), Civility.MADAME, "Une", "Une", lonely, false, GOOD_PASSWORD);
        var second = accounts.createVerified(
                People.uniqueEmail(lonelyDomain), Civility.MADAME, "Deux", "Deux", lonely, false, GOOD_PASSWORD);
        var platformAdmin = accounts.createVerified(
                People.uniqueEmail(), Civility.MADAME, "Plateforme", "Pia", null, true, GOOD_PASSWORD);

        assertThat(requests.ask(first, matinfo, Optional.empty(), Locale.FRENCH, IP))
                .isEqualTo(AccessRequests.Asked.WAITING_FOR_SUPER_ADMIN);
        assertThat(requests.ask(second, matinfo, Optional.empty(), Locale.FRENCH, IP))
                .isEqualTo(AccessRequests.Asked.WAITING_FOR_SUPER_ADMIN);

        var alert = Mails.awaitFirst(greenMail, email(platformAdmin));
        assertThat(alert.getSubject()).isEqualTo("Demandes d’accès en attente : établissement sans super admin");
        assertThat(Mails.body(alert)).contains("Sans super admin " + lonelyDomain);
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(5))
                .until(() -> Mails.distinctTo(greenMail, email(platformAdmin)).size() == 1);
        assertThat(catalogue.forMember(first, Optional.empty()).establishmentHasSuperAdmin())
                .isFalse();

        delegation.nameFirstSuperAdmin(lonely, first);
        requests.superAdminNamed(lonely);
        assertThat(requests.pendingOf(first, lonely))
                .extracting(AccessRequestView::requester)
                .containsExactlyInAnyOrder(first, second);
    }

    @Test
    void anOpenServiceIsGrantedAtOnceToAConfirmedMemberAndAnAgencyServiceGoesToTheAgencysQueue() {
        var open = service(DecidedBy.NOBODY);
        var agencyDecided = service(DecidedBy.AGENCY);
        var platformAdmin = accounts.createVerified(
                People.uniqueEmail(), Civility.MADAME, "Plateforme", "Pauline", null, true, GOOD_PASSWORD);

        assertThat(requests.ask(member, open, Optional.empty(), Locale.FRENCH, IP))
                .isEqualTo(AccessRequests.Asked.GRANTED);
        assertThat(requests.holdsGrant(member, open)).isTrue();

        assertThat(requests.ask(member, agencyDecided, Optional.empty(), Locale.FRENCH, IP))
                .isEqualTo(AccessRequests.Asked.SENT_TO_AGENCY);
        assertThat(requests.pendingOf(firstSuperAdmin, establishment)).isEmpty();
        var queued = requests.agencyQueue(platformAdmin).stream()
                .filter(r -> r.requester().equals(member))
                .toList();
        assertThat(queued).hasSize(1);
        assertThatThrownBy(() -> requests.decide(firstSuperAdmin, queued.get(0).id(), true, null, Locale.FRENCH, IP))
                .isInstanceOf(NotFoundException.class);
        requests.decide(platformAdmin, queued.get(0).id(), true, null, Locale.FRENCH, IP);
        assertThat(requests.holdsGrant(member, agencyDecided)).isTrue();
    }

    @Test
    void anAgencyServiceRequestReachesEveryPlatformAdminHoweverManyThereAre() throws Exception {
        var agencyDecided = service(DecidedBy.AGENCY);
        var platformAdmins = IntStream.range(0, 12)
                .mapToObj(i -> accounts.createVerified(
                        People.uniqueEmail(), Civility.MADAME, "Plateforme", "P" + i, null, true, GOOD_PASSWORD))
                .toList();

        assertThat(requests.ask(member, agencyDecided, Optional.empty(), Locale.FRENCH, IP))
                .isEqualTo(AccessRequests.Asked.SENT_TO_AGENCY);
        for (var platformAdmin : platformAdmins) {
            var request = Mails.awaitFirst(greenMail, email(platformAdmin));
            assertThat(request.getSubject()).isEqualTo("Demande d’accès à un service");
            assertThat(addresses(request, Message.RecipientType.TO)).contains(email(platformAdmin));
        }
    }

    @Test
    void anExternalRequesterCannotAskForAServiceHisSuperAdminsWouldDecide() {
        var external = accounts.createVerified(
                People.uniqueEmail(), Civility.MONSIEUR, "Externe", "Eric", null, false, GOOD_PASSWORD);

        assertThatThrownBy(() -> requests.ask(external, matinfo, Optional.empty(), Locale.FRENCH, IP))
                .isInstanceOf(AccessRuleRefusal.class)
                .hasMessage("access.members-only");
        assertThat(requests.mine(external)).isEmpty();
    }

    @Test
    void aHiddenServiceIsNeitherShownNorGrantedToTheEstablishmentsMembers() {
        establishments.hide(establishment, matinfo, true, firstSuperAdmin);

        assertThat(catalogue.forMember(member, Optional.empty()).entries())
                .noneMatch(e -> e.service().id().equals(matinfo));
        assertThatThrownBy(() -> requests.ask(member, matinfo, Optional.empty(), Locale.FRENCH, IP))
                .isInstanceOf(NotFoundException.class);

        establishments.hide(establishment, matinfo, false, firstSuperAdmin);
        assertThat(catalogue.forMember(member, Optional.empty()).entries())
                .anyMatch(e -> e.service().id().equals(matinfo));
    }

    @Test
    void theReviewConfirmsOrRevokesSeveralGrantsAtOnceAllOrNothing() {
        var colleague = person(establishment, "Collègue");
        var first = granted(member);
        var second = granted(colleague);
        var refusedOne = requests.mine(colleague).get(0).id();

        requests.review(firstSuperAdmin, establishment, List.of(first, second), true, Locale.FRENCH, IP);
        assertThat(requests.grantsOf(firstSuperAdmin, establishment)).allMatch(g -> g.reviewedAt() != null);

        requests.revoke(firstSuperAdmin, second, Locale.FRENCH, IP);
        assertThatThrownBy(() -> requests.review(
                        firstSuperAdmin, establishment, List.of(first, refusedOne), false, Locale.FRENCH, IP))
                .isInstanceOf(AccessRuleRefusal.class)
                .hasMessage("access.review.not-active");
        assertThat(requests.holdsGrant(member, matinfo)).as("nothing half-done").isTrue();

        requests.review(firstSuperAdmin, establishment, List.of(first), false, Locale.FRENCH, IP);
        assertThat(requests.holdsGrant(member, matinfo)).isFalse();
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(Mails.distinctTo(greenMail, email(member)).stream()
                                .map(AccessRequestsTest::subject))
                        .contains("Votre accès à un service a été retiré"));
    }

    @Test
    void leavingTheEstablishmentRevokesItsGrantsAndEndsItsPendingRequests() {
        granted(member);
        var other = service(DecidedBy.SUPER_ADMINS);
        requests.ask(member, other, Optional.empty(), Locale.FRENCH, IP);
        var second = organizations.createEstablishment("Deuxième " + People.uniqueDomain(), "D", Set.of());
        accounts.join(member, second, IP);

        accounts.leave(member, establishment, null, IP);

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(requests.mine(member))
                        .extracting(AccessRequestView::status)
                        .containsExactlyInAnyOrder(AccessStatus.REVOKED, AccessStatus.CANCELLED));
    }

    private AccessRequestId granted(AccountId person) {
        requests.ask(person, matinfo, Optional.empty(), Locale.FRENCH, IP);
        var id = requests.mine(person).get(0).id();
        requests.decide(firstSuperAdmin, id, true, null, Locale.FRENCH, IP);
        return id;
    }

    private ServiceId service(DecidedBy decidedBy) {
        var code = "S" + Math.abs(System.nanoTime() % 1_000_000_000L);
        return services.define(new ServiceDefinition(
                code,
                "Service " + domain + (decidedBy == DecidedBy.SUPER_ADMINS ? "" : " " + decidedBy),
                null,
                InterestDomain.PURCHASING,
                decidedBy,
                true));
    }

    private AccountId person(OrganizationId organization, String name) {
        return accounts.createVerified(
                People.uniqueEmail(domain), Civility.MADAME, name, name, organization, false, GOOD_PASSWORD);
    }

    private String email(AccountId person) {
        return accounts.find(person).orElseThrow().email();
    }

    private static List<String> addresses(MimeMessage message, Message.RecipientType type) throws Exception {
        var found = message.getRecipients(type);
        return found == null
                ? List.of()
                : Arrays.stream(found).map(Object::toString).toList();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
