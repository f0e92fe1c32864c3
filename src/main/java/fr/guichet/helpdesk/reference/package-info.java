/**
 * The reference data tickets are filed and handled with, kept by the agency's staff on
 * {@code /agence/referentiel}: products with their versions and domains, each establishment's
 * correspondents and installed version, the category tree with its required fields, teams,
 * contractors and the service commitments. Every change goes through the services here, which
 * check it and leave a {@code ReferenceDataChanged} for the audit trail.
 */
@ApplicationModule(
        displayName = "Helpdesk > Reference data",
        allowedDependencies = {"helpdesk", "account", "account::events", "organization", "shared"})
@NullMarked
package fr.guichet.helpdesk.reference;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
