package fr.guichet.releases;

import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.account.PersonView;
import fr.guichet.account.Recipient;
import fr.guichet.alerts.AlertKind;
import fr.guichet.alerts.Alerts;
import fr.guichet.helpdesk.CorrespondentSites;
import fr.guichet.notification.Outbox;
import fr.guichet.notification.OutgoingMail;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import fr.guichet.shared.PublicAddress;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * A published release is told to every establishment that has correspondents of the product, in the
 * publication's transaction: to its project address for the product when it gave one (the routing
 * inside is the establishment's, seed 001), else to each of its correspondents, each in his language.
 * Nobody gets two: a person correspondent for two establishments, or whose own address is a project
 * address, is written to once. A correspondent hears of it as he chose (alerts); a project address
 * always.
 */
@Component
class ReleaseMails {

    private final CorrespondentSites reference;
    private final ProjectAddresses addresses;
    private final Accounts accounts;
    private final Organizations organizations;
    private final Outbox outbox;
    private final PublicAddress address;
    private final Alerts alerts;

    ReleaseMails(
            CorrespondentSites reference,
            ProjectAddresses addresses,
            Accounts accounts,
            Organizations organizations,
            Outbox outbox,
            PublicAddress address,
            Alerts alerts) {
        this.alerts = alerts;
        this.reference = reference;
        this.addresses = addresses;
        this.accounts = accounts;
        this.organizations = organizations;
        this.outbox = outbox;
        this.address = address;
    }

    /** Returns how many e-mails were written. */
    int published(Release release, String productName, String versionLabel) {
        var projectAddresses = addresses.ofProduct(release.product());
        var link = address.link(
                "/produits/{product}/livraisons/{id}",
                release.product().value(),
                release.id().value());
        Set<String> told = new HashSet<>();
        var mails = 0;
        var sites = reference.correspondentsByEstablishment(release.product());
        // read once for every establishment, not one by one inside the publication's lock
        var establishments = new HashMap<OrganizationId, String>();
        organizations.findAll(List.copyOf(sites.keySet())).forEach(o -> establishments.put(o.id(), o.name()));
        var everyone = sites.values().stream().flatMap(List::stream).distinct().toList();
        var names = accounts.find(everyone).stream()
                .collect(Collectors.toMap(PersonView::id, PersonView::displayName, (a, b) -> a));
        var recipients = new HashMap<AccountId, Recipient>();
        accounts.recipients(everyone).forEach(r -> recipients.put(r.id(), r));
        var people = new LinkedHashSet<AccountId>();
        for (var site : sites.entrySet()) {
            var projectAddress = projectAddresses.get(site.getKey());
            if (projectAddress != null) {
                var establishment = establishments.getOrDefault(site.getKey(), projectAddress.email());
                if (tell(
                        told,
                        projectAddress.email(),
                        projectAddress.locale(),
                        establishment,
                        release,
                        productName,
                        versionLabel,
                        link)) {
                    mails++;
                }
                continue;
            }
            people.addAll(site.getValue());
        }
        // a correspondent whose own address is a project address was told there; the others, as each chose
        var persons = people.stream()
                .filter(id -> recipients.containsKey(id)
                        && !told.contains(recipients.get(id).email().toLowerCase(Locale.ROOT)))
                .toList();
        mails += alerts.tell(
                AlertKind.RELEASES,
                persons,
                "release-published",
                person -> variables(
                        names.getOrDefault(person.id(), person.email()), release, productName, versionLabel, link));
        return mails;
    }

    private static Map<String, Object> variables(
            String name, Release release, String productName, String versionLabel, String link) {
        return Map.of(
                "name", name,
                "kind", release.kind().name(),
                "product", productName,
                "version", versionLabel,
                "title", release.title(),
                "link", link);
    }

    private boolean tell(
            Set<String> told,
            String email,
            Locale locale,
            String name,
            Release release,
            String productName,
            String versionLabel,
            String link) {
        if (!told.add(email.toLowerCase(Locale.ROOT))) {
            return false;
        }
        outbox.enqueue(new OutgoingMail(
                email, locale, "release-published", variables(name, release, productName, versionLabel, link)));
        return true;
    }
}
