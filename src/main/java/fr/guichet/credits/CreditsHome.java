package fr.guichet.credits;

import fr.guichet.account.AccountId;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import fr.guichet.shared.OrganizationHomePart;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The "Points" entry of an organisation's home page and its balance at yesterday's end (J-1). */
@Component
class CreditsHome implements OrganizationHomePart {

    /** What the home page shows: the balance, the day it is at, and whose balance it is. */
    public record Balance(long organizationId, long amount, LocalDate at, String holder, boolean drawsOnAnother) {}

    private final CreditsAccess access;
    private final Ledger ledger;
    private final Organizations organizations;

    CreditsHome(CreditsAccess access, Ledger ledger, Organizations organizations) {
        this.access = access;
        this.ledger = ledger;
        this.organizations = organizations;
    }

    @Override
    public List<Entry> entries(long viewer, long organization) {
        return access.mayRead(new AccountId(viewer), new OrganizationId(organization))
                ? List.of(new Entry("credits.heading", "/organisations/" + organization + "/points", 10))
                : List.of();
    }

    @Override
    public String template() {
        return "credits/home";
    }

    @Override
    public Optional<Object> section(long viewer, long organization, Locale locale) {
        if (!access.mayRead(new AccountId(viewer), new OrganizationId(organization))) {
            return Optional.empty();
        }
        return organizations.find(new OrganizationId(organization)).map(o -> {
            var yesterday = ledger.today().minusDays(1);
            var holder = ledger.holderOf(o);
            return new Balance(
                    organization,
                    ledger.balanceAt(o, yesterday),
                    yesterday,
                    holder.name(),
                    !holder.id().equals(o.id()));
        });
    }
}
