package fr.guichet.notification;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

@Configuration(proxyBeanMethods = false)
class TransportConfiguration {

    @Bean
    MailTransport mailTransport(MailProperties properties, ObjectProvider<JavaMailSender> sender) {
        if (properties.transport() == MailProperties.Transport.SMTP) {
            var smtp = sender.getIfAvailable();
            if (smtp == null) {
                throw new IllegalStateException("guichet.mail.transport=smtp needs spring.mail.host (GUICHET_SMTP_HOST)");
            }
            return new SmtpTransport(smtp, properties.from());
        }
        // mailbox mode: the message stays in the outbox table, where /dev/mailbox shows it
        return message -> {
        };
    }
}
