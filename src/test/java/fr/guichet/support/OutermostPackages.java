package fr.guichet.support;

import java.util.Arrays;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.autoconfigure.AutoConfigureOrder;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.Ordered;
import org.springframework.core.type.AnnotationMetadata;

/**
 * A module test that starts a nested module besides its parent (helpdesk and helpdesk.tickets)
 * gets both packages as auto-configuration packages from Spring Modulith, and the parent's already
 * holds the nested one: the repositories found under both would be registered twice. Keeping only
 * the outermost packages scans the same classes, once. It runs right after Spring Modulith sets the
 * packages and before the repositories are registered; only {@link ModuleTest} imports it, hence
 * the test component, which component scanning leaves out.
 */
@AutoConfiguration(afterName = "org.springframework.modulith.test.ModuleTestAutoConfiguration")
@AutoConfigureOrder(Ordered.HIGHEST_PRECEDENCE + 1)
@TestComponent
@Import(OutermostPackages.Registrar.class)
class OutermostPackages {

    static final class Registrar implements ImportBeanDefinitionRegistrar {

        private static final String PACKAGES = AutoConfigurationPackages.class.getName();

        @Override
        public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
            if (!registry.containsBeanDefinition(PACKAGES)) {
                return;
            }
            var arguments = registry.getBeanDefinition(PACKAGES).getConstructorArgumentValues();
            var holder = arguments.getArgumentValue(0, String[].class);
            if (holder == null) {
                return;
            }
            var packages = (String[]) holder.getValue();
            var outermost = Arrays.stream(packages)
                    .filter(candidate -> Arrays.stream(packages).noneMatch(other -> candidate.startsWith(other + ".")))
                    .distinct()
                    .toArray(String[]::new);
            arguments.addIndexedArgumentValue(0, outermost);
        }
    }
}
