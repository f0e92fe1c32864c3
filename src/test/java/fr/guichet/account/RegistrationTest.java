package fr.guichet.account;

import static fr.guichet.support.People.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import fr.guichet.account.registration.Registrations;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import fr.guichet.support.IntegrationTest;
import fr.guichet.support.Mails;
import fr.guichet.support.People;
import fr.guichet.support.TestSmtp;
import fr.guichet.support.Visitor;
import java.util.Set;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@IntegrationTest
@Tag("smoke")
class RegistrationTest {

    @RegisterExtension
    static GreenMailExtension greenMail = TestSmtp.server();

    @Autowired
    MockMvc mvc;

    @Autowired
    Organizations organizations;

    @Autowired
    AccountRepository accounts;

    String domain;
    OrganizationId establishment;

    @BeforeEach
    void establishment() {
        domain = People.uniqueDomain();
        establishment =
                organizations.createEstablishment("Université " + domain, "U" + domain.substring(1, 5), Set.of(domain));
    }

    @Test
    void aMemberRegistersInThreeStepsVerifiesHisAddressAndSignsIn() throws Exception {
        var email = People.uniqueEmail(domain);
        var visitor = new Visitor(mvc);

        visitor.perform(post("/inscription").with(csrf()).param("email", email.toUpperCase()))
                .andExpect(redirectedUrl("/inscription/etablissement"));
        // the establishment owning the e-mail's domain is suggested and chosen in advance
        visitor.perform(get("/inscription/etablissement"))
                .andExpect(status().isOk())
                .andExpect(
                        content().string(Matchers.containsString("value=\"" + establishment.value() + "\" checked")));
        visitor.perform(post("/inscription/etablissement")
                        .with(csrf())
                        .param("establishment", Long.toString(establishment.value())))
                .andExpect(redirectedUrl("/inscription/coordonnees"));
        visitor.perform(memberDetails()).andExpect(redirectedUrl("/inscription/envoyee"));

        var account = accounts.findByEmail(email.toLowerCase()).orElseThrow();
        assertThat(account.isPending()).isTrue();
        assertThat(account.memberships())
                .singleElement()
                .satisfies(m -> assertThat(m.status()).isEqualTo(Membership.Status.CONFIRMED));
        assertThat(account.interestDomains())
                .containsExactlyInAnyOrder(InterestDomain.PURCHASING, InterestDomain.FINANCE);
        assertThat(account.consentVersion()).isEqualTo(Registrations.CONSENT_VERSION);

        var mail = Mails.awaitFirst(greenMail, email.toLowerCase());
        assertThat(mail.getSubject()).isEqualTo("Guichet : activez votre compte");
        var link = Mails.link(mail);
        assertThat(link).startsWith("/activation?jeton=");

        mvc.perform(get(link))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Choisissez votre mot de passe")));
        mvc.perform(post("/activation")
                        .with(csrf())
                        .param("jeton", link.substring(link.indexOf('=') + 1))
                        .param("password", GOOD_PASSWORD)
                        .param("confirmation", GOOD_PASSWORD))
                .andExpect(redirectedUrl("/connexion?active"));

        mvc.perform(post("/connexion").with(csrf()).param("email", email).param("password", GOOD_PASSWORD))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void aMembershipInAnEstablishmentOfAnotherDomainIsOnlyDeclared() throws Exception {
        var email = People.uniqueEmail("gmail.test");
        var visitor = new Visitor(mvc);
        visitor.perform(post("/inscription").with(csrf()).param("email", email));
        visitor.perform(post("/inscription/etablissement")
                .with(csrf())
                .param("establishment", Long.toString(establishment.value())));
        visitor.perform(memberDetails()).andExpect(redirectedUrl("/inscription/envoyee"));

        assertThat(accounts.findByEmail(email).orElseThrow().memberships())
                .singleElement()
                .satisfies(m -> assertThat(m.status()).isEqualTo(Membership.Status.DECLARED));
    }

    @Test
    void anExternalRequesterGivesOnlyCivilityAndNames() throws Exception {
        var email = People.uniqueEmail();
        var visitor = new Visitor(mvc);
        visitor.perform(post("/inscription").with(csrf()).param("email", email));
        visitor.perform(post("/inscription/etablissement").with(csrf()).param("establishment", "none"))
                .andExpect(redirectedUrl("/inscription/coordonnees"));
        visitor.perform(get("/inscription/coordonnees"))
                .andExpect(content().string(Matchers.not(Matchers.containsString("name=\"landline\""))));
        visitor.perform(post("/inscription/coordonnees")
                        .with(csrf())
                        .param("civility", "MONSIEUR")
                        .param("lastName", "Dupont")
                        .param("firstName", "Jean"))
                .andExpect(redirectedUrl("/inscription/envoyee"));

        var account = accounts.findByEmail(email).orElseThrow();
        assertThat(account.memberships()).isEmpty();
        assertThat(account.coordinates().landline()).isNull();
    }

    @Test
    void eachStepShowsItsErrorsNextToTheFieldInTheReadersLanguage() throws Exception {
        var visitor = new Visitor(mvc);
        visitor.perform(post("/inscription").with(csrf()).param("email", "pas-une-adresse"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Saisissez une adresse e-mail valide")))
                .andExpect(content().string(Matchers.containsString("aria-describedby=\"email-error email-help\"")));
        visitor.perform(post("/inscription").with(csrf()).param("email", "").param("lang", "en"))
                .andExpect(content().string(Matchers.containsString("This field is required.")));

        var email = People.uniqueEmail(domain);
        visitor.perform(post("/inscription").with(csrf()).param("email", email));
        visitor.perform(post("/inscription/etablissement").with(csrf()).param("establishment", "999999999"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Choose your establishment")));
        visitor.perform(post("/inscription/etablissement")
                .with(csrf())
                .param("establishment", Long.toString(establishment.value())));
        visitor.perform(post("/inscription/coordonnees")
                        .with(csrf())
                        .param("lang", "fr")
                        .param("civility", "MADAME")
                        .param("lastName", "Durand<script>")
                        .param("firstName", "Anne")
                        .param("landline", "12")
                        .param("professionalDomain", "PURCHASING")
                        .param("jobTitle", "Acheteuse")
                        .param("placeOfAttachment", "Siège"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"lastName-error\"")))
                .andExpect(content().string(Matchers.containsString("Saisissez un numéro à 10 chiffres")))
                // what was typed comes back, escaped
                .andExpect(content().string(Matchers.containsString("Durand&lt;script&gt;")));
        assertThat(accounts.findByEmail(email)).isEmpty();
    }

    @Test
    void anAddressAlreadyRegisteredGetsTheSamePageAndItsOwnerAnEmail() throws Exception {
        var email = People.uniqueEmail(domain);
        register(email);
        var before = accounts.count();
        Mails.awaitFirst(greenMail, email);

        register(email.toUpperCase());

        assertThat(accounts.count()).isEqualTo(before);
        // still pending: the owner gets a new verification link, and the old one dies
        var second = Mails.nth(greenMail, email, 2);
        assertThat(second.getSubject()).isEqualTo("Guichet : activez votre compte");
    }

    @Test
    void theEstablishmentListIsSearchedByNameOrAcronymAndHtmxGetsOnlyTheResults() throws Exception {
        var visitor = new Visitor(mvc);
        visitor.perform(post("/inscription").with(csrf()).param("email", People.uniqueEmail()));
        var acronym = "U" + domain.substring(1, 5);

        var fragment = visitor.perform(get("/inscription/etablissement")
                        .param("q", acronym.toLowerCase())
                        .header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(fragment)
                .contains("Université " + domain)
                .doesNotContain("<html")
                .doesNotContain("<header");
        visitor.perform(get("/inscription/etablissement").param("q", "zzz-nothing-like-this"))
                .andExpect(content().string(Matchers.containsString("Aucun établissement ne correspond")));
    }

    @Test
    void laterStepsWithoutTheFirstGoBackToIt() throws Exception {
        mvc.perform(get("/inscription/etablissement")).andExpect(redirectedUrl("/inscription"));
        mvc.perform(get("/inscription/coordonnees")).andExpect(redirectedUrl("/inscription"));
        mvc.perform(post("/inscription/coordonnees").with(csrf()).param("civility", "MADAME"))
                .andExpect(redirectedUrl("/inscription"));
    }

    private void register(String email) throws Exception {
        var visitor = new Visitor(mvc);
        visitor.perform(post("/inscription").with(csrf()).param("email", email));
        visitor.perform(post("/inscription/etablissement")
                .with(csrf())
                .param("establishment", Long.toString(establishment.value())));
        visitor.perform(memberDetails()).andExpect(redirectedUrl("/inscription/envoyee"));
    }

    private static MockHttpServletRequestBuilder memberDetails() {
        return post("/inscription/coordonnees")
                .with(csrf())
                .param("civility", "MADAME")
                .param("lastName", "Durand")
                .param("firstName", "Anne-Laure")
                .param("landline", "01 23 45 67 89")
                .param("mobile", "+33 6 12 34 56 78")
                .param("professionalDomain", "PURCHASING")
                .param("jobTitle", "Acheteuse")
                .param("placeOfAttachment", "Direction des achats")
                .param("interestDomains", "PURCHASING", "FINANCE")
                .param("newsletter", "true")
                .param("consent", "true");
    }
}
