package fr.guichet.account.places;

import static fr.guichet.support.People.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.account.Civility;
import fr.guichet.organization.Organizations;
import fr.guichet.support.IntegrationTest;
import fr.guichet.support.People;
import fr.guichet.support.Visitor;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** "Mes préférences « Lieu d'exécution »" as its owner uses it, and as nobody else can. */
@IntegrationTest
class MyPlacesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    Organizations organizations;

    @Autowired
    Places places;

    AccountId julie;
    Visitor me;

    @BeforeEach
    void signedIn() throws Exception {
        julie = person("Julie");
        me = Visitor.signedIn(mvc, accounts.find(julie).orElseThrow().email());
    }

    AccountId person(String firstName) {
        var domain = People.uniqueDomain();
        var establishment = organizations.createEstablishment("Mairie " + domain, "M", Set.of(domain));
        return accounts.createVerified(
                People.uniqueEmail(domain), Civility.MADAME, "Moreau", firstName, establishment, false, GOOD_PASSWORD);
    }

    @Test
    void chosenDépartementsAreSavedAndShownAsTheSeedShowsThem() throws Exception {
        assertThat(summary(page("/compte/lieux"))).isEqualTo("Vous n’avez choisi aucun lieu.");

        me.perform(post("/compte/lieux")
                        .with(csrf())
                        .param("choix", "departements")
                        .param("places", "D-68", "D-67"))
                .andExpect(redirectedUrl("/compte/lieux?choix=departements"));

        var page = page("/compte/lieux?choix=departements");
        assertThat(summary(page)).isEqualTo("(67) Bas-Rhin, (68) Haut-Rhin");
        assertThat(page.select("[data-testid=saved]").text())
                .isEqualTo("Vos préférences « Lieu d’exécution » sont enregistrées.");
        assertThat(page.select("input[name=places][checked]").eachAttr("value")).containsExactly("D-67", "D-68");
        assertThat(page.select("fieldset legend").eachText()).contains("Grand Est", "Bretagne");
        assertThat(page.select("a[aria-current=page]").text()).isEqualTo("Mes préférences « Lieu d’exécution »");
        assertThat(places.chosenBy(julie)).containsExactlyInAnyOrder(Place.parse("D-67"), Place.parse("D-68"));
    }

    @Test
    void aRégionThenItsDépartementsAndCountriesAddToTheChoice() throws Exception {
        var step = page("/compte/lieux?choix=departements-region");
        assertThat(step.select("input[type=radio][name=region]")).hasSize(18);
        assertThat(step.select("input[name=places]")).isEmpty();

        var grandEst = page("/compte/lieux?choix=departements-region&region=R-44");
        assertThat(grandEst.select("input[name=places]").eachAttr("value"))
                .containsExactly("D-08", "D-10", "D-51", "D-52", "D-54", "D-55", "D-57", "D-67", "D-68", "D-88");
        me.perform(post("/compte/lieux")
                        .with(csrf())
                        .param("choix", "departements-region")
                        .param("region", "R-44")
                        .param("places", "D-67"))
                .andExpect(redirectedUrl("/compte/lieux?choix=departements-region&region=R-44"));
        me.perform(post("/compte/lieux").with(csrf()).param("choix", "pays").param("places", "C-DE", "C-CH"))
                .andExpect(redirectedUrl("/compte/lieux?choix=pays"));
        me.perform(post("/compte/lieux").with(csrf()).param("choix", "regions").param("places", "R-53"))
                .andExpect(status().is3xxRedirection());

        assertThat(summary(page("/compte/lieux"))).isEqualTo("Bretagne, (67) Bas-Rhin, Allemagne, Suisse");

        me.perform(post("/compte/lieux").with(csrf()).param("choix", "aucun"))
                .andExpect(redirectedUrl("/compte/lieux"));
        assertThat(places.chosenBy(julie)).isEmpty();
    }

    @Test
    void anUnknownCodeOrOneNotOfferedIsRefusedAndNothingIsSaved() throws Exception {
        me.perform(post("/compte/lieux")
                .with(csrf())
                .param("choix", "departements")
                .param("places", "D-67"));

        var refused = Jsoup.parse(me.perform(post("/compte/lieux")
                        .with(csrf())
                        .param("choix", "departements")
                        .param("places", "D-68", "D-99"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(refused.select("#places-error").text())
                .isEqualTo("« D-99 » n’est pas un lieu connu : rien n’a été enregistré.");
        assertThat(refused.select("[data-testid=error-summary] a").attr("href")).isEqualTo("#places");
        assertThat(summary(refused)).isEqualTo("(67) Bas-Rhin");

        var notOffered = Jsoup.parse(me.perform(post("/compte/lieux")
                        .with(csrf())
                        .param("choix", "departements-region")
                        .param("region", "R-44")
                        .param("places", "D-13"))
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(notOffered.select("#places-error").text())
                .isEqualTo("« D-13 » ne fait pas partie des lieux proposés ici : rien n’a été enregistré.");
        me.perform(post("/compte/lieux")
                        .with(csrf())
                        .param("choix", "departements-region")
                        .param("region", "D-67")
                        .param("places", "D-67"))
                .andExpect(status().isOk());
        me.perform(post("/compte/lieux")
                        .with(csrf())
                        .param("choix", "n-importe")
                        .param("places", "D-13"))
                .andExpect(status().isOk());

        assertThat(places.chosenBy(julie)).containsExactly(Place.parse("D-67"));
    }

    @Test
    void inEnglishTheRefusalAndCountriesReadInEnglish() throws Exception {
        var refused = Jsoup.parse(me.perform(post("/compte/lieux")
                        .with(csrf())
                        .param("lang", "en")
                        .param("choix", "pays")
                        .param("places", "C-XX"))
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(refused.select("#places-error").text()).isEqualTo("“C-XX” is not a known place: nothing was saved.");
        var countries = page("/compte/lieux?choix=pays&lang=en");
        assertThat(countries.select("label[for=place-C-DE]").text()).isEqualTo("Germany");
    }

    @Test
    void thePageServesOnlyTheSignedInPerson() throws Exception {
        var luc = person("Luc");
        var him = Visitor.signedIn(mvc, accounts.find(luc).orElseThrow().email());
        him.perform(post("/compte/lieux").with(csrf()).param("choix", "regions").param("places", "R-11"));

        // no id in the request is read: whatever he adds, Julie's page is hers
        me.perform(post("/compte/lieux")
                .with(csrf())
                .param("choix", "regions")
                .param("places", "R-53")
                .param("account", String.valueOf(luc.value()))
                .param("id", String.valueOf(luc.value())));
        assertThat(summary(page("/compte/lieux?account=" + luc.value()))).isEqualTo("Bretagne");
        assertThat(places.chosenBy(luc)).containsExactly(Place.parse("R-11"));

        new Visitor(mvc).perform(get("/compte/lieux")).andExpect(redirectedUrl("/connexion"));
        new Visitor(mvc)
                .perform(post("/compte/lieux")
                        .with(csrf())
                        .param("choix", "regions")
                        .param("places", "R-44"))
                .andExpect(redirectedUrl("/connexion"));
        me.perform(post("/compte/lieux").param("choix", "regions").param("places", "R-44"))
                .andExpect(status().isForbidden());
        assertThat(places.chosenBy(julie)).containsExactly(Place.parse("R-53"));
    }

    @Test
    void theApiAndThePersonalDataHoldHisPlaces() throws Exception {
        me.perform(post("/compte/lieux")
                .with(csrf())
                .param("choix", "departements")
                .param("places", "D-2A"));
        me.perform(post("/compte/lieux").with(csrf()).param("choix", "pays").param("places", "C-DE"));

        me.perform(get("/compte/donnees"))
                .andExpect(jsonPath("$.places[0].code").value("C-DE"))
                .andExpect(jsonPath("$.places[0].label").value("Allemagne"))
                .andExpect(jsonPath("$.places[1].code").value("D-2A"))
                .andExpect(jsonPath("$.places[1].label").value("(2A) Corse-du-Sud"));
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + me.apiToken()))
                .andExpect(jsonPath("$.places[1].code").value("D-2A"))
                .andExpect(jsonPath("$.places[1].label").value("(2A) Corse-du-Sud"));
    }

    private Document page(String path) throws Exception {
        return Jsoup.parse(me.perform(get(path))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    private static String summary(Document page) {
        return page.select("[data-testid=places-summary]").text();
    }
}
