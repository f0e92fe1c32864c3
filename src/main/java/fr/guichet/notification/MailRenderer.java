package fr.guichet.notification;

import java.util.Locale;
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

    record Rendered(String subject, String body) {}

    private final SpringTemplateEngine engine = new SpringTemplateEngine();
    private final MessageSource messages;

    MailRenderer(MessageSource messages) {
        this.messages = messages;
        var resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/mail/");
        resolver.setSuffix(".txt");
        resolver.setTemplateMode(TemplateMode.TEXT);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        engine.setTemplateResolver(resolver);
        engine.setTemplateEngineMessageSource(messages);
    }

    Rendered render(OutgoingMail mail) {
        Locale locale = mail.locale() == null ? Locale.FRENCH : mail.locale();
        var context = new Context(locale, mail.variables());
        var subject = messages.getMessage("mail." + mail.template() + ".subject", null, locale);
        return new Rendered(subject, engine.process(mail.template(), context).strip() + "\n");
    }
}
