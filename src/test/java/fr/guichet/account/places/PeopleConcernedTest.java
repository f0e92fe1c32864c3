package fr.guichet.account.places;

import static fr.guichet.support.People.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.account.Civility;
import fr.guichet.organization.OrganizationDetails;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import fr.guichet.support.IntegrationTest;
import fr.guichet.support.People;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Who an announcement aimed at places reaches: whoever chose one of them, a place inside it or a
 * place containing it, and the confirmed members of the organisations located there; active
 * accounts only. Other tests share the database, so each checks its own people only.
 */
@IntegrationTest
class PeopleConcernedTest {

    @Autowired
    Places places;

    @Autowired
    ChosenPlaces chosen;

    @Autowired
    Accounts accounts;

    @Autowired
    Organizations organizations;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void whoChoseARégionIsConcernedByItsDépartementsAndWhoChoseADépartementByItsRégion() {
        var grandEst = choosing("R-44");
        var basRhin = choosing("D-67");
        var germany = choosing("C-DE");

        assertThat(concernedBy("D-67")).contains(grandEst, basRhin).doesNotContain(germany);
        assertThat(concernedBy("R-44")).contains(grandEst, basRhin).doesNotContain(germany);
        assertThat(concernedBy("D-68")).contains(grandEst).doesNotContain(basRhin, germany);
        assertThat(concernedBy("D-13", "R-53")).doesNotContain(grandEst, basRhin, germany);
        assertThat(concernedBy("C-DE")).contains(germany).doesNotContain(grandEst, basRhin);
        assertThat(concernedBy("C-DE", "D-67")).contains(germany, basRhin, grandEst);
    }

    @Test
    void theConfirmedMembersOfAnOrganisationLocatedInATargetedDépartementOrRégionAreConcerned() {
        var strasbourg = locatedAt("67000");
        var confirmed = memberOf(strasbourg);
        var declared = memberOf(strasbourg);
        jdbc.update("update membership set status = 'DECLARED' where account_id = ?", declared.value());

        assertThat(concernedBy("D-67")).contains(confirmed).doesNotContain(declared);
        assertThat(concernedBy("R-44")).contains(confirmed);
        assertThat(concernedBy("D-68", "R-53", "C-DE")).doesNotContain(confirmed);
    }

    @Test
    void corsicaAndOverseasOrganisationsAreInTheirDépartements() {
        var ajaccio = memberOf(locatedAt("20090"));
        var bastia = memberOf(locatedAt("20200"));
        var saintDenis = memberOf(locatedAt("97400"));
        var monaco = memberOf(locatedAt("98000"));
        var nowhere = memberOf(locatedAt(null));

        assertThat(concernedBy("D-2A")).contains(ajaccio).doesNotContain(bastia);
        assertThat(concernedBy("D-2B")).contains(bastia).doesNotContain(ajaccio);
        assertThat(concernedBy("R-94")).contains(ajaccio, bastia);
        assertThat(concernedBy("D-974")).contains(saintDenis).doesNotContain(ajaccio);
        assertThat(concernedBy("R-04")).contains(saintDenis);
        var everywhere = places.peopleConcernedBy(Geography.FRANCE.regions());
        assertThat(everywhere).contains(ajaccio, bastia, saintDenis).doesNotContain(monaco, nowhere);
    }

    @Test
    void aPersonConcernedTwiceIsCountedOnceAndADisabledAccountNever() {
        var strasbourg = locatedAt("67200");
        var twice = memberOf(strasbourg);
        chosen.choose(twice, WayOfChoosing.DEPARTEMENTS, null, List.of("D-67"));
        var disabledChoosing = choosing("D-67");
        var disabledMember = memberOf(strasbourg);
        jdbc.update(
                "update account set status = 'DISABLED' where id in (?, ?)",
                disabledChoosing.value(),
                disabledMember.value());

        var concerned = places.peopleConcernedBy(List.of(Place.parse("D-67"), Place.parse("R-44")));
        assertThat(concerned.stream().filter(twice::equals)).hasSize(1);
        assertThat(concerned).doesNotContain(disabledChoosing, disabledMember);
        assertThat(places.peopleConcernedBy(List.of())).isEmpty();
    }

    private Set<AccountId> concernedBy(String... codes) {
        return places.peopleConcernedBy(Arrays.stream(codes).map(Place::parse).toList());
    }

    private AccountId choosing(String code) {
        var person = person(null);
        var place = Place.parse(code);
        var way = place.kind() == Place.Kind.COUNTRY
                ? WayOfChoosing.COUNTRIES
                : place.kind() == Place.Kind.REGION ? WayOfChoosing.REGIONS : WayOfChoosing.DEPARTEMENTS;
        chosen.choose(person, way, null, List.of(code));
        return person;
    }

    private AccountId memberOf(OrganizationId organization) {
        return person(organization);
    }

    private AccountId person(@Nullable OrganizationId organization) {
        var where = organization != null ? organization : establishment();
        return accounts.createVerified(
                People.uniqueEmail(), Civility.MONSIEUR, "Weber", "Paul", where, false, GOOD_PASSWORD);
    }

    private OrganizationId establishment() {
        var domain = People.uniqueDomain();
        return organizations.createEstablishment("Ailleurs " + domain, "A", Set.of(domain));
    }

    private OrganizationId locatedAt(@Nullable String postalCode) {
        var establishment = establishment();
        var name = organizations.find(establishment).orElseThrow().name();
        organizations.change(
                establishment,
                new OrganizationDetails(name, "1 place de la Mairie", postalCode, "Ville", null, null, null));
        return establishment;
    }
}
