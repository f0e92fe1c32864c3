package fr.guichet.branding;

import static fr.guichet.branding.BrandingWorld.draft;
import static fr.guichet.branding.BrandingWorld.file;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.administration.Delegation;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import fr.guichet.support.IntegrationTest;
import fr.guichet.support.Visitor;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.awaitility.Awaitility;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * A branding manager's work through the pages, and what an anonymous visitor then sees: drafting,
 * previewing, publishing, cancelling, resetting; refused uploads that change nothing; inheritance
 * down the tree; the audit.
 */
@IntegrationTest
class BrandingTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    Organizations organizations;

    @Autowired
    Delegation delegation;

    @Autowired
    JdbcClient jdbc;

    BrandingWorld world;
    OrganizationId town;
    OrganizationId service;
    AccountId manager;
    Visitor managing;
    Visitor anonymous;

    @BeforeEach
    void aTownWithAServiceAndABrandingManager() throws Exception {
        world = new BrandingWorld(mvc, accounts, organizations, delegation);
        town = world.establishment;
        service = world.sub(town, "Service des marchés");
        manager = world.person(town);
        world.supervision(town, Map.of(manager, Set.of("MANAGE_BRANDING")));
        managing = world.signedIn(manager);
        anonymous = new Visitor(mvc);
    }

    @Test
    void draftedPreviewedPublishedThenCancelledAndResetAsAnAnonymousVisitorSeesIt() throws Exception {
        var banner = TestImages.banner();
        var logo = TestImages.logo();
        var saved = managing.perform(withHomePage(
                                draft(town),
                                "BLUE",
                                "RIGHT",
                                "Bienvenue aux entreprises",
                                "Nos marchés <b>publics</b>",
                                "Profil acheteur",
                                "https://marches.example.fr")
                        .file(file("banner", "bandeau.jpg", "image/jpeg", banner))
                        .file(file("logo", "logo.gif", "image/gif", logo)))
                .andReturn();
        assertThat(saved.getResponse().getRedirectedUrl())
                .isEqualTo("/organisations/" + town.value() + "/gestion-graphique");

        var page = page(managing, "/organisations/" + town.value() + "/gestion-graphique");
        assertThat(page.select("[data-testid=banner-present]").text())
                .isEqualTo("Un bandeau personnalisé est déjà présent.");
        assertThat(page.select("[data-testid=draft]")).hasSize(1);
        assertThat(page.select("[data-testid=test-link]").attr("href")).isEqualTo("https://marches.example.fr");
        assertThat(page.select("[data-testid=test-link]").attr("target")).isEqualTo("_blank");
        assertThat(page.select("[data-testid=test-link]").attr("rel")).isEqualTo("noopener noreferrer");

        // nothing public yet: a draft is the manager's alone
        assertThat(status(anonymous, "/collectivites/" + town.value())).isEqualTo(404);
        assertThat(status(anonymous, "/collectivites/" + town.value() + "/bandeau"))
                .isEqualTo(404);
        assertThat(anonymous
                        .perform(get("/organisations/" + town.value() + "/gestion-graphique/apercu"))
                        .andReturn()
                        .getResponse()
                        .getRedirectedUrl())
                .endsWith("/connexion");

        var preview = page(managing, "/organisations/" + town.value() + "/gestion-graphique/apercu");
        assertThat(preview.select("[data-testid=preview]")).hasSize(1);
        assertThat(preview.select("[data-testid=welcome]").text()).contains("Nos marchés <b>publics</b>");
        var draftBanner = response(managing, "/organisations/" + town.value() + "/gestion-graphique/apercu/bandeau");
        assertThat(draftBanner.getContentAsByteArray()).isEqualTo(banner);
        assertThat(draftBanner.getHeader("Cache-Control")).contains("no-store");

        assertThat(managing.perform(post("/organisations/{id}/gestion-graphique/validation", town.value())
                                .with(csrf()))
                        .andReturn()
                        .getFlashMap()
                        .get("saved"))
                .isEqualTo("branding.published");

        var shown = page(anonymous, "/collectivites/" + town.value());
        assertThat(shown.select("[data-testid=brand-page]").hasClass("brand-blue"))
                .isTrue();
        assertThat(shown.select("[data-testid=welcome]").attr("data-side")).isEqualTo("RIGHT");
        assertThat(shown.select("#welcome-heading").text()).isEqualTo("Bienvenue aux entreprises");
        // plain text: shown escaped, never as markup
        assertThat(shown.select("[data-testid=welcome] p").text()).isEqualTo("Nos marchés <b>publics</b>");
        assertThat(shown.select("[data-testid=welcome] b")).isEmpty();
        assertThat(shown.select("[data-testid=links] a").attr("href")).isEqualTo("https://marches.example.fr");
        assertThat(shown.select("[data-testid=banner]").attr("src"))
                .startsWith("/collectivites/" + town.value() + "/bandeau?v=");
        assertThat(shown.select("[data-testid=logo]").attr("alt")).startsWith("Logo de");
        var publicBanner = response(anonymous, "/collectivites/" + town.value() + "/bandeau");
        assertThat(publicBanner.getContentType()).isEqualTo("image/jpeg");
        assertThat(publicBanner.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(publicBanner.getHeaders("Cache-Control")).containsExactly("max-age=3600, public");
        var again = anonymous
                .perform(get("/collectivites/{id}/bandeau", town.value())
                        .header("If-None-Match", publicBanner.getHeader("ETag")))
                .andReturn()
                .getResponse();
        assertThat(again.getStatus()).isEqualTo(304);
        assertThat(again.getContentAsByteArray()).isEmpty();
        assertThat(publicBanner.getContentAsByteArray()).isEqualTo(banner);
        var publicLogo = response(anonymous, "/collectivites/" + town.value() + "/logo");
        assertThat(publicLogo.getContentType()).isEqualTo("image/gif");
        assertThat(publicLogo.getContentAsByteArray()).isEqualTo(logo);
        assertThat(audited("BRANDING_PUBLISHED")).isTrue();

        // another draft, abandoned: the public page stays as published
        managing.perform(
                withHomePage(draft(town), "GREEN", "LEFT", "Autre", "Autre texte", "Lien", "https://a.example"));
        managing.perform(post("/organisations/{id}/gestion-graphique/annulation", town.value())
                .with(csrf()));
        assertThat(page(managing, "/organisations/" + town.value() + "/gestion-graphique")
                        .select("[data-testid=draft]"))
                .isEmpty();
        assertThat(page(anonymous, "/collectivites/" + town.value())
                        .select("[data-testid=brand-page]")
                        .hasClass("brand-blue"))
                .isTrue();

        var confirm = page(managing, "/organisations/" + town.value() + "/gestion-graphique/reinitialisation");
        assertThat(confirm.select("main button[type=submit]").text()).isEqualTo("Tout effacer");
        managing.perform(post("/organisations/{id}/gestion-graphique/reinitialisation", town.value())
                .with(csrf()));
        assertThat(status(anonymous, "/collectivites/" + town.value())).isEqualTo(404);
        assertThat(status(anonymous, "/collectivites/" + town.value() + "/logo"))
                .isEqualTo(404);
        assertThat(page(managing, "/organisations/" + town.value() + "/gestion-graphique")
                        .select("[data-testid=banner-present]"))
                .isEmpty();
        assertThat(audited("BRANDING_RESET")).isTrue();
        var journal = page(world.signedIn(world.superAdmin), "/organisations/" + town.value() + "/journal");
        assertThat(journal.text())
                .contains("publication de la mise en forme (gestion graphique)")
                .contains("retour à la mise en forme non personnalisée");
    }

    @Test
    void aBadUploadLeavesTheDraftAsItWasAndSaysWhyInFrenchAndEnglish() throws Exception {
        managing.perform(
                withHomePage(draft(town), "SLATE", "LEFT", "Titre", "Premier texte", "Lien", "https://a.example")
                        .file(file("banner", "bandeau.jpg", "image/jpeg", TestImages.banner())));

        var png = managing.perform(
                        withHomePage(draft(town), "GREEN", "LEFT", "Titre", "Second texte", "Lien", "https://a.example")
                                .file(file("logo", "logo.gif", "image/gif", TestImages.png(247, 90))))
                .andReturn()
                .getResponse();
        var refusal = Jsoup.parse(png.getContentAsString())
                .select("[data-testid=refusal]")
                .text();
        assertThat(refusal).contains("Votre logo").contains("image PNG").contains("JPEG et GIF");
        // what he typed stays in the form, the draft as it was
        assertThat(Jsoup.parse(png.getContentAsString()).select("#text").text()).isEqualTo("Second texte");
        var page = page(managing, "/organisations/" + town.value() + "/gestion-graphique");
        assertThat(page.select("#text").text()).isEqualTo("Premier texte");
        assertThat(page.select("input[name=scheme][checked]").val()).isEqualTo("SLATE");

        var wrongSize = managing.perform(withHomePage(draft(town), "GREEN", "LEFT", "", "", "", "")
                        .file(file("banner", "bandeau.jpg", "image/jpeg", TestImages.jpeg(500, 100)))
                        .header("Accept-Language", "en"))
                .andReturn()
                .getResponse();
        assertThat(Jsoup.parse(wrongSize.getContentAsString())
                        .select("[data-testid=refusal]")
                        .text())
                .isEqualTo("Central banner image: the image is 500 × 100 pixels; it must be exactly 464 × 90 pixels.");

        var bomb = managing.perform(withHomePage(draft(town), "GREEN", "LEFT", "", "", "", "")
                        .file(file("banner", "bandeau.gif", "image/gif", TestImages.gifHeaderOnly(60000, 60000))))
                .andReturn()
                .getResponse();
        assertThat(Jsoup.parse(bomb.getContentAsString())
                        .select("[data-testid=refusal]")
                        .text())
                .contains("60000 × 60000");

        var javascript = managing.perform(withHomePage(
                        draft(town), "GREEN", "LEFT", "", "", "Piège", "javascript:alert(document.cookie)"))
                .andReturn()
                .getResponse();
        assertThat(Jsoup.parse(javascript.getContentAsString())
                        .select("[data-testid=refusal]")
                        .text())
                .contains("Lien 1")
                .contains("https://");

        var empty = managing.perform(withHomePage(draft(town), "GREEN", "LEFT", "", "", "", "")
                        .file(file("logo", "logo.gif", "image/gif", new byte[0])))
                .andReturn()
                .getResponse();
        assertThat(Jsoup.parse(empty.getContentAsString())
                        .select("[data-testid=refusal]")
                        .text())
                .isEqualTo("Votre logo : le fichier est vide.");

        var tooLong = managing.perform(withHomePage(draft(town), "GREEN", "LEFT", "", "é".repeat(301), "", ""))
                .andReturn()
                .getResponse();
        assertThat(Jsoup.parse(tooLong.getContentAsString())
                        .select("[data-testid=refusal]")
                        .text())
                .contains("301")
                .contains("300");

        page = page(managing, "/organisations/" + town.value() + "/gestion-graphique");
        assertThat(page.select("#text").text()).isEqualTo("Premier texte");
        assertThat(page.select("[data-testid=banner-present]")).hasSize(1);
        assertThat(page.select("[data-testid=logo-present]")).isEmpty();
    }

    @Test
    void publishingWithoutALinkIsRefused() throws Exception {
        managing.perform(withHomePage(draft(town), "GREEN", "LEFT", "Titre", "Texte", "", ""));
        var refused = managing.perform(post("/organisations/{id}/gestion-graphique/validation", town.value())
                        .with(csrf()))
                .andReturn();
        assertThat(refused.getFlashMap().get("refusal")).isEqualTo("branding.links.none");
        assertThat(status(anonymous, "/collectivites/" + town.value())).isEqualTo(404);
    }

    @Test
    void aSubOrganisationShowsItsNearestAncestorsBrandingUntilItHasItsOwn() throws Exception {
        var office = world.sub(service, "Bureau des achats");
        publish(town, "BURGUNDY", "Texte de la ville");

        // the office has none of its own, nor has the service above it: the town's
        var inherited = page(anonymous, "/collectivites/" + office.value());
        assertThat(inherited.select("[data-testid=brand-page]").hasClass("brand-burgundy"))
                .isTrue();
        assertThat(inherited.select("[data-testid=welcome] p").text()).isEqualTo("Texte de la ville");
        assertThat(inherited.select("h1").text()).contains("Bureau des achats");
        assertThat(inherited.select("[data-testid=owner]").text()).contains("Ville ");
        assertThat(status(anonymous, "/collectivites/" + office.value() + "/bandeau"))
                .isEqualTo(200);
        assertThat(page(managing, "/organisations/" + service.value() + "/gestion-graphique")
                        .select("[data-testid=inherited]")
                        .text())
                .contains(organizations.find(town).orElseThrow().name());

        publish(service, "GREEN", "Texte du service");
        assertThat(page(anonymous, "/collectivites/" + office.value())
                        .select("[data-testid=welcome] p")
                        .text())
                .isEqualTo("Texte du service");
        assertThat(page(anonymous, "/collectivites/" + service.value()).select("[data-testid=owner]"))
                .isEmpty();
        assertThat(page(anonymous, "/collectivites/" + town.value())
                        .select("[data-testid=welcome] p")
                        .text())
                .isEqualTo("Texte de la ville");

        managing.perform(post("/organisations/{id}/gestion-graphique/reinitialisation", service.value())
                .with(csrf()));
        assertThat(page(anonymous, "/collectivites/" + service.value())
                        .select("[data-testid=welcome] p")
                        .text())
                .isEqualTo("Texte de la ville");
        assertThat(page(anonymous, "/collectivites/" + office.value())
                        .select("[data-testid=welcome] p")
                        .text())
                .isEqualTo("Texte de la ville");
    }

    private void publish(OrganizationId organization, String scheme, String text) throws Exception {
        managing.perform(
                withHomePage(draft(organization), scheme, "LEFT", "Accueil", text, "Marchés", "https://m.example")
                        .file(file("banner", "b.jpg", "image/jpeg", TestImages.banner())));
        var published = managing.perform(post("/organisations/{id}/gestion-graphique/validation", organization.value())
                        .with(csrf()))
                .andReturn();
        assertThat(published.getFlashMap().get("saved")).isEqualTo("branding.published");
    }

    static MockMultipartHttpServletRequestBuilder withHomePage(
            MockMultipartHttpServletRequestBuilder request,
            String scheme,
            String side,
            String title,
            String text,
            String label,
            String url) {
        request.param("scheme", scheme)
                .param("side", side)
                .param("title", title)
                .param("text", text)
                .param("links[0].label", label)
                .param("links[0].url", url);
        return request;
    }

    private boolean audited(String action) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.sql("select count(*) from audit_entry where action = ? and acting_organization_id = ?"
                                        + " and actor_account_id = ? and source_address is not null")
                                .params(action, town.value(), manager.value())
                                .query(Long.class)
                                .single()
                        == 1);
        return true;
    }

    private static Document page(Visitor visitor, String path) throws Exception {
        var response = response(visitor, path);
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return Jsoup.parse(response.getContentAsString());
    }

    private static MockHttpServletResponse response(Visitor visitor, String path) throws Exception {
        return visitor.perform(get(path)).andReturn().getResponse();
    }

    private static int status(Visitor visitor, String path) throws Exception {
        return response(visitor, path).getStatus();
    }
}
