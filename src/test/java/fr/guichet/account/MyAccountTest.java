package fr.guichet.account;

import static fr.guichet.support.People.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import fr.guichet.account.registration.Registrations;
import fr.guichet.account.security.SignInTest;
import fr.guichet.organization.Organizations;
import fr.guichet.support.IntegrationTest;
import fr.guichet.support.Mails;
import fr.guichet.support.People;
import fr.guichet.support.TestSmtp;
import fr.guichet.support.Visitor;
import java.util.Set;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** "Mon compte" as its owner uses it. */
@IntegrationTest
class MyAccountTest {

    @RegisterExtension
    static GreenMailExtension greenMail = TestSmtp.server();

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    AccountRepository repository;

    @Autowired
    Organizations organizations;

    @Autowired
    JdbcTemplate jdbc;

    String email;
    Visitor me;

    @BeforeEach
    void signedIn() throws Exception {
        var domain = People.uniqueDomain();
        var establishment = organizations.createEstablishment("Université " + domain, "UT", Set.of(domain));
        email = People.uniqueEmail(domain);
        accounts.createVerified(email, Civility.MADAME, "Moreau", "Julie", establishment, false, GOOD_PASSWORD);
        me = new Visitor(mvc);
        me.perform(SignInTest.signIn(email, GOOD_PASSWORD)).andExpect(redirectedUrl("/"));
    }

    @Test
    void thePageShowsTheOrganisationsThePersonBelongsTo() throws Exception {
        me.perform(get("/compte"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(Matchers.containsString("Université " + email.substring(email.indexOf('@') + 1))))
                .andExpect(content().string(Matchers.containsString("confirmé")))
                .andExpect(content().string(Matchers.containsString("Julie Moreau")));
    }

    @Test
    void coordinatesAreSavedWhenValidAndNothingIsSavedOtherwise() throws Exception {
        me.perform(post("/compte")
                        .with(csrf())
                        .param("civility", "MADAME")
                        .param("lastName", "Moreau-Petit")
                        .param("firstName", "Julie")
                        .param("landline", "01 23 45 67 89")
                        .param("fax", "01 23 45 67 90")
                        .param("jobTitle", "Responsable des achats")
                        .param("professionalDomain", "PURCHASING"))
                .andExpect(redirectedUrl("/compte"));
        me.perform(get("/compte"))
                .andExpect(content().string(Matchers.containsString("Vos modifications sont enregistrées")));

        me.perform(post("/compte")
                        .with(csrf())
                        .param("civility", "MADAME")
                        .param("lastName", "Moreau")
                        .param("firstName", "")
                        .param("fax", "fax?"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"firstName-error\"")))
                .andExpect(content().string(Matchers.containsString("id=\"fax-error\"")));

        var coordinates = repository.findByEmail(email).orElseThrow().coordinates();
        assertThat(coordinates.lastName()).isEqualTo("Moreau-Petit");
        assertThat(coordinates.fax()).isEqualTo("01 23 45 67 90");
        assertThat(coordinates.professionalDomain()).isEqualTo("PURCHASING");
    }

    @Test
    void invisibleCharactersAndNulAreLeftOutOfTheNameAndJobTitle() throws Exception {
        me.perform(post("/compte")
                        .with(csrf())
                        .param("civility", "MADAME")
                        .param("lastName", "\u202EMoreau\u200E")
                        .param("firstName", "Ju\u0000lie")
                        .param("landline", "01 23 45 67 89")
                        .param("jobTitle", "Responsable\u0000 des achats\u2069")
                        .param("professionalDomain", "PURCHASING"))
                .andExpect(redirectedUrl("/compte"));

        var coordinates = repository.findByEmail(email).orElseThrow().coordinates();
        assertThat(coordinates.lastName()).isEqualTo("Moreau");
        assertThat(coordinates.firstName()).isEqualTo("Julie");
        assertThat(coordinates.jobTitle()).isEqualTo("Responsable des achats");
    }

