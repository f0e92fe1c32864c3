package fr.guichet;

import static fr.guichet.support.People.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.zaxxer.hikari.HikariDataSource;
import fr.guichet.support.HttpVisitor;
import fr.guichet.support.Mails;
import fr.guichet.support.People;
import fr.guichet.support.TestSmtp;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The embedded default on its own H2 file, with every connection that ran the migrations retired
 * as Hikari's max-lifetime does after 30 minutes: H2 2.4.240 then failed every write to a table
 * with a check constraint, which a test on one long-lived context (or a restart) never saw. Its
 * own database whatever -Dguichet.test.db says: what is tested is the embedded default.
 */
@Tag("smoke")
class EmbeddedDatabaseTest {

    @RegisterExtension
    static GreenMailExtension greenMail = TestSmtp.server();

    @TempDir
    Path data;

    @Test
    void afterThePoolRetiredTheMigrationsConnectionsPeopleStillRegisterSignInAndGetMail() throws Exception {
        try (var portal = new SpringApplicationBuilder(GuichetApplication.class)
                .profiles("test")
                .properties("spring.main.banner-mode=off")
                .run(
                        "--spring.datasource.url=" + embeddedDefaultUrl(data),
                        "--spring.datasource.username=sa",
                        "--spring.datasource.password=",
                        "--server.port=0")) {
            retireEveryConnection(portal.getBean(DataSource.class).unwrap(HikariDataSource.class));

            var port = ((WebServerApplicationContext) portal).getWebServer().getPort();
            var email = People.uniqueEmail();
            var registered = new HttpVisitor(port).register(email, "Durable", "Iris");
            assertThat(registered.headers().firstValue("Location"))
                    .hasValueSatisfying(l -> assertThat(l).endsWith("/inscription/envoyee"));
            var jdbc = portal.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("select count(*) from account where email = ?", Integer.class, email))
                    .isOne();

            var link = Mails.link(Mails.awaitFirst(greenMail, email));
            var activated = new HttpVisitor(port)
                    .submit(
                            link,
                            "/activation",
                            Map.of(
                                    "jeton",
                                    link.substring(link.indexOf('=') + 1),
                                    "password",
                                    GOOD_PASSWORD,
                                    "confirmation",
                                    GOOD_PASSWORD));
            assertThat(activated.headers().firstValue("Location"))
                    .hasValueSatisfying(l -> assertThat(l).endsWith("/connexion?active"));

            var signIn = new HttpVisitor(port).signIn(email, GOOD_PASSWORD);
            assertThat(signIn.headers().firstValue("Location"))
                    .hasValueSatisfying(l -> assertThat(URI.create(l).getPath()).isEqualTo("/"));

            // the dispatcher's own write, which marks the message sent, goes through too
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> jdbc.queryForObject(
                                    "select count(*) from outbox_message where recipient = ? and status = 'SENT'",
                                    Integer.class,
                                    email)
                            == 1);
        }
    }

    /**
     * As max-lifetime does: every connection open now is closed, one in use when given back, while
     * the pool opens new ones, so the database itself stays open (as in a running portal; a database
     * closed and opened again reads its constraints afresh, which hid the fault after a restart).
     */
    private static void retireEveryConnection(HikariDataSource pool) throws Exception {
        var mxBean = pool.getHikariPoolMXBean();
        try (var held = pool.getConnection()) {
            mxBean.softEvictConnections();
            await().atMost(Duration.ofSeconds(10)).until(() -> mxBean.getIdleConnections() >= 1);
        }
        await().atMost(Duration.ofSeconds(10))
                .until(() -> mxBean.getTotalConnections() >= 1 && mxBean.getActiveConnections() == 0);
    }

    /** The embedded default's own URL (application.yml), in this test's folder instead of ./data. */
    private static String embeddedDefaultUrl(Path folder) throws Exception {
        var configuration = new YamlPropertySourceLoader()
                .load("application", new ClassPathResource("application.yml"))
                .get(0);
        var placeholder = configuration.getProperty("spring.datasource.url").toString();
        var url = placeholder.substring("${GUICHET_DB_URL:".length(), placeholder.length() - 1);
        assertThat(url).startsWith("jdbc:h2:file:./data/");
        return url.replace("./data/", folder.toAbsolutePath() + "/");
    }
}
