package fr.guichet.notification;

import fr.guichet.shared.Profiles;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSender;

@Configuration(proxyBeanMethods = false)
class TransportConfiguration {

    @Bean
    MailTransport mailTransport(
            MailProperties properties, ObjectProvider<JavaMailSender> sender, Environment environment) {
        if (properties.transport() == MailProperties.Transport.SMTP) {
            var smtp = sender.getIfAvailable();
            if (smtp == null) {
                throw new IllegalStateException(
                        "guichet.mail.transport=smtp needs spring.mail.host (GUICHET_SMTP_HOST)");
            }
            return new SmtpTransport(smtp, properties.from());
        }
        // nothing would leave, and whoever reads the mailbox page reads everyone's links
        if (environment.matchesProfiles(Profiles.PRODUCTION)) {
            throw new IllegalStateException(
                    "guichet.mail.transport=mailbox (GUICHET_MAIL_TRANSPORT) keeps every e-mail "
                            + "unsent for the local mailbox page: it is refused under the production profile; use smtp and "
                            + "GUICHET_SMTP_HOST");
        }
        // mailbox mode: the message stays in the outbox table, where /dev/mailbox shows it
        return (message, attachments) -> {};
    }
}