    @Test
    void aPasswordIsKeptExactlyAsTypedInvisibleCharactersIncluded() throws Exception {
        var next = "Une phrase\u200E de passe\u0000 toute neuve 2026";
        me.perform(post("/compte/mot-de-passe")
                        .with(csrf())
                        .param("current", GOOD_PASSWORD)
                        .param("password", next)
                        .param("confirmation", next))
                .andExpect(redirectedUrl("/compte/identifiants"));

        mvc.perform(SignInTest.signIn(email, next)).andExpect(redirectedUrl("/"));
    }

    @Test
    void theSignInAddressChangesOnlyOnceTheNewOneIsVerified() throws Exception {
        var newEmail = People.uniqueEmail();

        me.perform(post("/compte/email")
                        .with(csrf())
                        .param("email", newEmail.toUpperCase())
                        .param("currentPassword", GOOD_PASSWORD))
                .andExpect(redirectedUrl("/compte/identifiants"));
        assertThat(repository.findByEmail(email)).isPresent();

        var link = Mails.link(Mails.awaitFirst(greenMail, newEmail));
        assertThat(link).startsWith("/compte/email/confirmer?jeton=");
        // the link works from any browser: it is proof enough
        mvc.perform(get(link))
                .andExpect(content().string(Matchers.containsString("Votre adresse de connexion a changé")));

        assertThat(repository.findByEmail(newEmail)).isPresent();
        assertThat(repository.findByEmail(email)).isEmpty();
        assertThat(Mails.body(Mails.awaitFirst(greenMail, email))).contains(newEmail);
        mvc.perform(SignInTest.signIn(newEmail, GOOD_PASSWORD)).andExpect(redirectedUrl("/"));
    }

