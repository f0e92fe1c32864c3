/**
 * Document spaces (seed 001, "espaces documentaires"): files of a service (and later of a product)
 * in areas, families and folders, with versions, stored on disk behind {@link FileStore}. Who may
 * read or write a space is not decided here: each kind of owner provides a {@link DocumentAudience}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Documents")
package fr.guichet.documents;
