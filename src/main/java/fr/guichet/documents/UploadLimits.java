package fr.guichet.documents;

import java.util.Set;

/**
 * What a {@link FileStore} accepts for one use (documents, ticket attachments…): at most so many
 * bytes, and only these media types (e.g. {@code application/pdf}) as detected from the content.
 */
public record UploadLimits(long maxBytes, Set<String> allowedTypes) {

    public UploadLimits {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
        allowedTypes = Set.copyOf(allowedTypes);
    }

    public boolean allows(String contentType) {
        return allowedTypes.contains(contentType);
    }
}
