package fr.guichet.notification;

import fr.guichet.shared.PublicAddress;
import java.util.ArrayList;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders mail templates as text. An engine of its own, so that Boot's page engine and its
 * HTML escaping stay untouched; texts come from the same message bundles as the pages.
 */
@Component
class MailRenderer {

    /** The page where a person chooses what reaches him, the link every footer gives by default. */
    static final String ALERTS_PAGE = "/compte/alertes";

    /**
     * @param body the text without its footer (what a digest gathers)
     * @param footer why the reader receives it
     */
    record Rendered(
            String subject,
            String body,
            String footer,
            @Nullable String unsubscribeLink) {

        String bodyWithFooter() {
            return body + "\n-- \n" + footer + "\n";
        }

        /**
         * The body as one item of a digest: without the greeting and the signature every template
         * opens and ends with, which the digest says once.
         */
        String digestItem(String signature) {
            var lines = new ArrayList<>(body.strip().lines().toList());
            if (!lines.isEmpty() && lines.get(0).strip().endsWith(",")) {
                lines.remove(0);
            }
            if (!lines.isEmpty() && lines.get(lines.size() - 1).strip().equals(signature)) {
                lines.remove(lines.size() - 1);
            }
            return String.join("\n", lines).strip();
        }
    }

    private final SpringTemplateEngine engine = new SpringTemplateEngine();
    private final MessageSource messages;
    private final PublicAddress address;

    MailRenderer(MessageSource messages, PublicAddress address) {
        this.messages = messages;
        this.address = address;
        var resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/mail/");
        resolver.setSuffix(".txt");
        resolver.setTemplateMode(TemplateMode.TEXT);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        engine.setTemplateResolver(resolver);
        engine.setTemplateEngineMessageSource(messages);
    }

    String signature(Locale locale) {
        return messages.getMessage("mail.signature", null, locale);
    }

    Rendered render(OutgoingMail mail) {
        Locale locale = mail.locale() == null ? Locale.FRENCH : mail.locale();
        var context = new Context(locale, mail.variables());
        var subject = messages.getMessage("mail." + mail.template() + ".subject", null, locale);
        var why = mail.why() != null
                ? mail.why()
                : new OutgoingMail.Why("mail." + mail.template() + ".why", address.link(ALERTS_PAGE), null);
        var footer = messages.getMessage(why.messageKey(), new Object[] {why.preferenceLink()}, locale);
        return new Rendered(
                subject, engine.process(mail.template(), context).strip() + "\n", footer, why.unsubscribeLink());
    }
}
