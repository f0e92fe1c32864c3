/**
 * Encryption certificates ("certificats de chiffrement"): the public certificates a procurement
 * platform encrypts an organisation's bids with, whether installed by the agency for a request of
 * supports, uploaded by its administrators, or inherited from the parent organisation; the requests and
 * their lifecycle; the warnings before they expire; and what they require of the tree (no right
 * granted in a new sub-organisation before a request or inheritance, no deletion while any remains).
 */
@ApplicationModule(
        displayName = "Certificates",
        allowedDependencies = {
            "account",
            "administration::delegation",
            "administration::events",
            "notification",
            "organization"
        })
@NullMarked
package fr.guichet.certificates;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
