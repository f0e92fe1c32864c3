package fr.guichet.news;

import fr.guichet.access.ServiceCatalogue;
import fr.guichet.access.ServiceId;
import fr.guichet.account.AccountId;
import fr.guichet.account.InterestDomain;
import fr.guichet.account.PlaceAudience;
import fr.guichet.account.Populations;
import fr.guichet.helpdesk.CorrespondentKind;
import fr.guichet.helpdesk.CorrespondentSites;
import fr.guichet.helpdesk.ProductId;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.OrganizationView;
import fr.guichet.organization.Organizations;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The people a target reaches: each sort of criterion gives a set (the union of its values), and
 * the sets narrow each other. Sets of ids, one query per value: a hundred thousand people are a
 * few megabytes, never a hundred thousand objects loaded.
 */
@Component
class Audience {

    private final Populations populations;
    private final Organizations organizations;
    private final CorrespondentSites sites;
    private final ServiceCatalogue services;
    private final PlaceAudience places;

    Audience(
            Populations populations,
            Organizations organizations,
            CorrespondentSites sites,
            ServiceCatalogue services,
            PlaceAudience places) {
        this.populations = populations;
        this.organizations = organizations;
        this.sites = sites;
        this.services = services;
        this.places = places;
    }

    /** Refuses a target naming what does not exist, before anything is saved. */
    @Transactional(readOnly = true)
    void check(Target target) {
        for (var criterion : target.criteria().keySet()) {
            for (var value : target.values(criterion)) {
                if (!exists(criterion, value)) {
                    throw new AnnouncementRefusal("news.refused.unknown-target");
                }
            }
        }
    }

    /** Everyone it reaches, active accounts only, in the order of their ids (the order they are told in). */
    @Transactional(readOnly = true)
    List<AccountId> of(Target target) {
        Set<AccountId> people;
        if (target.everyone()) {
            people = populations.everyone();
        } else {
            people = null;
            for (var criterion : target.criteria().keySet()) {
                var matching = new HashSet<AccountId>();
                for (var value : target.values(criterion)) {
                    matching.addAll(matching(criterion, value));
                }
                if (people == null) {
                    people = matching;
                } else {
                    people.retainAll(matching);
                }
            }
            // some criteria (correspondents, holders) know nothing of accounts' status: narrowed here,
            // among these people only rather than against every active account
            people = people == null ? Set.of() : populations.activeAmong(people);
        }
        var ordered = new ArrayList<>(people);
        ordered.sort(Comparator.comparingLong(AccountId::value));
        return ordered;
    }

    /** Whether it reaches one person: the same sets as {@link #of}, each narrowed to him first. */
    @Transactional(readOnly = true)
    boolean includes(Target target, AccountId person) {
        var alone = populations.activeAmong(Set.of(person));
        if (alone.isEmpty()) {
            return false;
        }
        if (target.everyone()) {
            return true;
        }
        if (target.criteria().isEmpty()) {
            return false;
        }
        for (var criterion : target.criteria().keySet()) {
            var reached = false;
            for (var value : target.values(criterion)) {
                if (matching(criterion, value).contains(person)) {
                    reached = true;
                    break;
                }
            }
            if (!reached) {
                return false;
            }
        }
        return true;
    }

    /**
     * Who a value reaches: nobody when what it names is gone since it was chosen (an establishment
     * deleted, a place a data refresh dropped), rather than an announcement that can never be sent.
     */
    private Set<AccountId> matching(Criterion criterion, String value) {
        if (!exists(criterion, value)) {
            return Set.of();
        }
        switch (criterion) {
            case ESTABLISHMENT:
                var subtree = organizations.subtree(new OrganizationId(Long.parseLong(value))).stream()
                        .map(OrganizationView::id)
                        .toList();
                return populations.membersOf(subtree);
            case CORRESPONDENTS:
                var parts = value.split(":", 2);
                var kinds = "BOTH".equals(parts[1])
                        ? EnumSet.allOf(CorrespondentKind.class)
                        : EnumSet.of(CorrespondentKind.valueOf(parts[1]));
                return sites.correspondentsOf(new ProductId(Long.parseLong(parts[0])), kinds);
            case INTEREST_DOMAIN:
                return populations.interestedIn(Set.of(InterestDomain.valueOf(value)));
            case PLACE:
                return places.concernedBy(List.of(value));
            case SERVICE:
                return services.holders(new ServiceId(Long.parseLong(value)));
            default:
                throw new IllegalArgumentException(criterion.name());
        }
    }

    private boolean exists(Criterion criterion, String value) {
        try {
            switch (criterion) {
                case ESTABLISHMENT:
                    return organizations
                            .find(new OrganizationId(Long.parseLong(value)))
                            .filter(o -> o.id().equals(o.establishmentId()))
                            .isPresent();
                case CORRESPONDENTS:
                    var parts = value.split(":", 2);
                    if (parts.length != 2
                            || !(parts[1].equals("BOTH")
                                    || parts[1].equals("FUNCTIONAL")
                                    || parts[1].equals("TECHNICAL"))) {
                        return false;
                    }
                    return sites.productName(new ProductId(Long.parseLong(parts[0])))
                            .isPresent();
                case INTEREST_DOMAIN:
                    InterestDomain.valueOf(value);
                    return true;
                case PLACE:
                    return places.knows(value);
                case SERVICE:
                    return services.find(new ServiceId(Long.parseLong(value))).isPresent();
                default:
                    return false;
            }
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }
}
