package fr.guichet.administration;

import fr.guichet.GuichetApplication;
import java.util.HashMap;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The real application context (production profile: PostgreSQL, Flyway validation, HikariCP,
 * Hibernate, the services and their transactions as deployed), its web server on a free loopback port,
 * unused: the benchmarks call its beans directly. The database is the generated one (system properties
 * guichet.db.url, guichet.db.user, guichet.db.password).
 */
final class App {

    private App() {
    }

    static ConfigurableApplicationContext start() {
        var properties = new HashMap<String, Object>();
        properties.put("GUICHET_DB_URL", System.getProperty("guichet.db.url", "jdbc:postgresql://localhost:5432/guichet_bench"));
        properties.put("GUICHET_DB_USER", System.getProperty("guichet.db.user", "postgres"));
        properties.put("GUICHET_DB_PASSWORD", System.getProperty("guichet.db.password", ""));
        properties.put("GUICHET_SMTP_HOST", "localhost");
        // required by the production profile (the links of e-mails); none is sent here
        properties.put("GUICHET_BASE_URL", "http://127.0.0.1");
        // the web layer is part of the context (sessions, security): on a free loopback port, unused
        properties.put("server.port", "0");
        properties.put("server.address", "127.0.0.1");
        properties.put("logging.level.root", "WARN");
        properties.put("logging.level.org.hibernate.SQL", System.getProperty("guichet.sql.log", "WARN"));
        return new SpringApplicationBuilder(GuichetApplication.class)
                .profiles("production")
                .properties(properties)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .run();
    }
}
