package fr.guichet.administration;

import static fr.guichet.support.People.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.account.Civility;
import fr.guichet.account.NewPerson;
import fr.guichet.account.PostalAddress;
import fr.guichet.organization.OrganizationDetails;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import fr.guichet.shared.NotFoundException;
import fr.guichet.support.IntegrationTest;
import fr.guichet.support.Mails;
import fr.guichet.support.People;
import fr.guichet.support.TestSmtp;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** Delegated administration on the real database: the rules hold for whoever calls. */
@IntegrationTest
class AdministrationTest {

    @RegisterExtension
    static GreenMailExtension greenMail = TestSmtp.server();

    static final String IP = "192.0.2.1";

    @Autowired
    Administration administration;

    @Autowired
    Organizations organizations;

    @Autowired
    Accounts accounts;

    String domain;
    OrganizationId establishment;
    AccountId superAdmin;
    AccountId platformAdmin;

    @BeforeEach
    void establishmentWithItsSuperAdmin() {
        domain = People.uniqueDomain();
        establishment = organizations.createEstablishment("Ville de " + domain, "V", Set.of(domain));
        superAdmin = person(establishment);
        platformAdmin = accounts.createVerified(
                People.uniqueEmail(), Civility.MADAME, "Plateforme", "Paule", null, true, GOOD_PASSWORD);
        administration.nameSuperAdmin(platformAdmin, establishment, superAdmin, IP);
    }

    @Test
    void aSuperAdminBuildsHisTreeAndHoldsItThroughItWithoutJoiningWhatHeCreates() {
        var direction = administration.createSubOrganization(
                superAdmin, establishment, "LARGE", details("Direction des achats"), true, IP);
        var service = administration.createSubOrganization(
                superAdmin, direction, "SMALL", details("Service marchés"), true, IP);

        assertThat(organizations.find(service).orElseThrow().path())
                .isEqualTo("/" + establishment.value() + "/" + direction.value() + "/" + service.value() + "/");
        assertThat(administration.rights(superAdmin, service, Grant.Kind.ADMIN)).isEmpty();
        assertThat(accounts.isMemberOf(superAdmin, service)).isFalse();
        assertThat(administration.administeredTree(superAdmin))
                .extracting(o -> o.name())
                .contains("Ville de " + domain, "Direction des achats", "Service marchés");
        // nothing of his to remove first: the empty organisation he created goes at once
        administration.delete(superAdmin, service, IP);
        assertThat(organizations.find(service)).isEmpty();
    }

    @Test
    void usersComeByPagesOfFiftySortedByNameAndFilteredByAPartOfTheNameOrAddress() {
        for (int i = 0; i < 52; i++) {
            accounts.createVerified(
                    People.uniqueEmail(domain),
                    Civility.MADAME,
                    String.format("Nom%02d", 51 - i),
                    "Prénom",
                    establishment,
                    false,
                    GOOD_PASSWORD);
        }
        accounts.createVerified(
                "under_score." + People.uniqueEmail(domain),
                Civility.MONSIEUR,
                "Zébulon",
                "Zoé",
                establishment,
                false,
                GOOD_PASSWORD);

        var first = administration.users(superAdmin, establishment, "", 0);
        var second = administration.users(superAdmin, establishment, "", 1);

        assertThat(first.total()).isEqualTo(54);
        assertThat(first.pageCount()).isEqualTo(2);
        assertThat(first.people()).hasSize(50);
        assertThat(first.people()).extracting(p -> p.lastName()).startsWith("Martin", "Nom00", "Nom01");
        assertThat(second.people()).extracting(p -> p.lastName()).containsExactly("Nom49", "Nom50", "Nom51", "Zébulon");
        assertThat(administration.users(superAdmin, establishment, "nom0", 0).total())
                .isEqualTo(10);
        assertThat(administration
                        .users(superAdmin, establishment, "  ZÉBULON ", 0)
                        .people())
                .extracting(p -> p.firstName())
                .containsExactly("Zoé");
        assertThat(administration.users(superAdmin, establishment, "under_", 0).total())
                .isEqualTo(1);
        assertThat(administration.users(superAdmin, establishment, "_", 0).total())
                .isEqualTo(1);
    }

    @Test
    void theTreePageShowsTheBranchToTheCurrentOrganisationAndItsChildrenOnly() {
        var direction = administration.createSubOrganization(
                superAdmin, establishment, "LARGE", details("Direction"), true, IP);
        var service =
                administration.createSubOrganization(superAdmin, direction, "LARGE", details("Service"), true, IP);
        administration.createSubOrganization(superAdmin, service, "LARGE", details("Bureau"), true, IP);
        var sibling =
                administration.createSubOrganization(superAdmin, establishment, "LARGE", details("Sœur"), true, IP);
        administration.createSubOrganization(superAdmin, sibling, "LARGE", details("Nièce"), true, IP);

        var around = administration.treeAround(
                superAdmin, organizations.find(service).orElseThrow());

        assertThat(around)
                .extracting(o -> o.name())
                .containsExactly("Ville de " + domain, "Direction", "Service", "Bureau");
        assertThat(administration.treeAround(superAdmin, null))
                .extracting(o -> o.name())
                .containsExactly("Ville de " + domain, "Direction", "Sœur");
    }

