package fr.guichet.changes;

import fr.guichet.account.AccountId;
import fr.guichet.helpdesk.CorrespondentSites;
import fr.guichet.helpdesk.ProductId;
import fr.guichet.organization.OrganizationId;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * The installed-version kind: a version chosen among the product's own, kept as JSON with its label
 * so that the request still reads the same if the version is renamed later.
 */
@Component
class InstalledVersionChanges implements Chapter {

    record Installed(long versionId, String label) {}

    private final CorrespondentSites reference;
    private final ObjectMapper json;

    InstalledVersionChanges(CorrespondentSites reference, ObjectMapper json) {
        this.reference = reference;
        this.json = json;
    }

    @Override
    public ChangeKind kind() {
        return ChangeKind.INSTALLED_VERSION;
    }

    /** The version the agency validated for this establishment, if any. */
    Optional<Installed> current(OrganizationId establishment, ProductId product) {
        return reference.installedVersion(establishment, product).map(v -> new Installed(v.versionId(), v.label()));
    }

    /** One of the product's versions, or refused. */
    Installed wanted(ProductId product, long versionId) {
        return reference.versions(product).stream()
                .filter(v -> v.id() == versionId)
                .findFirst()
                .map(v -> new Installed(v.id(), v.label()))
                .orElseThrow(() -> new ChangeRefusal("changes.installed-version.unknown"));
    }

    Draft draft(OrganizationId establishment, ProductId product, Installed wanted) {
        var current = current(establishment, product);
        if (current.map(c -> c.versionId() == wanted.versionId()).orElse(false)) {
            throw new ChangeRefusal("changes.installed-version.same", wanted.label());
        }
        return new Draft(
                kind(), establishment, product, "-", current.map(this::write).orElse(null), write(wanted));
    }

    /** The version ids compared, not their words: a renamed version is the same version. */
    @Override
    public boolean stillAsAsked(ChangeRequest request) {
        var now = reference
                .lockInstalledVersion(request.establishment(), Objects.requireNonNull(request.product()))
                .map(CorrespondentSites.Installed::versionId);
        return now.equals(versionOf(request.before()));
    }

    private Optional<Long> versionOf(@Nullable String data) {
        return Optional.ofNullable(data).map(d -> read(d).versionId());
    }

    @Override
    public void apply(AccountId agent, ChangeRequest request) {
        reference.validateInstalledVersion(
                agent,
                request.establishment(),
                Objects.requireNonNull(request.product()),
                read(request.after()).versionId());
    }

    @Override
    public String describe(String data, Locale locale) {
        return read(data).label();
    }

    private String write(Installed installed) {
        return json.writeValueAsString(installed);
    }

    Installed read(String data) {
        return json.readValue(data, Installed.class);
    }
}
