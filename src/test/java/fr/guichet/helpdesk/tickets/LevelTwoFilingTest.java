package fr.guichet.helpdesk.tickets;

import static fr.guichet.support.People.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.guichet.account.Accounts;
import fr.guichet.account.Civility;
import fr.guichet.helpdesk.CorrespondentKind;
import fr.guichet.helpdesk.FilingRefused;
import fr.guichet.helpdesk.ProductId;
import fr.guichet.helpdesk.calendar.AgencyCalendar;
import fr.guichet.helpdesk.reference.ReferenceForms;
import fr.guichet.helpdesk.reference.ReferenceSetup;
import fr.guichet.organization.Organizations;
import fr.guichet.shared.NotFoundException;
import fr.guichet.support.IntegrationTest;
import fr.guichet.support.People;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Seed 001: a level-2 ticket only by a correspondent of the product, with the validated installed version. */
@IntegrationTest
class LevelTwoFilingTest {

    @Autowired
    LevelTwoFiling filing;

    @Autowired
    ReferenceSetup reference;

    @Autowired
    AgencyCalendar agencyCalendar;

    @Autowired
    Accounts accounts;

    @Autowired
    Organizations organizations;

    @Test
    void onlyACorrespondentFilesAndOnlyOnceHisEstablishmentsInstalledVersionIsValidated() {
        var domain = People.uniqueDomain();
        var establishment = organizations.createEstablishment("Université " + domain, "U", Set.of(domain));
        var other = organizations.createEstablishment("Autre " + domain, "A", Set.of());
        var correspondent = accounts.createVerified(
                People.uniqueEmail(domain), Civility.MADAME, "Dupont", "Anne", establishment, false, GOOD_PASSWORD);
        var colleague = accounts.createVerified(
                People.uniqueEmail(domain), Civility.MONSIEUR, "Durand", "Marc", establishment, false, GOOD_PASSWORD);
        var code = "SIFAC-" + UUID.randomUUID().toString().substring(0, 6);
        var sifac = reference.defineProduct(code, "Sifac " + code, "Joindre le code message et la transaction.");
        var current = reference.defineVersion(sifac, "2026.1", true);
        var old = reference.defineVersion(sifac, "2023.2", false);
        reference.nameCorrespondent(
                establishment, sifac, correspondent, CorrespondentKind.FUNCTIONAL, "sifac@" + domain);

        assertThatThrownBy(() -> filing.check(colleague, establishment, sifac))
                .isInstanceOf(FilingRefused.class)
                .hasMessage("helpdesk.filing.not-correspondent");
        assertThatThrownBy(() -> filing.check(correspondent, other, sifac))
                .as("a correspondent of one establishment is not one of another")
                .hasMessage("helpdesk.filing.not-correspondent");
        assertThatThrownBy(() -> filing.check(correspondent, establishment, sifac))
                .isInstanceOf(FilingRefused.class)
                .hasMessage("helpdesk.filing.no-installed-version");

        reference.validateInstalledVersion(establishment, sifac, old, null);
        var withOld = filing.check(correspondent, establishment, sifac);
        assertThat(withOld.version().label()).isEqualTo("2023.2");
        assertThat(withOld.unmaintained()).isTrue();

        reference.validateInstalledVersion(establishment, sifac, current, null);
        var withCurrent = filing.check(correspondent, establishment, sifac);
        assertThat(withCurrent.version().label()).isEqualTo("2026.1");
        assertThat(withCurrent.unmaintained()).isFalse();
        assertThatThrownBy(() -> filing.check(correspondent, establishment, new ProductId(999_999_999)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void theClockReadsTheAgencysClosurePeriodsAsRecorded() {
        // the first business day from August 2031 on: a database reused by earlier runs holds their closures
        var day = agencyCalendar.today().plusBusinessDays(LocalDate.of(2031, 8, 4), 0);
        assertThat(agencyCalendar.today().isBusinessDay(day)).isTrue();

        agencyCalendar.close(
                null,
                new ReferenceForms.ClosureForm(day.toString(), day.plusDays(1).toString(), "Fermeture d’été"));

        assertThat(agencyCalendar.today().isBusinessDay(day)).isFalse();
        assertThat(agencyCalendar.today().isClosed(day.plusDays(1))).isTrue();
    }
}
