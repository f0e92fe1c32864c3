package fr.guichet.alerts;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The kinds of events a person chooses to hear of, grouped as he thinks of them. Each says how it
 * may reach him: what awaits an action of his may wait for the digest but never be switched off.
 * The kinds sent in bulk, one person at a time, carry a link that stops them in one click.
 */
public enum AlertKind {
    /** each act on the tickets he filed, but those that await his answer (always sent) */
    MY_TICKETS(Group.TICKETS, false, false),
    /** the acts on his establishment's tickets of a product he is correspondent of */
    SITE_TICKETS(Group.TICKETS, false, false),
    /** an access request he decides as a super admin: it awaits him */
    ACCESS_TO_DECIDE(Group.ACCESS, true, false),
    /** another decider's decision on a request he could decide */
    ACCESS_DECISIONS(Group.ACCESS, false, false),
    /** a new document in a favourite service's space or a product's he is correspondent of */
    NEW_DOCUMENTS(Group.DOCUMENTS, false, true),
    /** a release of a product he is correspondent of */
    RELEASES(Group.DOCUMENTS, false, true),
    /** the agency's decision on a change request of his establishment */
    CHANGE_DECISIONS(Group.CORRESPONDENTS, false, false),
    /** the agency's announcements and news aimed at him */
    ANNOUNCEMENTS(Group.NEWS, false, true);

    public enum Group {
        TICKETS,
        ACCESS,
        DOCUMENTS,
        CORRESPONDENTS,
        NEWS;

        public List<AlertKind> kinds() {
            return AlertKind.of(this);
        }
    }

    private final Group group;
    private final boolean awaitsAction;
    private final boolean bulk;

    AlertKind(Group group, boolean awaitsAction, boolean bulk) {
        this.group = group;
        this.awaitsAction = awaitsAction;
        this.bulk = bulk;
    }

    public Group group() {
        return group;
    }

    public boolean bulk() {
        return bulk;
    }

    public Set<Delivery> allowed() {
        return awaitsAction ? EnumSet.of(Delivery.IMMEDIATE, Delivery.DIGEST) : EnumSet.allOf(Delivery.class);
    }

    public boolean allows(Delivery delivery) {
        return allowed().contains(delivery);
    }

    public List<Delivery> choices() {
        return List.copyOf(allowed());
    }

    public static List<AlertKind> of(Group group) {
        return EnumSet.allOf(AlertKind.class).stream()
                .filter(k -> k.group == group)
                .toList();
    }
}
