/**
 * A person's identity and memberships: accounts, the organisations one belongs to, who is signed in
 * and for which organisation he acts, and the events other modules follow (registration, sign-in,
 * joining or leaving an organisation...). Its nested modules hold how one signs in
 * ({@code security}), registration and the links sent by e-mail ({@code registration}), the
 * invitations to join an organisation ({@code invitations}) and "Mon compte" ({@code settings}).
 */
@ApplicationModule(displayName = "Accounts", allowedDependencies = "organization")
package fr.guichet.account;

import org.springframework.modulith.ApplicationModule;
