package fr.guichet.helpdesk.tickets.attachments;

import fr.guichet.documents.UploadLimits;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** {@code guichet.helpdesk.*}: the attachments' size limit and the types they may be. */
@ConfigurationProperties("guichet.helpdesk")
record HelpdeskProperties(Attachments attachments) {

    record Attachments(DataSize maxSize, Set<String> allowedTypes) {}

    HelpdeskProperties {
        if (attachments == null
                || attachments.maxSize() == null
                || attachments.allowedTypes() == null
                || attachments.allowedTypes().isEmpty()) {
            throw new IllegalStateException("guichet.helpdesk.attachments.max-size and allowed-types are required");
        }
    }

    UploadLimits limits() {
        return new UploadLimits(attachments.maxSize().toBytes(), attachments.allowedTypes());
    }
}
