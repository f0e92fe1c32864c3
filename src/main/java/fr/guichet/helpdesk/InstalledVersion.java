package fr.guichet.helpdesk;

/** The version of a product an establishment runs, as the agency validated it. */
record InstalledVersion(long versionId, String label, boolean maintained) {
}
