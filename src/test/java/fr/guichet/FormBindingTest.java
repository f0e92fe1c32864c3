package fr.guichet;

import static fr.guichet.support.People.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fr.guichet.account.Accounts;
import fr.guichet.account.Civility;
import fr.guichet.organization.Organizations;
import fr.guichet.support.IntegrationTest;
import fr.guichet.support.People;
import fr.guichet.support.Visitor;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Form fields that do not bind, found by the fuzzing of the doors: a value that does not convert in a
 * form that is a record (every page's form), and a field name no form has a place for. Both were 500s.
 */
@IntegrationTest
class FormBindingTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    Organizations organizations;

    Visitor me;
    String email;

    @BeforeEach
    void aMember() throws Exception {
        var domain = People.uniqueDomain();
        var establishment = organizations.createEstablishment("Université " + domain, "U", Set.of(domain));
        email = People.uniqueEmail(domain);
        accounts.createVerified(email, Civility.MADAME, "Liaison", "Léa", establishment, false, GOOD_PASSWORD);
        me = Visitor.signedIn(mvc, email);
    }

    @Test
    void aValueThatDoesNotConvertComesBackAsTypedWithItsMessage() throws Exception {
        var answer = me.perform(post("/compte")
                        .with(csrf())
                        .param("civility", "MADAME<script>")
                        .param("lastName", "Liaison-Neuve")
                        .param("firstName", "Léa"))
                .andReturn()
                .getResponse();

        assertThat(answer.getStatus()).isEqualTo(200);
        var page = Jsoup.parse(answer.getContentAsString(StandardCharsets.UTF_8));
        assertThat(page.select("#civility-error").text()).isNotBlank();
        assertThat(page.select("input[name=lastName]").attr("value")).isEqualTo("Liaison-Neuve");
        assertThat(accounts.findByEmail(email).orElseThrow().lastName())
                .as("nothing saved")
                .isEqualTo("Liaison");
    }

    @Test
    void aFieldNameNoFormHasIsABadRequestWithoutDetails() throws Exception {
        for (var name : new String[] {"mobile[999999999]", "lastName[0].x"}) {
            var answer = me.perform(post("/compte")
                            .with(csrf())
                            .param("civility", "MADAME")
                            .param("lastName", "Liaison")
                            .param("firstName", "Léa")
                            .param(name, "1"))
                    .andReturn()
                    .getResponse();

            assertThat(answer.getStatus()).as(name).isEqualTo(400);
            assertThat(answer.getContentAsString(StandardCharsets.UTF_8))
                    .as(name)
                    .doesNotContain("Exception")
                    .doesNotContain("fr.guichet")
                    .doesNotContain("999999999");
        }
    }
}
