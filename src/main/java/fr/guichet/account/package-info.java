/**
 * A person's identity and memberships: accounts, the organisations one belongs to, the events other
 * modules follow (registration, sign-in, leaving an organisation...). Its nested modules hold how one
 * signs in ({@code security}), and for now registration, links by e-mail and "Mon compte" stay here.
 */
@ApplicationModule(
        displayName = "Accounts",
        allowedDependencies = {"organization", "notification"})
package fr.guichet.account;

import org.springframework.modulith.ApplicationModule;
