package fr.guichet.administration;

import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.account.MembershipView;
import fr.guichet.account.PersonView;
import fr.guichet.helpdesk.SoftwareCorrespondents;
import fr.guichet.helpdesk.SoftwareCorrespondents.SoftwareCorrespondent;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.OrganizationView;
import fr.guichet.organization.Organizations;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Mon établissement": each establishment a person belongs to, with its super admins (whom even a
 * declared member needs, to be confirmed) and its software correspondents, which only its confirmed
 * members and the agency's staff see: a declaration alone must not open the establishment's contacts
 * to whoever claims to belong.
 */
@Service
class MyEstablishments {

    record EstablishmentInfo(
            OrganizationView establishment,
            List<PersonView> superAdmins,
            boolean seesCorrespondents,
            List<SoftwareCorrespondent> correspondents) {}

    private final Accounts accounts;
    private final Organizations organizations;
    private final Administration administration;
    private final SoftwareCorrespondents correspondents;

    MyEstablishments(
            Accounts accounts,
            Organizations organizations,
            Administration administration,
            SoftwareCorrespondents correspondents) {
        this.accounts = accounts;
        this.organizations = organizations;
        this.administration = administration;
        this.correspondents = correspondents;
    }

    @Transactional(readOnly = true)
    List<EstablishmentInfo> of(AccountId person) {
        var memberships = accounts.memberships(person);
        Map<OrganizationId, OrganizationView> joined =
                organizations
                        .findAll(memberships.stream()
                                .map(MembershipView::organization)
                                .toList())
                        .stream()
                        .collect(Collectors.toMap(OrganizationView::id, Function.identity()));
        var staff = accounts.isStaff(person);
        return memberships.stream()
                .map(m -> joined.get(m.organization()))
                .filter(Objects::nonNull)
                .map(OrganizationView::establishmentId)
                .distinct()
                .map(organizations::find)
                .flatMap(Optional::stream)
                .map(e -> {
                    var sees = staff || confirmedIn(e.id(), memberships, joined);
                    return new EstablishmentInfo(
                            e,
                            administration.superAdminsOf(e.id()),
                            sees,
                            sees ? correspondents.of(e.id()) : List.of());
                })
                .toList();
    }

    /** A confirmed membership of the establishment itself or of one of its sub-organisations. */
    private static boolean confirmedIn(
            OrganizationId establishment,
            List<MembershipView> memberships,
            Map<OrganizationId, OrganizationView> joined) {
        return memberships.stream()
                .filter(MembershipView::confirmed)
                .map(m -> joined.get(m.organization()))
                .anyMatch(o -> o != null && o.establishmentId().equals(establishment));
    }
}
