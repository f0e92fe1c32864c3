package fr.guichet.administration;

import static fr.guichet.support.People.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.account.Civility;
import fr.guichet.helpdesk.CorrespondentKind;
import fr.guichet.helpdesk.HelpdeskSetup;
import fr.guichet.helpdesk.ProductId;
import fr.guichet.helpdesk.TicketDriver;
import fr.guichet.organization.OrganizationDetails;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.OrganizationView;
import fr.guichet.organization.Organizations;
import fr.guichet.support.IntegrationTest;
import fr.guichet.support.People;
import fr.guichet.support.TestSmtp;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Random histories of memberships and what people hold through them: after every step, what the
 * administration module (Permissions, super admins), the helpdesk (Reach) and the account module say
 * of each person must be what his current memberships justify, as a model of the rules computes it:
 * a right in an organisation is held while he is its member; a super admin seat and a correspondent
 * row while he belongs to the establishment's tree; the account while one membership remains.
 */
@IntegrationTest
class MembershipHistoriesTest {

    @RegisterExtension
    static GreenMailExtension greenMail = TestSmtp.server();

    static final String IP = "192.0.2.77";
    static final int STEPS = 30;

    @Autowired
    Administration administration;

    @Autowired
    Permissions permissions;

    @Autowired
    Delegation delegation;

    @Autowired
    Organizations organizations;

    @Autowired
    Accounts accounts;

    @Autowired
    HelpdeskSetup helpdesk;

    @Autowired
    ApplicationContext context;

    static List<Long> seeds() {
        var seeds = new ArrayList<Long>();
        for (long seed = 1; seed <= 20; seed++) {
            seeds.add(seed * 7919);
        }
        return seeds;
    }

    @ParameterizedTest(name = "history {0}")
    @MethodSource("seeds")
    void whatPeopleMayDoIsWhatTheirCurrentMembershipsJustify(long seed) {
        var random = new Random(seed);
        var world = new World();
        for (int step = 0; step < STEPS; step++) {
            var said = world.randomStep(random);
            world.check(seed + " after step " + step + " (" + said + ")\n" + world.history);
        }
    }

    /** The tree, the people, and the model of what each holds. */
    final class World {

        final OrganizationId establishmentA;
        final OrganizationId establishmentB;
        final List<OrganizationView> organizations = new ArrayList<>();
        final List<AccountId> people = new ArrayList<>();
        final ProductId product;
        final AccountId platformAdmin;
        final StringBuilder history = new StringBuilder();

        final Set<List<Long>> memberships = new HashSet<>();
        final Map<List<Long>, Set<AdminRight>> grants = new HashMap<>();
        final Set<List<Long>> seats = new HashSet<>();
        final Set<List<Long>> correspondents = new HashSet<>();
        final Set<Long> disabled = new HashSet<>();

        World() {
            var domain = People.uniqueDomain();
            establishmentA =
                    MembershipHistoriesTest.this.organizations.createEstablishment("A " + domain, "A", Set.of(domain));
            var a1 = MembershipHistoriesTest.this.organizations.createSubOrganization(
                    establishmentA, "LARGE", details("A1"));
            var a2 = MembershipHistoriesTest.this.organizations.createSubOrganization(a1, "LARGE", details("A2"));
            establishmentB =
                    MembershipHistoriesTest.this.organizations.createEstablishment("B " + domain, "B", Set.of());
            for (var id : List.of(establishmentA, a1, a2, establishmentB)) {
                organizations.add(
                        MembershipHistoriesTest.this.organizations.find(id).orElseThrow());
            }
            platformAdmin = accounts.createVerified(
                    People.uniqueEmail(), Civility.MADAME, "Plateforme", "P", null, true, GOOD_PASSWORD);
            product = helpdesk.product(
                    "P" + domain.substring(1, 9), "Produit " + domain, null, List.of("1"), List.of(true));
            for (int i = 0; i < 5; i++) {
                // everyone starts in one organisation, as a registration or an invitation would leave him
                var start = organizations.get(i % organizations.size());
                var person = accounts.createVerified(
                        People.uniqueEmail(), Civility.MADAME, "Personne" + i, "P", start.id(), false, GOOD_PASSWORD);
                people.add(person);
                memberships.add(List.of(person.value(), start.id().value()));
            }
        }

