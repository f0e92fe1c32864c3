/**
 * The append-only trail of every security-relevant act: who, when, from where, what, on what. It
 * listens to the events of the modules it audits and shows the trail to those who administer.
 */
@ApplicationModule(
        displayName = "Audit",
        allowedDependencies = {
            "account",
            "account::events",
            "organization",
            "administration::delegation",
            "administration::events",
            "branding",
            "certificates",
            "access",
            "changes",
            "connect",
            "credits",
            "documents",
            "events",
            "federation",
            "helpdesk",
            "knowledge",
            "news",
            "releases",
            "statistics"
        })
@NullMarked
package fr.guichet.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