    @Test
    void anAdminWithOneRightDoesThatAndNothingElseAndGrantsOnlyWhatHeHolds() {
        var direction = administration.createSubOrganization(
                superAdmin, establishment, "LARGE", details("Direction"), true, IP);
        var admin = addedUser(superAdmin, direction);
        administration.saveMatrix(
                superAdmin,
                direction,
                Grant.Kind.ADMIN,
                Grant.NO_SERVICE,
                Map.of(admin, Set.of("CREATE_USERS", "CREATE_ADMINS")),
                IP);

        var colleague = addedUser(admin, direction);
        administration.saveMatrix(
                admin,
                direction,
                Grant.Kind.ADMIN,
                Grant.NO_SERVICE,
                Map.of(admin, Set.of("CREATE_USERS", "CREATE_ADMINS"), colleague, Set.of("CREATE_USERS")),
                IP);

        assertThatThrownBy(() -> administration.saveMatrix(
                        admin,
                        direction,
                        Grant.Kind.ADMIN,
                        Grant.NO_SERVICE,
                        Map.of(
                                admin,
                                Set.of("CREATE_USERS", "CREATE_ADMINS"),
                                colleague,
                                Set.of("CREATE_USERS", "CREATE_SUB_ORGANIZATIONS")),
                        IP))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(administration.rights(admin, direction, Grant.Kind.ADMIN).get(colleague))
                .containsExactly("CREATE_USERS");
        assertThatThrownBy(
                        () -> administration.createSubOrganization(admin, direction, "SMALL", details("Non"), true, IP))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void nobodyActsOutsideHisSubtreeNorSeesIt() {
        var direction = administration.createSubOrganization(
                superAdmin, establishment, "LARGE", details("Direction"), true, IP);
        var sibling =
                administration.createSubOrganization(superAdmin, establishment, "LARGE", details("Sœur"), true, IP);
        var admin = addedUser(superAdmin, direction);
        administration.saveMatrix(
                superAdmin, direction, Grant.Kind.ADMIN, Grant.NO_SERVICE, Map.of(admin, Set.of("CREATE_USERS")), IP);

        assertThatThrownBy(() -> administration.users(admin, sibling)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> administration.users(admin, establishment)).isInstanceOf(NotFoundException.class);
        var otherDomain = People.uniqueDomain();
        var other = organizations.createEstablishment("Autre " + otherDomain, "A", Set.of(otherDomain));
        assertThatThrownBy(() -> administration.users(superAdmin, other)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void rolesAreThoseTheTypeAllows() {
        var small =
                administration.createSubOrganization(superAdmin, establishment, "SMALL", details("Petite"), true, IP);
        var buyer = addedUser(superAdmin, small);

        administration.saveMatrix(
                superAdmin, small, Grant.Kind.ROLE, "PROCUREMENT_ROOM", Map.of(buyer, Set.of("BUYER", "PRM_PCAO")), IP);
        assertThat(administration.roles(superAdmin, small, "PROCUREMENT_ROOM").get(buyer))
                .containsExactly("BUYER", "PRM_PCAO");

        assertThatThrownBy(() -> administration.saveMatrix(
                        superAdmin,
                        small,
                        Grant.Kind.ROLE,
                        "PROCUREMENT_ROOM",
                        Map.of(buyer, Set.of("ASSISTANT_BUYER")),
                        IP))
                .isInstanceOf(AdministrationRefusal.class);
    }

    @Test
    void aNewUserIsInvitedAndOneNotYetActivatedJoinsAtOnceWithAFreshLinkWithoutADuplicate() throws Exception {
        var email = People.uniqueEmail(domain);
        administration.addUser(superAdmin, establishment, newPerson(email), Locale.FRENCH, IP);
        var mail = Mails.awaitFirst(greenMail, email);
        assertThat(mail.getSubject()).isEqualTo("Guichet : votre compte a été créé");
        assertThat(Mails.link(mail)).startsWith("/activation?jeton=");

        var direction = administration.createSubOrganization(
                superAdmin, establishment, "LARGE", details("Direction"), true, IP);
        administration.addUser(superAdmin, direction, newPerson(email.toUpperCase()), Locale.FRENCH, IP);
        var person = accounts.findByEmail(email).orElseThrow().id();
        assertThat(accounts.organizationsOf(person)).containsExactlyInAnyOrder(establishment, direction);
        assertThat(Mails.link(Mails.nth(greenMail, email, 2))).startsWith("/activation?jeton=");
        assertThatThrownBy(() -> administration.addUser(superAdmin, direction, newPerson(email), Locale.FRENCH, IP))
                .isInstanceOf(AdministrationRefusal.class)
                .hasMessage("users.already-member");
    }

    @Test
    void removingAUserTakesHisRightsAndHisLastMembershipDisablesHim() {
        var direction = administration.createSubOrganization(
                superAdmin, establishment, "LARGE", details("Direction"), true, IP);
        var person = addedUser(superAdmin, direction);
        administration.saveMatrix(
                superAdmin,
                direction,
                Grant.Kind.SUPERVISION,
                Grant.NO_SERVICE,
                Map.of(person, Set.of("VIEW_CREDITS")),
                IP);

        administration.removeUsers(superAdmin, direction, Set.of(person), IP);

        assertThat(administration.rights(superAdmin, direction, Grant.Kind.SUPERVISION))
                .doesNotContainKey(person);
        assertThat(accounts.find(person).orElseThrow().active()).isFalse();
    }

    @Test
    void removingSomeoneTakesNoAdminRightTheRemoverDoesNotHold() {
        var direction = administration.createSubOrganization(
                superAdmin, establishment, "LARGE", details("Direction"), true, IP);
        var userManager = addedUser(superAdmin, direction);
        var admin = addedUser(superAdmin, direction);
        administration.saveMatrix(
                superAdmin,
                direction,
                Grant.Kind.ADMIN,
                Grant.NO_SERVICE,
                Map.of(userManager, Set.of("CREATE_USERS"), admin, Set.of("CREATE_SUB_ORGANIZATIONS")),
                IP);

        assertThatThrownBy(() -> administration.removeUsers(userManager, direction, Set.of(admin), IP))
                .isInstanceOf(AdministrationRefusal.class)
                .hasMessage("users.remove.admin-not-held");
        assertThat(administration
                        .rights(superAdmin, direction, Grant.Kind.ADMIN)
                        .get(admin))
                .containsExactly("CREATE_SUB_ORGANIZATIONS");
        assertThat(accounts.isMemberOf(admin, direction)).isTrue();
    }

    @Test
    void anOrganisationWithUsersOrChildrenIsNotDeleted() {
        var direction = administration.createSubOrganization(
                superAdmin, establishment, "LARGE", details("Direction"), true, IP);
        var service =
                administration.createSubOrganization(superAdmin, direction, "LARGE", details("Service"), true, IP);

        assertThatThrownBy(() -> administration.delete(superAdmin, direction, IP))
                .isInstanceOf(AdministrationRefusal.class)
                .hasMessage("organization.delete.has-children");
        var member = person(service);
        assertThatThrownBy(() -> administration.delete(superAdmin, service, IP))
                .isInstanceOf(AdministrationRefusal.class)
                .hasMessage("organization.delete.has-users");
        administration.removeUsers(superAdmin, service, Set.of(member), IP);
        administration.delete(superAdmin, service, IP);
        assertThat(organizations.find(service)).isEmpty();
    }

    @Test
    void anEstablishmentHasAtMostThreeSuperAdminsNamedByOneOfThemOrThePlatform() {
        var second = person(establishment);
        var third = person(establishment);
        var fourth = person(establishment);
        administration.nameSuperAdmin(superAdmin, establishment, second, IP);
        administration.nameSuperAdmin(platformAdmin, establishment, third, IP);

        assertThatThrownBy(() -> administration.nameSuperAdmin(superAdmin, establishment, fourth, IP))
                .isInstanceOf(AdministrationRefusal.class)
                .hasMessage("super-admin.too-many");
        assertThatThrownBy(() -> administration.nameSuperAdmin(fourth, establishment, fourth, IP))
                .isInstanceOf(NotFoundException.class);
        assertThat(administration.superAdminsOf(establishment)).hasSize(3);
    }

    @Test
    void theLastSuperAdminStays() {
        var second = person(establishment);
        administration.nameSuperAdmin(superAdmin, establishment, second, IP);

        administration.removeSuperAdmin(second, establishment, superAdmin, IP);

        assertThat(administration.superAdminsOf(establishment))
                .extracting(p -> p.id())
                .containsExactly(second);
        assertThatThrownBy(() -> administration.removeSuperAdmin(second, establishment, second, IP))
                .isInstanceOf(AdministrationRefusal.class)
                .hasMessage("super-admin.last");
    }

    private AccountId person(OrganizationId organization) {
        return accounts.createVerified(
                People.uniqueEmail(domain), Civility.MONSIEUR, "Martin", "Paul", organization, false, GOOD_PASSWORD);
    }

    private AccountId addedUser(AccountId by, OrganizationId organization) {
        var email = People.uniqueEmail(domain);
        administration.addUser(by, organization, newPerson(email), Locale.FRENCH, IP);
        return accounts.findByEmail(email).orElseThrow().id();
    }

    private static NewPerson newPerson(String email) {
        return new NewPerson(
                email,
                Civility.MADAME,
                "Ledoux",
                "Julie",
                "Acheteuse",
                "01 23 45 67 89",
                null,
                null,
                new PostalAddress("1 place de la Mairie", null, "75001", "Paris"));
    }

    private static OrganizationDetails details(String name) {
        return new OrganizationDetails(name, "225 rue dématérialisée", "75000", "Paris", "01 45 45 45 45", null, null);
    }

    private static String[] names(AdminRight[] rights) {
        return Arrays.stream(rights).map(Enum::name).toArray(String[]::new);
    }
}
