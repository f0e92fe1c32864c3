package fr.guichet.releases;

import fr.guichet.documents.UploadLimits;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** {@code guichet.releases}: what a release's files may be (a patch is an archive, its notes a PDF…). */
@ConfigurationProperties("guichet.releases")
record ReleasesProperties(DataSize maxSize, Set<String> allowedTypes) {

    /** The defaults are in application.yml, in one place: a start without them is a mistake. */
    ReleasesProperties {
        if (maxSize == null || allowedTypes == null || allowedTypes.isEmpty()) {
            throw new IllegalStateException("guichet.releases.max-size and allowed-types are required");
        }
        allowedTypes = Set.copyOf(allowedTypes);
    }

    UploadLimits limits() {
        return new UploadLimits(maxSize.toBytes(), allowedTypes);
    }
}
