package fr.guichet.certificates;

import fr.guichet.administration.SubOrganizationCreated;
import fr.guichet.shared.OrganizationRules;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What certificates require of the tree: a sub-organisation created with a certificate of its own
 * grants no right until it has asked for it; none is deleted while it holds a certificate or a request
 * is under way. The creator's choice is recorded in the creation's own transaction, so that no moment
 * exists when the new organisation has no rule.
 */
@Component
class TreeRules implements OrganizationRules {

    private final Certificates certificates;

    TreeRules(Certificates certificates) {
        this.certificates = certificates;
    }

    @EventListener
    void on(SubOrganizationCreated created) {
        certificates.recordInheritance(created.organizationId(), created.inheritsCertificate());
    }

    @Override
    public Optional<Missing> grantsWaitFor(long organization) {
        return certificates
                .awaitedRequest(organization)
                .map(awaited -> new Missing(
                        awaited == organization ? "certificates.grants-wait" : "certificates.grants-wait.inherited",
                        "/organisations/" + awaited + "/certificats"));
    }

    @Override
    public Optional<Missing> deletionWaitsFor(long organization) {
        var where = "/organisations/" + organization + "/certificats";
        if (certificates.holdsAny(organization)) {
            return Optional.of(new Missing("certificates.delete-wait.held", where));
        }
        if (certificates.hasOpenRequest(organization)) {
            return Optional.of(new Missing("certificates.delete-wait.request", where));
        }
        return Optional.empty();
    }
}
