import java.time.LocalDate;
import java.util.HashMap;

/**
 * Runs the helpdesk's daily job once and times it: the real application context (production
 * profile, the generated PostgreSQL database, the ticket index of GUICHET_INDEX_DIRECTORY; its web
 * server on a free loopback port, unused), then QuietTicketsClock.runFor(DAY) — the method the
 * scheduled daily() calls, package-private, reached by reflection so that nothing is added to the
 * application for the benchmark. Source-file mode, with the application's class path:
 *
 *   java -cp 'app/guichet-0.1.0-SNAPSHOT.jar:app/lib/*' ClockRun.java 2026-11-23
 *
 * Prints "clock DAY: Run[reminded=…, closed=…, failed=…] in N ms".
 */
public class ClockRun {

    public static void main(String[] args) throws Exception {
        var day = LocalDate.parse(args[0]);
        var properties = new HashMap<String, Object>();
        properties.put("server.port", "0");
        properties.put("server.address", "127.0.0.1");
        properties.put("logging.level.root", "WARN");
        properties.put("logging.level.fr.guichet.helpdesk", "INFO");
        var application = Class.forName("fr.guichet.GuichetApplication");
        var context = new org.springframework.boot.builder.SpringApplicationBuilder(application)
                .profiles("production").properties(properties).bannerMode(org.springframework.boot.Banner.Mode.OFF)
                .logStartupInfo(false).run();
        try {
            // found by its simple name: the helpdesk's packages may move, the job keeps its name
            var type = java.util.Arrays.stream(context.getBeanDefinitionNames()).map(context::getType)
                    .filter(java.util.Objects::nonNull).map(org.springframework.util.ClassUtils::getUserClass)
                    .filter(c -> c.getSimpleName().equals("QuietTicketsClock")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no bean of a class named QuietTicketsClock"));
            var clock = context.getBean(type);
            var runFor = type.getDeclaredMethod("runFor", LocalDate.class);
            runFor.setAccessible(true);
            var t0 = System.nanoTime();
            var run = runFor.invoke(clock, day);
            var ms = (System.nanoTime() - t0) / 1_000_000;
            System.out.println("clock " + day + ": " + run + " in " + ms + " ms");
        } finally {
            context.close();
        }
    }
}