        String randomStep(Random random) {
            var person = people.get(random.nextInt(people.size()));
            var organization = organizations.get(random.nextInt(organizations.size()));
            var establishment = organization.establishmentId();
            var said = switch (random.nextInt(7)) {
                case 0, 1 -> join(person, organization);
                case 2, 3 -> remove(person, organization);
                case 4 -> grant(person, organization, random);
                case 5 -> nameSuperAdmin(person, establishment);
                default -> nameCorrespondent(person, establishment);
            };
            history.append("  ").append(said).append('\n');
            return said;
        }

        private String join(AccountId person, OrganizationView organization) {
            if (disabled.contains(person.value())) {
                return "skip";
            }
            accounts.join(person, organization.id(), IP);
            memberships.add(List.of(person.value(), organization.id().value()));
            return person.value() + " joins " + organization.name();
        }

        private String remove(AccountId person, OrganizationView organization) {
            var key = List.of(person.value(), organization.id().value());
            if (!memberships.contains(key)) {
                return "skip";
            }
            var establishment = organization.establishmentId();
            var seat = List.of(establishment.value(), person.value());
            var lastSeat = seats.contains(seat)
                    && seats.stream()
                                    .filter(s -> s.get(0) == establishment.value())
                                    .count()
                            == 1
                    && !belongsElsewhere(person, establishment, organization.id());
            try {
                administration.removeUsers(platformAdmin, organization.id(), Set.of(person), IP);
            } catch (AdministrationRefusal refused) {
                assertThat(lastSeat)
                        .as(
                                "removal of %s from %s refused: %s",
                                person.value(), organization.name(), refused.messageKey())
                        .isTrue();
                return person.value() + " not removed from " + organization.name() + " (last super admin)";
            }
            assertThat(lastSeat)
                    .as("the last super admin %s was removed", person.value())
                    .isFalse();
            memberships.remove(key);
            grants.remove(key);
            if (!belongsTo(person, establishment)) {
                seats.remove(seat);
                correspondents.remove(List.of(establishment.value(), person.value()));
            }
            if (memberships.stream().noneMatch(m -> m.get(0) == person.value())) {
                disabled.add(person.value());
            }
            return person.value() + " removed from " + organization.name();
        }

        private String grant(AccountId person, OrganizationView organization, Random random) {
            var key = List.of(person.value(), organization.id().value());
            if (!memberships.contains(key)) {
                return "skip";
            }
            var rights = EnumSet.noneOf(AdminRight.class);
            for (var right : AdminRight.values()) {
                if (random.nextBoolean()) {
                    rights.add(right);
                }
            }
            administration.saveMatrix(
                    platformAdmin,
                    organization.id(),
                    Grant.Kind.ADMIN,
                    Grant.NO_SERVICE,
                    Map.of(person, rights.stream().map(Enum::name).collect(Collectors.toSet())),
                    IP);
            grants.put(key, rights);
            return person.value() + " holds " + rights + " in " + organization.name();
        }

        private String nameSuperAdmin(AccountId person, OrganizationId establishment) {
            var seat = List.of(establishment.value(), person.value());
            if (!memberships.contains(List.of(person.value(), establishment.value()))
                    || seats.contains(seat)
                    || seats.stream()
                                    .filter(s -> s.get(0) == establishment.value())
                                    .count()
                            >= 3) {
                return "skip";
            }
            administration.nameSuperAdmin(platformAdmin, establishment, person, IP);
            seats.add(seat);
            return person.value() + " super admin of " + establishment.value();
        }

        private String nameCorrespondent(AccountId person, OrganizationId establishment) {
            var row = List.of(establishment.value(), person.value());
            if (!belongsTo(person, establishment) || correspondents.contains(row)) {
                return "skip";
            }
            helpdesk.correspondent(establishment, product, person, CorrespondentKind.FUNCTIONAL);
            correspondents.add(row);
            return person.value() + " correspondent of " + establishment.value();
        }

