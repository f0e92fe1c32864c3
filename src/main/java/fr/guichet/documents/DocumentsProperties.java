package fr.guichet.documents;

import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code guichet.documents}: what a document space accepts, and where each kind of owner's space
 * is on the portal (a pattern with {@code {id}}, e.g. {@code /services/{id}/documents}) for the
 * links in e-mails.
 */
@ConfigurationProperties("guichet.documents")
record DocumentsProperties(DataSize maxSize, Set<String> allowedTypes, Map<String, String> spaceLinks) {

    /** The defaults are in application.yml, in one place: a start without them is a mistake. */
    DocumentsProperties {
        if (maxSize == null || allowedTypes == null || allowedTypes.isEmpty()) {
            throw new IllegalStateException("guichet.documents.max-size and allowed-types are required");
        }
        allowedTypes = Set.copyOf(allowedTypes);
        spaceLinks = spaceLinks == null ? Map.of() : Map.copyOf(spaceLinks);
    }

    UploadLimits limits() {
        return new UploadLimits(maxSize.toBytes(), allowedTypes);
    }
}
