package fr.guichet.helpdesk.tickets;

import fr.guichet.helpdesk.Nature;
import fr.guichet.helpdesk.Priority;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.ArrayList;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/**
 * How a ticket is qualified: its priority, its functional domain and its nature. The site gives
 * them when it files; an agent may requalify. Public only as a type, for the search module to
 * index it.
 */
@NamedInterface("search")
@Embeddable
public class Qualification {

    @Enumerated(EnumType.STRING)
    private @Nullable Priority priority;

    private @Nullable String domain;

    @Enumerated(EnumType.STRING)
    private @Nullable Nature nature;

    protected Qualification() {}

    Qualification(@Nullable Priority priority, @Nullable String domain, @Nullable Nature nature) {
        this.priority = priority;
        this.domain = domain;
        this.nature = nature;
    }

    /** An agent's requalification: what changed, as the ticket's exchange tells it, or null when nothing did. */
    @Nullable
    String requalify(@Nullable Priority newPriority, @Nullable String newDomain, @Nullable Nature newNature) {
        var changes = new ArrayList<String>();
        if (newPriority != null && newPriority != priority) {
            changes.add("priority: " + priority + " → " + newPriority);
            this.priority = newPriority;
        }
        var domainText = newDomain == null || newDomain.isBlank() ? null : newDomain.strip();
        if (domainText != null && !domainText.equals(domain)) {
            changes.add("domain: " + (domain == null ? "—" : domain) + " → " + domainText);
            this.domain = domainText;
        }
        if (newNature != null && newNature != nature) {
            changes.add("nature: " + nature + " → " + newNature);
            this.nature = newNature;
        }
        return changes.isEmpty() ? null : String.join("; ", changes);
    }

    @Nullable
    Priority priority() {
        return priority;
    }

    @Nullable
    String domain() {
        return domain;
    }

    @Nullable
    Nature nature() {
        return nature;
    }
}
