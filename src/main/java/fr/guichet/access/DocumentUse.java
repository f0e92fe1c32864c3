package fr.guichet.access;

import fr.guichet.documents.DocumentDownloaded;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** A download from a service's space is a use of the grant: the access review shows its date. */
@Component
class DocumentUse {

    private final AccessRequests requests;

    DocumentUse(AccessRequests requests) {
        this.requests = requests;
    }

    @ApplicationModuleListener
    void on(DocumentDownloaded downloaded) {
        if (ServiceDocumentAudience.KIND.equals(downloaded.ownerKind())) {
            requests.recordUse(new ServiceId(downloaded.ownerId()), downloaded.person());
        }
    }
}
