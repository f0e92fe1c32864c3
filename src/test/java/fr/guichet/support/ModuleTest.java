package fr.guichet.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.ActiveProfiles;

/**
 * The test's module (and, by the mode, the modules it depends on) on the same test database, mail
 * server and clock as {@link IntegrationTest}, with Spring Modulith's {@code Scenario} as a test
 * method parameter. Each mode is a context of its own: the default keeps only the module and the
 * shared kernel, the rest being mocked where the module calls it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ApplicationModuleTest
@ImportAutoConfiguration(OutermostPackages.class)
@ActiveProfiles(resolver = TestDatabase.class)
@Import(TestClockConfiguration.class)
public @interface ModuleTest {

    @AliasFor(annotation = ApplicationModuleTest.class, attribute = "mode")
    BootstrapMode value() default BootstrapMode.STANDALONE;

    /**
     * Modules to start besides those of the mode. A nested module (account.security,
     * helpdesk.tickets…) is not a dependency of its parent, yet provides beans the parent's users
     * need at run time (the ticket services behind the helpdesk root's interfaces); Spring Modulith
     * starts a module's nested ones only when they are listed here. Listing one beside its parent
     * needs nothing else: {@link OutermostPackages} keeps its repositories from being registered
     * twice.
     */
    @AliasFor(annotation = ApplicationModuleTest.class, attribute = "extraIncludes")
    String[] extraIncludes() default {};
}
