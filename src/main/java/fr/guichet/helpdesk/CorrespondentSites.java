package fr.guichet.helpdesk;

import fr.guichet.account.AccountId;
import fr.guichet.organization.OrganizationId;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The helpdesk's data on each site (an establishment and a product) that other modules read and, for
 * a validated change request, change: who is correspondent where, the products' versions, the
 * installed version the agency validated. A change goes through the reference data's own services,
 * with their checks and their audit.
 */
public interface CorrespondentSites {

    /** Where a person is correspondent, with his kind there. */
    record Site(OrganizationId establishment, ProductId product, String productName, CorrespondentKind kind) {}

    /** A version of a product, as a form offers it. */
    record Version(long id, String label, @Nullable LocalDate releasedOn, boolean maintained) {}

    /** The version an establishment runs, as the agency validated it. */
    record Installed(long versionId, String label) {}

    /**
     * A correspondent of a site, as a change request shows and compares him.
     *
     * @param contactEmail the address he is written to as correspondent, none: his sign-in address
     */
    record Named(
            AccountId person,
            String name,
            String email,
            CorrespondentKind kind,
            @Nullable String contactEmail,
            @Nullable String contactPhone) {}

    List<Site> sitesOf(AccountId person);

    /** Correspondent of anything anywhere: what the header asks on every page, so one cheap question. */
    boolean isCorrespondent(AccountId person);

    /** Correspondent of any product of the establishment. */
    boolean isCorrespondent(AccountId person, OrganizationId establishment);

    /** The establishment's correspondents of every product, each once. */
    List<AccountId> correspondents(OrganizationId establishment);

    /** The site's correspondents by kind, then by when they were named. */
    List<Named> named(OrganizationId establishment, ProductId product);

    /** The same, their rows locked until the caller's transaction ends (a decision compares them). */
    List<Named> lockNamed(OrganizationId establishment, ProductId product);

    /**
     * Refused (a {@link fr.guichet.shared.Refusal}) unless this address is a person who may be named
     * the site's correspondent of that kind: an account, a confirmed member, not that already.
     */
    Named candidate(OrganizationId establishment, ProductId product, String email, CorrespondentKind kind);

    /** Whether this person may still be named so: a confirmed member, not named so already. */
    boolean mayBeNamed(OrganizationId establishment, ProductId product, AccountId person, CorrespondentKind kind);

    /** An agent validated this newcomer; the same checks as the reference pages' own. */
    void addCorrespondent(
            AccountId agent,
            OrganizationId establishment,
            ProductId product,
            AccountId person,
            CorrespondentKind kind,
            @Nullable String contactEmail);

    /** An agent validated this departure; nothing happens if he was no longer named. */
    void removeCorrespondent(
            AccountId agent, OrganizationId establishment, ProductId product, AccountId person, CorrespondentKind kind);

    /** An agent validated how the correspondent is reached for this site (both kinds if he is both). */
    void changeContact(
            AccountId agent,
            OrganizationId establishment,
            ProductId product,
            AccountId person,
            @Nullable String contactEmail,
            @Nullable String contactPhone);

    boolean isCorrespondent(AccountId person, OrganizationId establishment, ProductId product);

    /** The establishment's correspondents of the product. */
    List<AccountId> correspondents(OrganizationId establishment, ProductId product);

    /** Every establishment's correspondents of the product, each person once per establishment. */
    Map<OrganizationId, List<AccountId>> correspondentsByEstablishment(ProductId product);

    /** The product's correspondents of these kinds, in every establishment, each once. */
    Set<AccountId> correspondentsOf(ProductId product, Set<CorrespondentKind> kinds);

    Optional<String> productName(ProductId product);

    /** The active products by name, as a form offers them. */
    Map<ProductId, String> activeProducts();

    /** The product's versions, the latest released first. */
    List<Version> versions(ProductId product);

    Optional<Installed> installedVersion(OrganizationId establishment, ProductId product);

    /**
     * The same, its row locked until the caller's transaction ends: what a decision compares with
     * cannot change under it before it applies (an agent's edit on the reference pages waits).
     */
    Optional<Installed> lockInstalledVersion(OrganizationId establishment, ProductId product);

    /** An agent validated this version for the establishment; its server data stay as they were. */
    void validateInstalledVersion(AccountId agent, OrganizationId establishment, ProductId product, long versionId);
}
