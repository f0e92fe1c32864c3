package fr.guichet.administration;

import static fr.guichet.support.People.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.account.Civility;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import fr.guichet.shared.NotFoundException;
import fr.guichet.support.IntegrationTest;
import fr.guichet.support.People;
import fr.guichet.support.TestSmtp;
import java.io.StringReader;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class UserImportTest {

    @RegisterExtension
    static GreenMailExtension greenMail = TestSmtp.server();

    @Autowired
    UserImports imports;

    @Autowired
    Administration administration;

    @Autowired
    Organizations organizations;

    @Autowired
    Accounts accounts;

    OrganizationId establishment;
    AccountId superAdmin;
    String domain;

    @BeforeEach
    void establishment() {
        domain = People.uniqueDomain();
        establishment = organizations.createEstablishment("Import " + domain, "IMP", Set.of(domain));
        superAdmin = accounts.createVerified(
                People.uniqueEmail(domain), Civility.MADAME, "Chef", "Cheffe", establishment, false, GOOD_PASSWORD);
        var platform =
                accounts.createVerified(People.uniqueEmail(), Civility.MADAME, "P", "P", null, true, GOOD_PASSWORD);
        administration.nameSuperAdmin(platform, establishment, superAdmin, "-");
    }

    @Test
    void goodLinesAreImportedBadOnesReportedAndASecondRunCreatesNothingTwice() throws Exception {
        var existing = People.uniqueEmail();
        accounts.createVerified(existing, Civility.MONSIEUR, "Ancien", "Compte", null, false, GOOD_PASSWORD);
        var fresh = People.uniqueEmail(domain);
        var csv = "\uFEFFcivilite;nom;prenom;fonction;email;telephone\n"
                + "Madame;Ledoux;Julie;Acheteuse;" + fresh + ";01 23 45 67 89\n"
                + "M.;Sans;Adresse;;pas-une-adresse;\n"
                + "Monsieur;Ancien;Compte;;" + existing + ";\n"
                + "Mme;Numéro;Faux;;" + People.uniqueEmail(domain) + ";12\n";

        var first = finished(imports.start(superAdmin, establishment, new StringReader(csv), Locale.FRENCH, "-"));

        assertThat(first.lines())
                .extracting(UserImport.Line::outcome)
                .containsExactly(
                        UserImport.Outcome.CREATED,
                        UserImport.Outcome.REFUSED,
                        UserImport.Outcome.CREATED,
                        UserImport.Outcome.REFUSED);
        assertThat(first.lines().get(1).reason()).contains("email");
        assertThat(first.lines().get(3).reason()).contains("telephone").contains("10 chiffres");
        // the existing account is invited like the new one, and joins only by accepting
        assertThat(accounts.membersOf(establishment))
                .extracting(p -> p.email())
                .contains(fresh)
                .doesNotContain(existing);

        var second = finished(imports.start(superAdmin, establishment, new StringReader(csv), Locale.FRENCH, "-"));

        assertThat(second.lines())
                .extracting(UserImport.Line::outcome)
                .containsExactly(
                        UserImport.Outcome.ALREADY_PRESENT,
                        UserImport.Outcome.REFUSED,
                        UserImport.Outcome.CREATED,
                        UserImport.Outcome.REFUSED);
        assertThat(accounts.membersOf(establishment).stream()
                        .filter(p -> p.email().equals(fresh)))
                .hasSize(1);
    }

    @Test
    void invisibleCharactersAndNulInAFileAreLeftOutOfWhatIsImported() throws Exception {
        var fresh = People.uniqueEmail(domain);
        var csv = "civilite;nom;prenom;fonction;email;ville\n" + "Madame;\u202ELedoux;Ju\u200Elie;Ache\u0000teuse;"
                + fresh + ";Pa\u0000ris\n";

        var done = finished(imports.start(superAdmin, establishment, new StringReader(csv), Locale.FRENCH, "-"));

        assertThat(done.lines()).extracting(UserImport.Line::outcome).containsExactly(UserImport.Outcome.CREATED);
        assertThat(accounts.membersOf(establishment))
                .filteredOn(p -> p.email().equals(fresh))
                .extracting(p -> p.lastName() + " " + p.firstName() + " " + p.jobTitle())
                .containsExactly("Ledoux Julie Acheteuse");
    }

    @Test
    void aFileWithoutTheColumnsIsRefusedWhole() {
        assertThatThrownBy(() ->
                        imports.start(superAdmin, establishment, new StringReader("a;b\n1;2\n"), Locale.FRENCH, "-"))
                .isInstanceOf(AdministrationRefusal.class)
                .hasMessage("import.header");
    }

    @Test
    void onlyWhoMayCreateUsersImports() {
        var member = accounts.createVerified(
                People.uniqueEmail(domain), Civility.MADAME, "Simple", "Membre", establishment, false, GOOD_PASSWORD);
        assertThatThrownBy(() -> imports.start(
                        member, establishment, new StringReader("civilite;nom;prenom;email\n"), Locale.FRENCH, "-"))
                .isInstanceOf(NotFoundException.class);
    }

    private UserImport finished(long id) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> imports.progress(superAdmin, establishment, id).finished());
        return imports.progress(superAdmin, establishment, id);
    }
}
