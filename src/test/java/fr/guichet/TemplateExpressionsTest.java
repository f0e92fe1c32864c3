package fr.guichet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Thymeleaf's own operators ({@code *{a} == ${b}}, {@code *{a} + 'x'}, {@code |*{a} …|}) try each
 * operand as a number before anything else, with {@code new BigDecimal(String)}, whose cost grows
 * with the square of the digits: a form sent back with a megabyte of digits in one field held a
 * thread for more than twenty seconds per comparison while the page was drawn again. A value a form
 * holds ({@code *{…}}) is therefore compared inside one expression ({@code #strings.equals}), never by
 * Thymeleaf's operators; values the server made ({@code ${…}}) may be.
 */
class TemplateExpressionsTest {

    /** A form's value as a left or right operand of Thymeleaf's comparison or concatenation. */
    private static final Pattern FORM_VALUE_OPERAND = Pattern.compile(
            "\\*\\{[^}]*}\\s*(==|!=|<=|>=|<|>|\\+|\\beq\\b|\\bne\\b|\\blt\\b|\\bgt\\b|\\ble\\b|\\bge\\b)"
                    + "|(==|!=|<=|>=|<|>|\\+|\\beq\\b|\\bne\\b|\\blt\\b|\\bgt\\b|\\ble\\b|\\bge\\b)\\s*\\*\\{"
                    + "|^\\|\\*\\{");

    @Test
    void formValuesAreNeverOperandsOfThymeleafOperators() throws IOException {
        var found = new PathMatchingResourcePatternResolver().getResources("classpath*:templates/**/*.html");
        assertThat(found).isNotEmpty();
        var problems = new ArrayList<String>();
        for (var template : found) {
            String html;
            try (InputStream in = template.getInputStream()) {
                html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            for (var element : Jsoup.parse(html).getAllElements()) {
                for (var attribute : element.attributes()) {
                    if (attribute.getKey().startsWith("th:")
                            && FORM_VALUE_OPERAND
                                    .matcher(attribute.getValue().strip())
                                    .find()) {
                        problems.add(template.getFilename() + ": " + attribute.getKey() + "=\"" + attribute.getValue()
                                + "\"");
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theRuleFindsWhatItIsAbout() {
        assertThat(FORM_VALUE_OPERAND.matcher("*{support} == ${m.name()}").find())
                .isTrue();
        assertThat(FORM_VALUE_OPERAND.matcher("${m} != *{kind}").find()).isTrue();
        assertThat(FORM_VALUE_OPERAND.matcher("|*{postalCode} *{city}|").find()).isTrue();
        assertThat(FORM_VALUE_OPERAND
                        .matcher("${#strings.equals(held, m.name())}")
                        .find())
                .isFalse();
        assertThat(FORM_VALUE_OPERAND.matcher("${base} + '/' + ${r.id()}").find())
                .isFalse();
    }
}
