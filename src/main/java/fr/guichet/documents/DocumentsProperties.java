package fr.guichet.documents;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code guichet.documents}: what a document space accepts, and where each kind of owner's space
 * is on the portal (a pattern with {@code {id}}, e.g. {@code /services/{id}/documents}) for the
 * links in e-mails.
 */
@ConfigurationProperties("guichet.documents")
record DocumentsProperties(DataSize maxSize, Set<String> allowedTypes, Map<String, String> spaceLinks) {

    /** One path segment before the owner's id: the pages answer every space under one mapping. */
    private static final Pattern SPACE_LINK = Pattern.compile("/([a-z-]+)/\\{id}/documents");

    /** The defaults are in application.yml, in one place: a start without them is a mistake. */
    DocumentsProperties {
        if (maxSize == null || allowedTypes == null || allowedTypes.isEmpty()) {
            throw new IllegalStateException("guichet.documents.max-size and allowed-types are required");
        }
        allowedTypes = Set.copyOf(allowedTypes);
        spaceLinks = spaceLinks == null ? Map.of() : Map.copyOf(spaceLinks);
        spaceLinks.forEach((kind, link) -> {
            if (!SPACE_LINK.matcher(link).matches()) {
                throw new IllegalStateException(
                        "guichet.documents.space-links." + kind + " must read /<section>/{id}/documents");
            }
        });
    }

    /** The kind of owner whose spaces are under {@code /<section>/…}, e.g. "service" for "services". */
    Optional<String> kindAt(String section) {
        var link = "/" + section + "/{id}/documents";
        return spaceLinks.entrySet().stream()
                .filter(e -> e.getValue().equals(link))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    /** The path patterns of every kind's spaces, e.g. {@code /services/*}{@code /documents}. */
    List<String> spacePatterns() {
        return spaceLinks.values().stream()
                .sorted()
                .map(link -> link.replace("{id}", "*"))
                .toList();
    }

    UploadLimits limits() {
        return new UploadLimits(maxSize.toBytes(), allowedTypes);
    }
}
