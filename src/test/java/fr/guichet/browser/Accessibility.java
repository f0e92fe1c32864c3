package fr.guichet.browser;

import static org.junit.jupiter.api.Assertions.fail;

import com.deque.html.axecore.args.AxeRuleOptions;
import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.openqa.selenium.WebDriver;

/**
 * axe-core on the page the browser shows. Serious and critical violations fail the test; the
 * minor and moderate ones are printed, to be looked at.
 */
final class Accessibility {

    private static final Set<String> BLOCKING = Set.of("serious", "critical");

    private Accessibility() {}

    /** Fails at once on a serious or critical violation. */
    static void assertNoSeriousViolations(WebDriver driver, String page) {
        var violations = seriousViolations(driver, page);
        if (!violations.isEmpty()) {
            fail(violations);
        }
    }

    /**
     * The serious and critical violations of the page, described for a person to fix them
     * (rule, help, elements); empty when there are none.
     */
    static String seriousViolations(WebDriver driver, String page) {
        var results = new AxeBuilder().withOptions(options()).analyze(driver);
        if (results.isErrored()) {
            fail("axe could not analyse " + page + " (" + driver.getCurrentUrl() + "): " + results.getErrorMessage());
        }
        var blocking = results.getViolations().stream()
                .filter(r -> BLOCKING.contains(r.getImpact()))
                .toList();
        var others = results.getViolations().stream()
                .filter(r -> !BLOCKING.contains(r.getImpact()))
                .toList();
        if (!others.isEmpty()) {
            System.out.println("[axe] minor accessibility violations on " + page + " (" + driver.getCurrentUrl()
                    + "):\n" + describe(others));
        }
        return blocking.isEmpty()
                ? ""
                : "serious accessibility violations on " + page + " (" + driver.getCurrentUrl() + "):\n"
                        + describe(blocking);
    }

    /**
     * axe's rules, and its experimental "label-content-name-mismatch" (WCAG 2.5.3): a control whose
     * name lacks the words shown on it cannot be called by them with voice control.
     */
    private static AxeRunOptions options() {
        var labelInName = new AxeRuleOptions();
        labelInName.setEnabled(true);
        var options = new AxeRunOptions();
        options.setRules(Map.of("label-content-name-mismatch", labelInName));
        return options;
    }

    static String describe(List<Rule> violations) {
        return violations.stream()
                .map(rule -> "- " + rule.getId() + " [" + rule.getImpact() + "] " + rule.getHelp() + " ("
                        + rule.getHelpUrl() + ")\n"
                        + rule.getNodes().stream()
                                .map(node -> "    at " + node.getTarget() + ": " + node.getHtml()
                                        + (node.getFailureSummary() == null
                                                ? ""
                                                : "\n      "
                                                        + node.getFailureSummary()
                                                                .replace("\n", "\n      ")))
                                .collect(Collectors.joining("\n")))
                .collect(Collectors.joining("\n"));
    }
}
