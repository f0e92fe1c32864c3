/**
 * The agency's announcements and news: agents write them and aim them at the people concerned
 * (everyone, establishments, a product's correspondents, interest domains, places, a service's
 * holders); those people see them on their home page and hear of them as they chose (alerts).
 */
@ApplicationModule(
        displayName = "Announcements and news",
        allowedDependencies = {
            "account",
            "account::events",
            "alerts",
            "organization",
            "helpdesk",
            "access",
            "documents",
            "shared"
        })
@NullMarked
package fr.guichet.news;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