    @Test
    void theSignInAddressChangesOnlyWithTheCurrentPassword() throws Exception {
        var newEmail = People.uniqueEmail();

        me.perform(post("/compte/email").with(csrf()).param("email", newEmail))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"currentPassword-error\"")))
                .andExpect(content().string(Matchers.containsString("Ce champ est obligatoire")));
        me.perform(post("/compte/email").with(csrf()).param("email", newEmail).param("currentPassword", "pas le bon"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"currentPassword-error\"")))
                .andExpect(content().string(Matchers.containsString("Le mot de passe actuel est incorrect")));

        assertThat(jdbc.queryForObject("select count(*) from outbox_message where recipient = ?", Long.class, newEmail))
                .as("nothing sent")
                .isZero();
        assertThat(repository.findByEmail(email)).isPresent();
    }

    @Test
    void wrongPasswordsAtTheAddressChangeCountAsFailedSignIns() throws Exception {
        var newEmail = People.uniqueEmail();
        for (int i = 0; i < 5; i++) {
            me.perform(post("/compte/email")
                    .with(csrf())
                    .param("email", newEmail)
                    .param("currentPassword", "devinette " + i));
        }

        me.perform(post("/compte/email").with(csrf()).param("email", newEmail).param("currentPassword", GOOD_PASSWORD))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Trop d’essais du mot de passe")));
        mvc.perform(SignInTest.signIn(email, GOOD_PASSWORD)).andExpect(redirectedUrl("/connexion?trop"));
        assertThat(jdbc.queryForObject("select count(*) from outbox_message where recipient = ?", Long.class, newEmail))
                .as("nothing sent")
                .isZero();
    }

    @Test
    void aMalformedNewAddressIsRefusedNextToTheField() throws Exception {
        me.perform(post("/compte/email").with(csrf()).param("email", "jeanne@"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"email-error\"")))
                .andExpect(content().string(Matchers.containsString("Saisissez une adresse e-mail valide")));
    }

    @Test
    void anAddressTakenByAnotherAccountIsNeverGivenAndItsOwnerIsTold() throws Exception {
        var other = People.uniqueEmail();
        accounts.createVerified(other, Civility.MONSIEUR, "Roche", "Marc", null, false, GOOD_PASSWORD);

        me.perform(post("/compte/email").with(csrf()).param("email", other).param("currentPassword", GOOD_PASSWORD))
                .andExpect(redirectedUrl("/compte/identifiants"));

        var notice = Mails.awaitFirst(greenMail, other);
        assertThat(notice.getSubject()).isEqualTo("Guichet : votre adresse a été proposée pour un autre compte");
        assertThat(Mails.body(notice)).doesNotContain("/compte/email/confirmer");
        assertThat(repository.findByEmail(email)).isPresent();
    }

    @Test
    void aLinkToAnAddressTakenMeanwhileChangesNothing() throws Exception {
        var wanted = People.uniqueEmail();
        me.perform(post("/compte/email").with(csrf()).param("email", wanted).param("currentPassword", GOOD_PASSWORD));
        var link = Mails.link(Mails.awaitFirst(greenMail, wanted));
        accounts.createVerified(wanted, Civility.MONSIEUR, "Roche", "Marc", null, false, GOOD_PASSWORD);

        mvc.perform(get(link)).andExpect(content().string(Matchers.containsString("Adresse déjà utilisée")));
        assertThat(repository.findByEmail(email)).isPresent();
    }

    @Test
    void thePasswordChangesOnlyWithTheCurrentOneAndAStrongNewOne() throws Exception {
        var next = "Une phrase de passe toute neuve 2026";
        me.perform(post("/compte/mot-de-passe")
                        .with(csrf())
                        .param("current", "pas le bon")
                        .param("password", next)
                        .param("confirmation", next))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Le mot de passe actuel est incorrect")));
        me.perform(post("/compte/mot-de-passe")
                        .with(csrf())
                        .param("current", GOOD_PASSWORD)
                        .param("password", "court")
                        .param("confirmation", "court"))
                .andExpect(content().string(Matchers.containsString("au moins 12 caractères")));

        me.perform(post("/compte/mot-de-passe")
                        .with(csrf())
                        .param("current", GOOD_PASSWORD)
                        .param("password", next)
                        .param("confirmation", next))
                .andExpect(redirectedUrl("/compte/identifiants"));

        assertThat(Mails.awaitFirst(greenMail, email).getSubject()).isEqualTo("Guichet : votre mot de passe a changé");
        mvc.perform(SignInTest.signIn(email, next)).andExpect(redirectedUrl("/"));
    }

    @Test
    void preferencesKeepTheDateOfConsent() throws Exception {
        me.perform(post("/compte/preferences")
                        .with(csrf())
                        .param("interestDomains", "RESEARCH", "LEGAL")
                        .param("newsletter", "true")
                        .param("consent", "true"))
                .andExpect(redirectedUrl("/compte/preferences"));

        var account = repository.findByEmail(email).orElseThrow();
        assertThat(account.interestDomains()).containsExactlyInAnyOrder(InterestDomain.RESEARCH, InterestDomain.LEGAL);
        assertThat(account.consentVersion()).isEqualTo(Registrations.CONSENT_VERSION);
        var consentAt = account.consentAt();
        assertThat(consentAt).isNotNull();

        me.perform(post("/compte/preferences").with(csrf()).param("consent", "true"));
        assertThat(repository.findByEmail(email).orElseThrow().consentAt()).isEqualTo(consentAt);
        assertThat(repository.findByEmail(email).orElseThrow().interestDomains())
                .isEmpty();

        me.perform(post("/compte/preferences").with(csrf()));
        assertThat(repository.findByEmail(email).orElseThrow().consentVersion()).isNull();
    }

    @Test
    void thePersonDownloadsAllHisDataButNoSecret() throws Exception {
        var download = me.perform(get("/compte/donnees"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", Matchers.startsWith("attachment")))
                .andExpect(jsonPath("$.email").value(email))
                .andExpect(jsonPath("$.lastName").value("Moreau"))
                .andExpect(jsonPath("$.memberships[0].status").value("CONFIRMED"))
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(download).doesNotContain("argon2").doesNotContain("password");
    }

    @Test
    void someoneSignedOutIsSentToSignIn() throws Exception {
        mvc.perform(get("/compte"))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", Matchers.endsWith("/connexion")));
    }
}
