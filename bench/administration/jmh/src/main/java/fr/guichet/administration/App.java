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

    /** Set by {@link #main}: every trial of this JVM uses one context. */
    private static boolean sharing;
    private static ConfigurableApplicationContext shared;

    private App() {
    }

    /**
     * JMH's own main for a smoke run (run.sh with BENCH_SMOKE=1: every trial in this JVM, no fork),
     * with one context for all the trials, closed at the end. Starting it again for each of the six
     * trials that use it took most of the smoke run; what a trial checks, its answers against the
     * data, does not need a fresh one. The measurements proper fork a JVM per benchmark and start a
     * context per trial.
     */
    public static void main(String[] args) throws Exception {
        sharing = true;
        try {
            org.openjdk.jmh.Main.main(args);
        } finally {
            synchronized (App.class) {
                if (shared != null) {
                    shared.close();
                }
            }
        }
    }

    /** The context of a trial: a new one, or in a smoke run the one of every trial. */
    static synchronized ConfigurableApplicationContext start() {
        if (!sharing) {
            return newContext();
        }
        if (shared == null) {
            shared = newContext();
        }
        return shared;
    }

    /** Closes the context of a trial, unless it is the one of every trial (closed by {@link #main}). */
    static synchronized void stop(ConfigurableApplicationContext context) {
        if (context != shared) {
            context.close();
        }
    }

    private static ConfigurableApplicationContext newContext() {
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
