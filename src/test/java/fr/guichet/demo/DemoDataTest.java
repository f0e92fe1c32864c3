package fr.guichet.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fr.guichet.access.ServiceCatalogue;
import fr.guichet.organization.Organizations;
import fr.guichet.support.IntegrationTest;
import fr.guichet.support.Visitor;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The embedded default's demo data, on a database of its own: what the README promises a newcomer
 * (the demo accounts sign in, the catalogue is there, Luc can file a Sifac ticket and has two) holds.
 */
@IntegrationTest
@SpringBootTest(
        properties = {
            "guichet.demo.enabled=true",
            "guichet.demo.password=Phrase de passe de démonstration 2026",
            "spring.datasource.url=jdbc:h2:mem:guichet-demo;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
            "spring.datasource.username=sa",
            "spring.datasource.password="
        })
@Tag("smoke")
class DemoDataTest {

    static final String PASSWORD = "Phrase de passe de démonstration 2026";

    @Autowired
    MockMvc mvc;

    @Autowired
    ServiceCatalogue services;

    @Autowired
    Organizations organizations;

    @Test
    void montvalHasAPublishedHomePageForSuppliers() throws Exception {
        var montval = organizations.searchEstablishments("Montval", 10).stream()
                .filter(o -> o.name().equals("Université de Montval"))
                .findFirst()
                .orElseThrow();
        var anonymous = new Visitor(mvc);
        var page = Jsoup.parse(anonymous
                .perform(get("/collectivites/{id}", montval.id().value()))
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(page.select("#welcome-heading").text()).isEqualTo("Bienvenue aux entreprises");
        assertThat(page.select("[data-testid=links] a")).hasSize(2);
        var banner = anonymous
                .perform(get("/collectivites/{id}/bandeau", montval.id().value()))
                .andReturn()
                .getResponse();
        assertThat(banner.getStatus()).isEqualTo(200);
        assertThat(banner.getContentType()).isEqualTo("image/jpeg");
    }

    @Test
    void theDemoAccountsSignInAndFindTheCatalogueAndTheHelpdesk() throws Exception {
        assertThat(services.all()).hasSize(12).anyMatch(s -> s.name().equals("MATINFO 6"));

        var luc = new Visitor(mvc);
        var signIn = luc.perform(post("/connexion")
                        .with(csrf())
                        .param("email", "luc.moreau@univ-montval.fr")
                        .param("password", PASSWORD))
                .andReturn()
                .getResponse();
        assertThat(signIn.getRedirectedUrl()).isEqualTo("/");
        var categories = Jsoup.parse(
                luc.perform(get("/demandes/nouvelle")).andReturn().getResponse().getContentAsString());
        assertThat(categories.select("[data-testid=categories] a").eachText())
                .contains(
                        "Sifac — assistance de niveau 2",
                        "Apogée — assistance de niveau 2",
                        "Accès au portail et à mon compte");
        var sifac =
                categories.select("[data-testid=categories] a:contains(Sifac)").attr("href");
        var form = Jsoup.parse(luc.perform(get(sifac)).andReturn().getResponse().getContentAsString());
        assertThat(form.select("[data-testid=installed-version]").text()).contains("2026.1");
        var dashboard = Jsoup.parse(
                luc.perform(get("/demandes")).andReturn().getResponse().getContentAsString());
        assertThat(dashboard.select("[data-testid=group-AWAITING_MY_REPLY] a").eachText())
                .singleElement()
                .asString()
                .endsWith("Facture bloquée en FB60");
        assertThat(dashboard.select("[data-testid=group-IN_PROGRESS] a").eachText())
                .singleElement()
                .asString()
                .endsWith("Export des mandats très lent");
        var space = Jsoup.parse(luc.perform(get("/espace-correspondant"))
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(space.select("[data-testid=servers]").text()).contains("sifac-prod", "sifac-preprod");
        var releasesLink = space.select("[data-testid=product-links] a:contains(Livraisons du logiciel Sifac)")
                .first();
        assertThat(releasesLink).isNotNull();
        var releases = Jsoup.parse(luc.perform(get(releasesLink.attr("href")))
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(releases.text()).contains("Sifac 2026.1 — correctif 3");

        for (var email : new String[] {
            "admin@agence-demo.fr",
            "claire.martin@univ-montval.fr",
            "paul.bernard@univ-lacbleu.fr",
            "agent@agence-demo.fr"
        }) {
            var response = new Visitor(mvc)
                    .perform(post("/connexion")
                            .with(csrf())
                            .param("email", email)
                            .param("password", PASSWORD))
                    .andReturn()
                    .getResponse();
            assertThat(response.getRedirectedUrl()).as(email).isEqualTo("/");
        }
    }
}
