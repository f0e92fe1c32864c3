/**
 * Document spaces ("espaces documentaires"): files of a service or of a product in
 * areas, families and folders, with versions, stored on disk behind {@link FileStore}. Who may
 * read or write a space is not decided here: each kind of owner provides a
 * {@link DocumentAudience} and hears of the downloads (the named interface {@code audience}).
 */
@ApplicationModule(
        displayName = "Documents",
        allowedDependencies = {"account", "alerts", "notification"})
@NullMarked
package fr.guichet.documents;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
