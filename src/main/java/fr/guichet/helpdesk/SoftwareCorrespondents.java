package fr.guichet.helpdesk;

import fr.guichet.organization.OrganizationId;
import java.util.List;

/**
 * Seed 000's "Correspondants logiciels": who an establishment's members turn to for each product it
 * uses. The helpdesk keeps who is correspondent where; whoever shows them decides who may see them.
 */
public interface SoftwareCorrespondents {

    /**
     * One line per correspondent, by product name then functional before technical.
     *
     * @param contactEmail the address to write to: the correspondent's contact address when he gave
     *     one (often the team's generic address), else his sign-in address
     */
    record SoftwareCorrespondent(String product, CorrespondentKind kind, String name, String contactEmail) {}

    List<SoftwareCorrespondent> of(OrganizationId establishment);
}
