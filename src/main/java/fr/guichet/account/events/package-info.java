/**
 * What happens to an account and its memberships, as other modules hear it: registration,
 * activation, sign-in, changes to one's details, password or tokens ({@code AccountEvent}, which
 * the audit trail records), and the start and end of a membership. Part of the account module's
 * published API, as its named interface {@code events}.
 */
@NamedInterface("events")
package fr.guichet.account.events;

import org.springframework.modulith.NamedInterface;
