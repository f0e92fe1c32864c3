package fr.guichet;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import fr.guichet.support.HttpVisitor;
import fr.guichet.support.Mails;
import fr.guichet.support.People;
import fr.guichet.support.ServerTest;
import fr.guichet.support.TestDatabase;
import fr.guichet.support.TestSmtp;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/** The links of e-mails start with the portal's address: the configured one, or else the port it really listens on. */
@ServerTest
class MailLinksTest {

    @RegisterExtension
    static GreenMailExtension greenMail = TestSmtp.server();

    @LocalServerPort
    int port;

    @Test
    void aConfiguredBaseUrlStartsTheLinksWhateverThePort() throws Exception {
        // the test profile sets guichet.base-url=http://localhost:8080; this server listens on another port
        assertThat(port).isNotEqualTo(8080);
        var email = People.uniqueEmail();

        new HttpVisitor(port).register(email, "Adresse", "Fixe");

        assertThat(Mails.body(Mails.awaitFirst(greenMail, email))).contains("http://localhost:8080/activation?jeton=");
    }

    @Test
    void withoutABaseUrlTheLinksFollowThePortThePortalListensOn() throws Exception {
        try (var portal = new SpringApplicationBuilder(GuichetApplication.class)
                .profiles(new TestDatabase().resolve(getClass()))
                .properties("spring.main.banner-mode=off")
                .run("--server.port=0", "--guichet.base-url=")) {
            var ownPort = ((WebServerApplicationContext) portal).getWebServer().getPort();
            var email = People.uniqueEmail();

            new HttpVisitor(ownPort).register(email, "Adresse", "Suivie");

            var body = Mails.body(Mails.awaitFirst(greenMail, email));
            var link = Pattern.compile("http://localhost:" + ownPort + "(/activation\\?jeton=\\S+)")
                    .matcher(body);
            assertThat(link.find()).as(body).isTrue();
            assertThat(new HttpVisitor(ownPort).get(link.group(1)).statusCode()).isEqualTo(200);
        }
    }
}