        private boolean belongsTo(AccountId person, OrganizationId establishment) {
            return organizations.stream()
                    .anyMatch(o -> o.establishmentId().equals(establishment)
                            && memberships.contains(List.of(person.value(), o.id().value())));
        }

        private boolean belongsElsewhere(AccountId person, OrganizationId establishment, OrganizationId leaving) {
            return organizations.stream()
                    .anyMatch(o -> !o.id().equals(leaving)
                            && o.establishmentId().equals(establishment)
                            && memberships.contains(List.of(person.value(), o.id().value())));
        }

        void check(String when) {
            var reach = TicketDriver.of(context);
            for (var establishment : List.of(establishmentA, establishmentB)) {
                var expected = people.stream()
                        .filter(p -> seats.contains(List.of(establishment.value(), p.value())))
                        .toList();
                assertThat(delegation.superAdminsOf(establishment))
                        .as("super admins of %s, %s", establishment.value(), when)
                        .containsExactlyInAnyOrderElementsOf(expected);
            }
            for (var person : people) {
                var expected = expectedAuthority(person);
                var actual = permissions.build(person);
                for (var organization : organizations) {
                    var path = organization.path();
                    assertThat(actual.administers(path))
                            .as("%s administers %s, %s", person.value(), organization.name(), when)
                            .isEqualTo(expected.administers(path));
                    assertThat(actual.mayCreateUsersIn(path))
                            .as("%s creates users in %s, %s", person.value(), organization.name(), when)
                            .isEqualTo(expected.mayCreateUsersIn(path));
                    assertThat(actual.mayNameAdminsIn(path))
                            .as("%s names admins in %s, %s", person.value(), organization.name(), when)
                            .isEqualTo(expected.mayNameAdminsIn(path));
                    assertThat(actual.isSuperAdminOver(path))
                            .as("%s super admin over %s, %s", person.value(), organization.name(), when)
                            .isEqualTo(expected.isSuperAdminOver(path));
                }
                var reached = reach.reachOf(person);
                var establishments = organizations.stream()
                        .filter(o -> memberships.contains(List.of(person.value(), o.id().value())))
                        .map(o -> o.establishmentId().value())
                        .collect(Collectors.toSet());
                assertThat(reached.establishments())
                        .as("establishments of %s, %s", person.value(), when)
                        .isEqualTo(establishments);
                var sites = correspondents.stream()
                        .filter(c -> c.get(1) == person.value())
                        .map(c -> List.of(c.get(0), product.value()))
                        .collect(Collectors.toSet());
                assertThat(reached.sites().stream()
                                .filter(s -> s.get(1) == product.value())
                                .collect(Collectors.toSet()))
                        .as("sites of %s, %s", person.value(), when)
                        .isEqualTo(sites);
                assertThat(accounts.find(person).orElseThrow().active())
                        .as("%s active, %s", person.value(), when)
                        .isEqualTo(!disabled.contains(person.value()));
            }
        }

        private AdminAuthority expectedAuthority(AccountId person) {
            var byPath = new HashMap<String, Set<AdminRight>>();
            grants.forEach((key, rights) -> {
                if (key.get(0) == person.value() && !rights.isEmpty()) {
                    byPath.put(pathOf(key.get(1)), rights);
                }
            });
            var superPaths = seats.stream()
                    .filter(s -> s.get(1) == person.value())
                    .map(s -> pathOf(s.get(0)))
                    .collect(Collectors.toSet());
            return new AdminAuthority(byPath, superPaths, false);
        }

        private String pathOf(long organization) {
            return organizations.stream()
                    .filter(o -> o.id().value() == organization)
                    .findFirst()
                    .orElseThrow()
                    .path();
        }
    }

    private static OrganizationDetails details(String name) {
        return new OrganizationDetails(name, "1 rue du Test", "75000", "Paris", "01 45 45 45 45", null, null);
    }
}
