package fr.guichet.support;

import org.springframework.test.context.ActiveProfilesResolver;

/**
 * Chooses the database of the test run: H2 (the default, nothing to install) or PostgreSQL
 * (-Dguichet.test.db=postgresql, which the postgresql Maven profile sets).
 */
public class TestDatabase implements ActiveProfilesResolver {

    public static String name() {
        return System.getProperty("guichet.test.db", "h2");
    }

    @Override
    public String[] resolve(Class<?> testClass) {
        return new String[] {"test", "test-" + name()};
    }
}
