package fr.guichet.changes;

import fr.guichet.account.AccountId;
import fr.guichet.helpdesk.CorrespondentSites;
import fr.guichet.helpdesk.ProductId;
import fr.guichet.organization.OrganizationId;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * The installed-version kind: a version chosen among the product's own, kept as JSON with its label
 * so that the request still reads the same if the version is renamed later.
 */
@Component
class InstalledVersionChanges {

    record Installed(long versionId, String label) {}

    private final CorrespondentSites reference;
    private final ObjectMapper json;

    InstalledVersionChanges(CorrespondentSites reference, ObjectMapper json) {
        this.reference = reference;
        this.json = json;
    }

    /** The version the agency validated for this establishment, if any. */
    Optional<Installed> current(OrganizationId establishment, ProductId product) {
        return reference.installedVersion(establishment, product).map(v -> new Installed(v.versionId(), v.label()));
    }

    /** The version validated now, locked until the decision's transaction ends. */
    Optional<Long> lockCurrent(OrganizationId establishment, ProductId product) {
        return reference.lockInstalledVersion(establishment, product).map(CorrespondentSites.Installed::versionId);
    }

    /** One of the product's versions, or refused. */
    Installed wanted(ProductId product, long versionId) {
        return reference.versions(product).stream()
                .filter(v -> v.id() == versionId)
                .findFirst()
                .map(v -> new Installed(v.id(), v.label()))
                .orElseThrow(() -> new ChangeRefusal("changes.installed-version.unknown"));
    }

    /** The version id a request's data name; none for a request made when there was none. */
    Optional<Long> versionOf(@Nullable String data) {
        return Optional.ofNullable(data).map(d -> read(d).versionId());
    }

    void apply(AccountId agent, ChangeRequest request) {
        reference.validateInstalledVersion(
                agent,
                request.establishment(),
                request.product(),
                read(request.after()).versionId());
    }

    String write(Installed installed) {
        return json.writeValueAsString(installed);
    }

    Installed read(String data) {
        return json.readValue(data, Installed.class);
    }
}
