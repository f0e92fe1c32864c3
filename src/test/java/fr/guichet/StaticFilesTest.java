package fr.guichet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import fr.guichet.support.IntegrationTest;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The portal's own files are served under /assets/ (and WebJars under /webjars/), nowhere else. */
@IntegrationTest
class StaticFilesTest {

    @Autowired
    MockMvc mvc;

    @Test
    void everyStylesheetAndScriptAPageLinksIsServedAndNothingElseIsAStaticFile() throws Exception {
        var page = Jsoup.parse(
                mvc.perform(get("/connexion")).andReturn().getResponse().getContentAsString());
        var links = page.select("link[rel=stylesheet]").eachAttr("href");
        links.addAll(page.select("script[src]").eachAttr("src"));

        assertThat(links)
                .contains("/assets/css/guichet.css", "/assets/js/guichet.js")
                .hasSizeGreaterThanOrEqualTo(4);
        for (var link : links) {
            var response = mvc.perform(get(link)).andReturn().getResponse();
            assertThat(response.getStatus()).as(link).isEqualTo(200);
            assertThat(response.getContentAsByteArray().length).as(link).isPositive();
        }
        // outside /assets/ nothing is a file: a visitor is sent to sign in, like for any page he may not see
        assertThat(mvc.perform(get("/css/guichet.css"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isNotEqualTo(200);
    }
}
